package io.happyos.registry.core.model;

import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.ErrorRecord;
import io.happyos.registry.RegistryEntry;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The registry's mutable state for one component. Status and error history change together under
 * the record's monitor; everything else is safe to read without it.
 *
 * <p>Every change a {@link RegistryEntry} shows (status, information, errors, restored access
 * figures) bumps a version after it is made; {@link ComponentStore#snapshot} keeps the last entry it
 * built here with the versions it was built from and hands it out again, reading only this
 * record's fields, without locking or allocating, while they still hold.
 */
public final class ComponentRecord {

    private static final long NEVER = Long.MIN_VALUE;
    private static final VarHandle VERSION;

    static {
        try {
            VERSION = MethodHandles.lookup().findVarHandle(ComponentRecord.class, "version", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final AtomicInteger SERIALS = new AtomicInteger();
    private final int serial = SERIALS.getAndIncrement();
    private final EntrySnapshots snapshots; // told when the entry handed out is out of date
    private final String id;
    private final long bundleId;
    private final Instant registeredAt;
    // counted on every instance lookup not counted by a consumer's counter (see countAlso):
    // striped so that threads do not contend on one cache line
    private final LongAdder accessCount = new LongAdder();
    // consumers' counters that count the accesses they make, each with its count when it began
    // counting for this record; written under the monitor, copy on write
    private volatile Counted[] countedAlso = NOT_COUNTED;
    private static final Counted[] NOT_COUNTED = {};

    private record Counted(LongSupplier count, long base) {}

    private volatile ComponentInfo info;
    private volatile long lastAccessedMillis = NEVER;
    private volatile long lastActivationNanos = NEVER;
    private volatile List<String> missingRequirements = List.of();
    private volatile boolean starting;
    private volatile boolean removed; // set once the store no longer holds it
    private volatile ComponentControl control;
    private volatile String holdReason; // why a hook holds it back; in memory only, ended by ACTIVE
    private volatile ComponentStatus status; // written under the monitor, read without it
    private boolean wasActive;
    private boolean errorHeld; // an ERROR set by hand: the status stays ERROR until released
    private final List<ErrorRecord> errors = new ArrayList<>(2);
    private volatile int version; // bumped through VERSION after each change an entry shows
    // The entry handed out while nothing it shows changed, and the versions it was built from.
    // Written only by EntrySnapshots under the record's monitor, current last (and cleared first),
    // so that a reader who finds the same current before and after reading the versions read the
    // versions that go with it. An access clears current (once: later accesses only read it).
    private volatile RegistryEntry current;
    private volatile int currentVersion;
    private volatile long currentGraph;
    private RegistryEntry lastBuilt; // guarded by the monitor: copied when only accesses changed

    ComponentRecord(
            String id,
            long bundleId,
            ComponentInfo info,
            ComponentStatus status,
            Instant registeredAt,
            EntrySnapshots snapshots) {
        this.snapshots = snapshots;
        this.id = id;
        this.bundleId = bundleId;
        this.info = info;
        this.status = status;
        this.registeredAt = registeredAt;
    }

    /**
     * @return a number of this record's own, different for each record made in this JVM (until it
     *     wraps round): spreads records over a small table without hashing their ids
     */
    public int serial() {
        return serial;
    }

    /** @return the component's id */
    public String id() {
        return id;
    }

    /** @return the bundle id, or {@link io.happyos.registry.RegistryEntry#NO_BUNDLE} */
    public long bundleId() {
        return bundleId;
    }

    /** @return whether a bundle stands behind the component */
    public boolean hasBundle() {
        return bundleId >= 0;
    }

    /** @return what is known about the component */
    public ComponentInfo info() {
        return info;
    }

    void info(ComponentInfo newInfo) {
        this.info = newInfo;
        changed();
    }

    /** Marks the entry built so far as out of date; called after the change is made. */
    private void changed() {
        VERSION.getAndAdd(this, 1);
        snapshots.outOfDate(id);
    }

    /** @return a number that changes after every change an entry of this record shows */
    int version() {
        return version;
    }

    /**
     * The entry handed out last, if nothing it shows changed since: one volatile read of this
     * record's fields after another, no lock, no allocation.
     *
     * @param graphVersion the store's graph version now
     * @return the entry, or {@code null} when there is none, it is out of date, or an access was
     *     counted since it was built
     */
    RegistryEntry current(long graphVersion) {
        RegistryEntry entry = current;
        if (entry != null && currentVersion == version && currentGraph == graphVersion && current == entry) {
            return entry;
        }
        return null;
    }

    /**
     * The entry built last, whatever accesses were counted since, if it was built from these
     * versions. The caller holds the monitor.
     */
    RegistryEntry lastBuilt(int builtVersion, long graphVersion) {
        return currentVersion == builtVersion && currentGraph == graphVersion ? lastBuilt : null;
    }

    /** Hands out {@code entry} from now on; the caller holds the monitor. */
    void publish(RegistryEntry entry, int builtVersion, long graphVersion) {
        current = null;
        currentVersion = builtVersion;
        currentGraph = graphVersion;
        lastBuilt = entry;
        current = entry;
    }

    /** Stops handing out the current entry: an access it may not show was counted. */
    void unpublish() {
        current = null;
        snapshots.outOfDate(id);
    }

    /** @return when it was registered */
    public Instant registeredAt() {
        return registeredAt;
    }

    /** @return its current status */
    public ComponentStatus status() {
        return status;
    }

    /** @return whether it was active at some point since it was registered */
    public synchronized boolean wasActive() {
        return wasActive;
    }

    /** @return whether it is in an ERROR set by hand, which its bundle's events do not change */
    public synchronized boolean errorHeld() {
        return errorHeld;
    }

    /** @param held whether its status is an ERROR set by hand; set with the status, under the store's rules */
    public synchronized void errorHeld(boolean held) {
        errorHeld = held;
    }

    /**
     * Sets the status.
     *
     * @param newStatus the status
     * @return the previous status
     */
    synchronized ComponentStatus status(ComponentStatus newStatus) {
        ComponentStatus old = status;
        status = newStatus;
        if (newStatus == ComponentStatus.ACTIVE) {
            wasActive = true;
            holdReason = null;
        }
        changed();
        return old;
    }

    /**
     * @return why a PRE_ACTIVATION hook held the component back the last time it was to be
     *     activated, or {@code null} when none did or it became active since
     */
    public String holdReason() {
        return holdReason;
    }

    /** @param reason why a hook holds the component back (kept until it becomes active), or {@code null} */
    public void holdReason(String reason) {
        this.holdReason = reason;
    }

    /** Appends an error, dropping the oldest beyond {@code max} so a flapping component stays bounded. */
    synchronized void addError(ErrorRecord error, int max) {
        while (errors.size() >= max && !errors.isEmpty()) {
            errors.remove(0);
        }
        errors.add(error);
        changed();
    }

    /** @return a copy of the error history, oldest first */
    public synchronized List<ErrorRecord> errors() {
        return List.copyOf(errors);
    }

    /** @return the requirements nothing installed provides (for a bundle not yet resolved) */
    public List<String> missingRequirements() {
        return missingRequirements;
    }

    void missingRequirements(List<String> missing) {
        this.missingRequirements = List.copyOf(missing);
    }

    /** @return whether the store dropped it (unregistered): a record kept elsewhere is then stale */
    public boolean removed() {
        return removed;
    }

    void markRemoved() {
        removed = true;
    }

    /** @return whether its bundle is between STARTING and STARTED */
    public boolean starting() {
        return starting;
    }

    /** @param value whether its bundle is between STARTING and STARTED */
    public void starting(boolean value) {
        this.starting = value;
    }

    /** @return how a component that is not a bundle is switched, or {@code null} for none */
    public ComponentControl control() {
        return control;
    }

    /** @param value how the component is switched on and off */
    public void control(ComponentControl value) {
        this.control = value;
    }

    /**
     * Counts one access now, reading the wall clock. See {@link #recordAccess(long)}.
     */
    public void recordAccess() {
        recordAccess(System.currentTimeMillis());
    }

    /**
     * Counts one access, without a lock, an allocation or a clock read, so a hot loop can afford
     * it. The count is striped ({@link LongAdder}); the time is written only when the millisecond
     * changed, and the entry handed out is dropped only once, so threads accessing one component do
     * not fight over a cache line.
     *
     * @param nowMillis the time of the access, epoch milliseconds
     */
    public void recordAccess(long nowMillis) {
        accessedAt(nowMillis);
        accessCount.increment();
        accessCounted();
    }

    /**
     * The first half of an access counted by a consumer's own counter (see {@link #countAlso}):
     * notes its time. Call it, then count the access in that counter, then
     * {@link #accessCounted()}. The time is written before the count: whoever sees the new count
     * sees a time at least as new.
     *
     * @param nowMillis the time of the access, epoch milliseconds
     */
    public void accessedAt(long nowMillis) {
        if (lastAccessedMillis != nowMillis) {
            lastAccessedMillis = nowMillis;
        }
    }

    /**
     * The last half of an access: after the count, so that an entry published before this read is
     * dropped here, and one published after it read the count again (see {@link EntrySnapshots}).
     */
    public void accessCounted() {
        if (current != null) {
            current = null;
            snapshots.outOfDate(id);
        }
    }

    /**
     * Counts, as accesses of this component, what a consumer's counter counts from now on: a
     * lookup through that consumer then increments its own counter only, not this record's too.
     * Adding the same counter again (an equal one) changes nothing.
     *
     * @param count the consumer's count of accesses of this component; never decreases
     */
    public synchronized void countAlso(LongSupplier count) {
        Counted[] counted = countedAlso;
        for (Counted c : counted) {
            if (c.count().equals(count)) {
                return;
            }
        }
        Counted[] more = Arrays.copyOf(counted, counted.length + 1);
        more[counted.length] = new Counted(count, count.getAsLong());
        countedAlso = more;
    }

    /**
     * Puts back access figures kept from an earlier run.
     *
     * @param count the count
     * @param lastMillis the last access, epoch milliseconds (0 for never)
     */
    public void restoreAccess(long count, long lastMillis) {
        if (lastMillis > 0) {
            lastAccessedMillis = lastMillis;
        }
        accessCount.add(count);
        changed();
    }

    /** @return how many times it was accessed */
    public long accessCount() {
        long sum = accessCount.sum();
        for (Counted c : countedAlso) {
            sum += c.count().getAsLong() - c.base();
        }
        return sum;
    }

    /** @return when it was last accessed, or {@code null} */
    public Instant lastAccessed() {
        long millis = lastAccessedMillis;
        return millis == NEVER ? null : Instant.ofEpochMilli(millis);
    }

    /**
     * Remembers how long the registry took to activate it, the last time it did.
     *
     * @param nanos the duration; negative counts as 0
     */
    public void activationTook(long nanos) {
        lastActivationNanos = Math.max(0L, nanos);
        synchronized (activationHistory) {
            if (activationHistory.size() == ACTIVATIONS_KEPT) {
                activationHistory.removeFirst();
            }
            activationHistory.addLast(java.time.Duration.ofNanos(Math.max(0L, nanos)));
        }
    }

    /** How many activation times {@link #activationTimes()} keeps. */
    public static final int ACTIVATIONS_KEPT = 100;

    private final java.util.ArrayDeque<java.time.Duration> activationHistory = new java.util.ArrayDeque<>();

    /** @return how long its activations by the registry took since it started, oldest first, the last 100 */
    public List<java.time.Duration> activationTimes() {
        synchronized (activationHistory) {
            return List.copyOf(activationHistory);
        }
    }

    /** @return how long its last activation by the registry took, or {@code null} when there was none */
    public java.time.Duration lastActivationTime() {
        long nanos = lastActivationNanos;
        return nanos == NEVER ? null : java.time.Duration.ofNanos(nanos);
    }
}
