package io.happyos.registry.core.internal;

import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.ErrorRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The registry's mutable state for one component. Status and error history change together under
 * the record's monitor; everything else is safe to read without it.
 */
public final class ComponentRecord {

    private static final long NEVER = Long.MIN_VALUE;

    private final String id;
    private final long bundleId;
    private final Instant registeredAt;
    // counted on every instance lookup: striped so that threads do not contend on one cache line
    private final LongAdder accessCount = new LongAdder();
    private volatile ComponentInfo info;
    private volatile long lastAccessedMillis = NEVER;
    private volatile long lastActivationNanos = NEVER;
    private volatile List<String> missingRequirements = List.of();
    private volatile boolean starting;
    private volatile ComponentControl control;
    private volatile ComponentStatus status; // written under the monitor, read without it
    private boolean wasActive;
    private final List<ErrorRecord> errors = new ArrayList<>();

    ComponentRecord(String id, long bundleId, ComponentInfo info, ComponentStatus status, Instant registeredAt) {
        this.id = id;
        this.bundleId = bundleId;
        this.info = info;
        this.status = status;
        this.registeredAt = registeredAt;
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
        }
        return old;
    }

    /** Appends an error, dropping the oldest beyond {@code max} so a flapping component stays bounded. */
    synchronized void addError(ErrorRecord error, int max) {
        while (errors.size() >= max && !errors.isEmpty()) {
            errors.remove(0);
        }
        errors.add(error);
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

    /** Counts one access: two plain writes, no allocation, so a hot loop can afford it. */
    public void recordAccess() {
        accessCount.increment();
        lastAccessedMillis = System.currentTimeMillis();
    }

    /**
     * Puts back access figures kept from an earlier run.
     *
     * @param count the count
     * @param lastMillis the last access, epoch milliseconds (0 for never)
     */
    public void restoreAccess(long count, long lastMillis) {
        accessCount.add(count);
        if (lastMillis > 0) {
            lastAccessedMillis = lastMillis;
        }
    }

    /** @return how many times it was accessed */
    public long accessCount() {
        return accessCount.sum();
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
    }

    /** @return how long its last activation by the registry took, or {@code null} when there was none */
    public java.time.Duration lastActivationTime() {
        long nanos = lastActivationNanos;
        return nanos == NEVER ? null : java.time.Duration.ofNanos(nanos);
    }
}
