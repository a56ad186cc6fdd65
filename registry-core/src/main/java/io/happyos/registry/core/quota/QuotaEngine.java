package io.happyos.registry.core.quota;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.Quota;
import io.happyos.registry.QuotaExceededException;
import io.happyos.registry.QuotaLimit;
import io.happyos.registry.QuotaStatus;
import io.happyos.registry.QuotaViolation;
import io.happyos.registry.RegistryException;
import io.happyos.registry.core.model.ComponentRecord;
import io.happyos.registry.core.model.ComponentStore;
import io.happyos.registry.core.model.Journal;
import io.happyos.registry.core.model.Journal.StoredQuota;
import io.happyos.registry.core.model.PendingWrites;
import io.happyos.registry.core.model.QuotaGate;
import io.happyos.registry.spi.ClusterQuotaLedger;
import io.happyos.registry.spi.QuotaEvent;
import io.happyos.registry.spi.QuotaListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quotas of one registry: kept in its journal and applied from the {@code happyos.quotas}
 * setting, asked by the lifecycle before registrations, activations and instances
 * ({@link QuotaGate}), by instance lookups for rate limits, and fed the resource figures once a
 * second for resource limits. Tells {@link QuotaListener} services what it did, and keeps the last
 * refusal of each component for explanations.
 *
 * <p>Thread-safe.
 */
public final class QuotaEngine implements QuotaGate, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QuotaEngine.class);

    /** The origin of the quotas of the {@code happyos.quotas} setting. */
    public static final String SETTING = "setting";

    /** The actor of what quotas do by themselves (deactivations for an enforced limit). */
    public static final String ACTOR = "quota";

    /**
     * Why a component was last refused or deactivated by a quota, until it is active again.
     *
     * @param message what happened
     * @param fix what to do
     * @param at when
     */
    public record Refusal(String message, String fix, Instant at) {}

    private final QuotaBook book = new QuotaBook();
    private final ComponentStore store;
    private final Journal journal;
    private final Clock clock;
    private final Executor events;
    private final CallLimiter calls = new CallLimiter();
    private final ResourceWatch watch = new ResourceWatch();
    private final Map<String, Refusal> refusals = new ConcurrentHashMap<>();
    private final Map<String, Long> callAudited = new ConcurrentHashMap<>();
    private volatile boolean rateLimited;
    private ServiceTracker<QuotaListener, QuotaListener> listeners;
    private ServiceTracker<ClusterQuotaLedger, ClusterQuotaLedger> ledgers;
    private volatile BiConsumer<String, String> enforcer = (id, reason) -> {};

    /**
     * @param store the entries
     * @param journal where quotas are kept and refusals audited
     * @param clock the clock
     * @param events runs listener calls and cluster releases, off the thread that acted
     */
    public QuotaEngine(ComponentStore store, Journal journal, Clock clock, Executor events) {
        this.store = store;
        this.journal = journal;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Loads the quotas kept, then applies those of the setting (which replace a kept one of the same
     * scope and limit, and are kept in turn).
     *
     * @param setting the {@code happyos.quotas} setting, or {@code null}
     * @throws RegistryException naming the entry and the fix when the setting cannot be read
     */
    public void restore(String setting) {
        for (StoredQuota kept : journal.quotas()) {
            try {
                Quota quota = new Quota(
                        kept.scope(),
                        QuotaLimit.parse(kept.limit()),
                        kept.value(),
                        kept.enforce(),
                        Duration.ofMillis(kept.graceMillis()));
                book.put(new QuotaBook.Entry(quota, kept.origin(), kept.at()));
            } catch (IllegalArgumentException e) {
                LOG.warn(
                        "a kept quota is not valid and is ignored ({} {}): {}",
                        kept.scope(),
                        kept.limit(),
                        e.getMessage());
            }
        }
        for (Quota quota : QuotaSetting.parse(setting)) {
            QuotaBook.Entry before = book.put(new QuotaBook.Entry(quota, SETTING, clock.instant()));
            if (before == null || !before.quota().equals(quota) || !SETTING.equals(before.origin())) {
                keep(quota, SETTING).exceptionally(e -> {
                    LOG.warn(
                            "the quota {} of {} from the setting is in force but could not be kept: {}",
                            quota.limit().key(),
                            quota.scope(),
                            e.getMessage());
                    return null;
                });
            }
        }
        changed();
    }

    /**
     * Starts tracking quota listeners and the cluster's ledger.
     *
     * @param context the registry bundle's context
     * @param enforcer deactivates a component for an enforced quota (id, reason), as an audited
     *     operation of actor {@value #ACTOR}
     */
    public void open(BundleContext context, BiConsumer<String, String> enforcer) {
        this.enforcer = enforcer;
        listeners = new ServiceTracker<>(context, QuotaListener.class, null);
        listeners.open();
        ledgers = new ServiceTracker<>(context, ClusterQuotaLedger.class, null) {
            @Override
            public ClusterQuotaLedger addingService(org.osgi.framework.ServiceReference<ClusterQuotaLedger> ref) {
                ClusterQuotaLedger ledger = super.addingService(ref);
                if (ledger != null) {
                    events.execute(() -> countActive(ledger));
                }
                return ledger;
            }
        };
        ledgers.open();
    }

    /**
     * A ledger arrived (this node joined the cluster, or got a new session): the components active
     * here hold their units of cluster scopes again; one it cannot give a unit is over the quota, and
     * said so (it was started while the cluster could not be asked).
     */
    private void countActive(ClusterQuotaLedger ledger) {
        for (ComponentRecord r : store.records()) {
            String type = r.info().type();
            if (r.status() != ComponentStatus.ACTIVE || DynamicRegistry.TYPE_SYSTEM.equals(type)) {
                continue;
            }
            for (Quota quota : book.covering(QuotaLimit.MAX_ACTIVE, r.id(), type)) {
                if (!quota.clusterScoped()) {
                    continue;
                }
                try {
                    long held = ledger.tryAcquire(quota.scope(), r.id(), (long) quota.value());
                    if (held >= 0) {
                        LOG.warn(
                                "{} is active but over quota max-active of {} ({} active across the cluster, limit"
                                        + " {}): it started while the cluster could not be asked; deactivate it here or on"
                                        + " another node",
                                r.id(),
                                quota.scope(),
                                held,
                                quota.valueText());
                    }
                } catch (Exception e) {
                    LOG.warn(
                            "could not count {} against quota {} in the cluster: {}",
                            r.id(),
                            quota.scope(),
                            e.getMessage());
                }
            }
        }
    }

    @Override
    public void close() {
        if (listeners != null) {
            listeners.close();
        }
        if (ledgers != null) {
            ledgers.close();
        }
    }

    /** @return the quotas */
    public QuotaBook book() {
        return book;
    }

    // ---------------------------------------------------------------- setting and removing

    /**
     * Sets a quota: kept durably (the operation completes once it is), then in force.
     *
     * @param quota the quota
     * @param actor who sets it
     * @return the quota
     */
    public Quota set(Quota quota, String actor) {
        java.util.concurrent.CompletableFuture<Void> write = keep(quota, actor);
        QuotaBook.Entry before = book.put(new QuotaBook.Entry(quota, actor, clock.instant()));
        changed();
        PendingWrites.add(write, () -> {
            if (before == null) {
                book.remove(quota.scope(), quota.limit());
            } else {
                book.put(before);
            }
            changed();
        });
        LOG.info("quota {} of {} set to {} by {}", quota.limit().key(), quota.scope(), quota.valueText(), actor);
        return quota;
    }

    /**
     * Removes a quota.
     *
     * @param scope its scope
     * @param limit its limit
     * @return whether there was one
     */
    public boolean remove(String scope, QuotaLimit limit) {
        QuotaBook.Entry removed = book.remove(scope, limit);
        if (removed == null) {
            return false;
        }
        PendingWrites.add(journal.deleteQuota(removed.quota().scope(), limit.key()), () -> {
            book.put(removed);
            changed();
        });
        changed();
        LOG.info("quota {} of {} removed", limit.key(), scope);
        return true;
    }

    private java.util.concurrent.CompletableFuture<Void> keep(Quota quota, String origin) {
        return journal.writeQuota(new StoredQuota(
                quota.scope(),
                quota.limit().key(),
                quota.value(),
                quota.enforce(),
                quota.grace().toMillis(),
                origin,
                clock.instant()));
    }

    private void changed() {
        rateLimited = book.has(QuotaLimit.CALLS_PER_SECOND);
        calls.clear();
    }

    // ---------------------------------------------------------------- admission

    private List<Admission.Counted> counted() {
        Collection<ComponentRecord> records = store.records();
        List<Admission.Counted> counted = new ArrayList<>(records.size());
        for (ComponentRecord r : records) {
            ComponentStatus status = startingNow.contains(r.id()) ? ComponentStatus.ACTIVE : r.status();
            counted.add(new Admission.Counted(r.id(), r.info().type(), status));
        }
        return counted;
    }

    private static Admission.Counted counted(ComponentRecord r) {
        return new Admission.Counted(r.id(), r.info().type(), r.status());
    }

    @Override
    public boolean countsRegistrations() {
        return book.has(QuotaLimit.MAX_COMPONENTS);
    }

    @Override
    public void admitRegistration(String id, String type) {
        if (!book.has(QuotaLimit.MAX_COMPONENTS)) {
            return;
        }
        try {
            Admission.register(book, id, type, counted());
        } catch (QuotaExceededException e) {
            throw refused(e);
        }
    }

    @Override
    public Runnable admitActivation(String target, List<ComponentRecord> starting) {
        if (!book.has(QuotaLimit.MAX_ACTIVE)) {
            return () -> {};
        }
        List<String> admitted = starting.stream().map(ComponentRecord::id).toList();
        // a batch activates on several threads at once: what one admitted and has not started yet
        // counts as active for the others, so that two cannot both take the last place
        synchronized (startingNow) {
            List<Admission.Counted> planned =
                    starting.stream().map(QuotaEngine::counted).toList();
            try {
                Admission.activate(book, target, planned, counted());
            } catch (QuotaExceededException e) {
                throw refused(e);
            }
            startingNow.addAll(admitted);
        }
        Runnable cluster;
        try {
            cluster = acrossCluster(target, starting);
        } catch (RuntimeException e) {
            startingNow.removeAll(admitted);
            throw e;
        }
        return () -> {
            startingNow.removeAll(admitted);
            cluster.run();
        };
    }

    @Override
    public void activated(List<ComponentRecord> started) {
        for (ComponentRecord r : started) {
            startingNow.remove(r.id());
        }
    }

    /** Components admitted by max-active quotas that have not become active yet. */
    private final java.util.Set<String> startingNow = ConcurrentHashMap.newKeySet();

    /** Takes the units of the cluster scopes the starting components fall in; undone on failure. */
    private Runnable acrossCluster(String target, List<ComponentRecord> starting) {
        List<String[]> taken = new ArrayList<>();
        Runnable undo = () -> taken.forEach(t -> release(t[0], t[1]));
        for (ComponentRecord r : starting) {
            String type = r.info().type();
            if (DynamicRegistry.TYPE_SYSTEM.equals(type) || r.status() == ComponentStatus.ACTIVE) {
                continue;
            }
            for (Quota quota : book.covering(QuotaLimit.MAX_ACTIVE, r.id(), type)) {
                if (!quota.clusterScoped()) {
                    continue;
                }
                long held = acquire(quota, r.id());
                if (held >= 0) {
                    undo.run();
                    List<String> more = starting.stream()
                            .filter(s -> quota.covers(s.id(), s.info().type()) && s.status() != ComponentStatus.ACTIVE)
                            .map(ComponentRecord::id)
                            .toList();
                    throw refused(new QuotaExceededException(
                            quota,
                            target,
                            held,
                            "quota max-active of " + quota.scope() + " is " + quota.valueText() + " and " + held + " "
                                    + (held == 1 ? "is" : "are") + " active across the cluster: activating " + target
                                    + " would make " + (held + more.size())
                                    + (more.size() == 1 && more.get(0).equals(target)
                                            ? ""
                                            : " (" + String.join(", ", more) + ")")
                                    + "; deactivate one on any node (registry:cluster shows where they run), or raise"
                                    + " the quota with " + Admission.raise(quota, held + more.size())));
                }
                taken.add(new String[] {quota.scope(), r.id()});
            }
        }
        return undo;
    }

    /** -1 when taken, else the units held across the cluster. Without a cluster, counts this node. */
    private long acquire(Quota quota, String id) {
        ClusterQuotaLedger ledger = ledgers == null ? null : ledgers.getService();
        if (ledger == null) {
            long active = store.records().stream()
                    .filter(r -> r.status() == ComponentStatus.ACTIVE
                            && !r.id().equals(id)
                            && !DynamicRegistry.TYPE_SYSTEM.equals(r.info().type())
                            && quota.covers(r.id(), r.info().type()))
                    .count();
            return active + 1 > quota.value() ? active : -1;
        }
        try {
            return ledger.tryAcquire(quota.scope(), id, (long) quota.value());
        } catch (Exception e) {
            throw new RegistryException(
                    "cannot count quota max-active of " + quota.scope() + " across the cluster: "
                            + e.getMessage() + "; activate " + id
                            + " again when the cluster is reachable, or remove the"
                            + " quota (registry:quota remove " + quota.scope() + " max-active)",
                    e);
        }
    }

    private void release(String scope, String id) {
        ClusterQuotaLedger ledger = ledgers == null ? null : ledgers.getService();
        if (ledger == null) {
            return;
        }
        events.execute(() -> {
            try {
                ledger.release(scope, id);
            } catch (Exception e) {
                LOG.warn("could not give back {}'s unit of quota {} in the cluster: {}", id, scope, e.getMessage());
            }
        });
    }

    /**
     * A component stopped being active (or went away): gives back its units of cluster quotas.
     *
     * @param id the component
     */
    public void stoppedBeingActive(String id) {
        String type = activeTypes.remove(id);
        if (type == null) {
            return;
        }
        for (Quota quota : book.covering(QuotaLimit.MAX_ACTIVE, id, type)) {
            if (quota.clusterScoped()) {
                release(quota.scope(), id);
            }
        }
    }

    private final Map<String, String> activeTypes = new ConcurrentHashMap<>();

    /**
     * A component became active: it no longer shows a refusal, and holds its units of cluster
     * quotas (one started by someone else than the registry is counted too; it cannot be refused).
     *
     * @param id the component
     * @param type its type
     */
    public void becameActive(String id, String type) {
        startingNow.remove(id);
        refusals.remove(id);
        activeTypes.put(id, type);
        if (DynamicRegistry.TYPE_SYSTEM.equals(type)) {
            return;
        }
        for (Quota quota : book.covering(QuotaLimit.MAX_ACTIVE, id, type)) {
            ClusterQuotaLedger ledger = ledgers == null ? null : ledgers.getService();
            if (!quota.clusterScoped() || ledger == null) {
                continue;
            }
            events.execute(() -> {
                try {
                    long held = ledger.tryAcquire(quota.scope(), id, (long) quota.value());
                    if (held >= 0) {
                        LOG.warn(
                                "{} was started outside the registry and is over quota max-active of {} ({} active"
                                        + " across the cluster, limit {})",
                                id,
                                quota.scope(),
                                held,
                                quota.valueText());
                    }
                } catch (Exception e) {
                    LOG.warn(
                            "could not count {} against quota {} in the cluster: {}",
                            id,
                            quota.scope(),
                            e.getMessage());
                }
            });
        }
    }

    @Override
    public void admitInstance(ComponentRecord record, Predicate<String> holdsInstance) {
        if (!book.has(QuotaLimit.MAX_INSTANCES)) {
            return;
        }
        try {
            Admission.instance(book, record.id(), record.info().type(), counted(), holdsInstance);
        } catch (QuotaExceededException e) {
            throw refused(e);
        }
    }

    @Override
    public Duration activationTimeout(ComponentRecord record, Duration fallback) {
        Duration timeout = fallback;
        for (Quota quota : book.covering(
                QuotaLimit.ACTIVATION_TIMEOUT, record.id(), record.info().type())) {
            Duration d = Duration.ofMillis(Math.max(1, (long) quota.value()));
            if (d.compareTo(timeout) < 0) {
                timeout = d;
            }
        }
        return timeout;
    }

    /** @return whether any calls-per-second quota is set (read on every instance lookup: a volatile read) */
    public boolean rateLimited() {
        return rateLimited;
    }

    /**
     * Takes one instance call of a consumer for a component from its calls-per-second quotas.
     *
     * @param id the component
     * @param type its type
     * @param consumer the consumer bundle's id
     * @param consumerName the consumer's name, for the message
     * @throws QuotaExceededException when the consumer used up its calls
     */
    public void admitCall(String id, String type, long consumer, String consumerName) {
        if (DynamicRegistry.TYPE_SYSTEM.equals(type)) {
            return;
        }
        long now = System.nanoTime();
        for (Quota quota : book.covering(QuotaLimit.CALLS_PER_SECOND, id, type)) {
            if (!calls.take(quota, consumer, id, now)) {
                QuotaExceededException e = new QuotaExceededException(
                        quota,
                        id,
                        quota.value(),
                        "quota calls-per-second of " + quota.scope() + " is " + quota.valueText() + ": " + consumerName
                                + " made more calls for " + id + " than that for longer than the grace period ("
                                + quota.grace().toMillis() / 1000.0 + " s), and this one is rejected; call less"
                                + " often (keep the instance rather than looking it up each time), or raise the quota"
                                + " with " + Admission.raise(quota, Math.ceil(quota.value() * 2)));
                Long last = callAudited.get(id + "\u0000" + consumer);
                long nowMillis = clock.millis();
                if (last == null || nowMillis - last >= 60_000) {
                    // once a minute per consumer and component: the rejections are counted, not each logged
                    callAudited.put(id + "\u0000" + consumer, nowMillis);
                    LOG.warn("{}", e.getMessage());
                    audit(consumerName, "quota-refused", id, e.getMessage());
                    tell(QuotaEvent.Kind.REFUSED, quota, id, quota.value(), e.getMessage());
                }
                throw e;
            }
        }
    }

    /** A refusal: kept for explanations, logged, audited and told. */
    private QuotaExceededException refused(QuotaExceededException e) {
        String id = e.componentId();
        if (id != null) {
            refusals.put(id, new Refusal(e.getMessage(), fixOf(e), clock.instant()));
        }
        LOG.info("{}", e.getMessage());
        audit(ACTOR, "quota-refused", id, e.getMessage());
        tell(QuotaEvent.Kind.REFUSED, e.quota(), id, e.used(), e.getMessage());
        return e;
    }

    private static String fixOf(QuotaExceededException e) {
        String message = e.getMessage();
        int semicolon = message.lastIndexOf("; ");
        return semicolon < 0 ? "raise or remove the quota (registry:quota list)" : message.substring(semicolon + 2);
    }

    private void audit(String actor, String operation, String id, String error) {
        journal.audit(actor, operation, id, error, null).exceptionally(t -> {
            LOG.warn("could not audit a quota refusal: {}", t.getMessage());
            return null;
        });
    }

    private void tell(QuotaEvent.Kind kind, Quota quota, String id, double observed, String message) {
        ServiceTracker<QuotaListener, QuotaListener> tracker = listeners;
        if (tracker == null) {
            return;
        }
        QuotaListener[] all = tracker.getServices(new QuotaListener[0]);
        if (all.length == 0) {
            return;
        }
        QuotaEvent event = new QuotaEvent(kind, quota, id, observed, message, clock.instant());
        events.execute(() -> {
            for (QuotaListener listener : all) {
                try {
                    listener.quotaEvent(event);
                } catch (RuntimeException e) {
                    LOG.warn("a quota listener failed on {}: {}", kind, e.toString(), e);
                }
            }
        });
    }

    /**
     * Why a component was last refused or deactivated by a quota.
     *
     * @param id the component
     * @return the refusal, or {@code null} when none since it was last active
     */
    public Refusal refusal(String id) {
        return refusals.get(id);
    }

    /**
     * Why a quota would refuse to activate a component now (its own place only, not its
     * dependencies'), without telling anyone: for explanations of a component nothing tried to
     * activate yet.
     *
     * @param id the component
     * @return the refusal, or {@code null} when a max-active quota of this node leaves it room
     */
    public Refusal wouldRefuse(String id) {
        if (!book.has(QuotaLimit.MAX_ACTIVE)) {
            return null;
        }
        ComponentRecord record = store.find(id).orElse(null);
        if (record == null || record.status() == ComponentStatus.ACTIVE) {
            return null;
        }
        try {
            Admission.activate(book, id, List.of(counted(record)), counted());
            return null;
        } catch (QuotaExceededException e) {
            return new Refusal(e.getMessage(), fixOf(e), clock.instant());
        }
    }

    /**
     * Forgets a component that went away.
     *
     * @param id the component
     */
    public void forget(String id) {
        startingNow.remove(id);
        refusals.remove(id);
        calls.forget(id);
    }

    // ---------------------------------------------------------------- resource limits

    /**
     * One tick of the resource limits: finds who has been over a limit for longer than its grace
     * period, marks it (a warning, an event), and deactivates it when the quota is enforced.
     *
     * @param samples every component's figures now
     */
    void observe(List<ResourceWatch.Sample> samples) {
        for (ResourceWatch.Change change : watch.observe(book, clock.instant(), samples)) {
            Quota quota = change.quota();
            String figure = QuotaFigures.figure(quota.limit(), change.observed());
            switch (change.kind()) {
                case EXCEEDED -> {
                    String message = change.id() + " has been over quota "
                            + quota.limit().key() + " of "
                            + quota.scope() + " (" + quota.valueText() + ") since " + change.since() + ": " + figure
                            + (quota.enforce()
                                    ? "; the quota is enforced: it is deactivated"
                                    : "; raise the quota"
                                            + " (" + Admission.raise(quota, Math.ceil(change.observed() * 1.5))
                                            + ") or find"
                                            + " out why (registry:resources " + change.id() + ")");
                    LOG.warn("{}", message);
                    tell(QuotaEvent.Kind.EXCEEDED, quota, change.id(), change.observed(), message);
                }
                case ENFORCED -> {
                    String reason = "deactivated by quota " + quota.limit().key() + " of " + quota.scope() + " ("
                            + quota.valueText() + "): it used " + figure + " for longer than "
                            + quota.grace().toMillis() / 1000.0 + " s";
                    refusals.put(
                            change.id(),
                            new Refusal(
                                    change.id() + " was " + reason,
                                    "find out why it uses so much (registry:resources " + change.id()
                                            + "), then activate it again, or raise the quota with "
                                            + Admission.raise(quota, Math.ceil(change.observed() * 1.5)),
                                    clock.instant()));
                    tell(
                            QuotaEvent.Kind.ENFORCED,
                            quota,
                            change.id(),
                            change.observed(),
                            change.id() + " was " + reason);
                    enforcer.accept(change.id(), reason);
                }
                case CLEARED -> {
                    String message = change.id() + " is back under quota "
                            + quota.limit().key() + " of " + quota.scope() + " (" + quota.valueText() + "): " + figure;
                    LOG.info("{}", message);
                    tell(QuotaEvent.Kind.CLEARED, quota, change.id(), change.observed(), message);
                }
                default -> throw new IllegalStateException(change.kind().name());
            }
        }
    }

    /** Forgets who is over a resource limit (accounting switched off: nothing is measured). */
    void unmeasured() {
        watch.clear();
    }

    /** @return the components over a resource limit for longer than its grace period */
    public List<QuotaViolation> violations() {
        return watch.violations();
    }

    /**
     * Every quota and where its scope stands.
     *
     * @param use a component's use of a rate or resource limit now, or -1 when not measured
     * @return the statuses, ordered by scope and limit
     */
    public List<QuotaStatus> statuses(ResourceMonitor use) {
        List<QuotaStatus> statuses = new ArrayList<>();
        List<QuotaViolation> over = violations();
        ClusterQuotaLedger ledger = ledgers == null ? null : ledgers.getService();
        for (QuotaBook.Entry entry : book.all()) {
            Quota quota = entry.quota();
            String note = null;
            double used;
            List<String> overIt = over.stream()
                    .filter(v -> v.quota().equals(quota))
                    .map(QuotaViolation::componentId)
                    .toList();
            if (quota.clusterScoped()) {
                if (ledger == null) {
                    note = "the cluster is off: counted on this node only";
                    used = QuotaFigures.count(store, quota, true);
                } else {
                    try {
                        used = ledger.held(quota.scope());
                    } catch (Exception e) {
                        used = -1;
                        note = "the cluster cannot be reached: " + e.getMessage();
                    }
                }
            } else if (quota.limit().admission()) {
                used = quota.limit() == QuotaLimit.MAX_INSTANCES
                        ? QuotaFigures.count(store, quota, use::holdsInstance)
                        : QuotaFigures.count(store, quota, quota.limit() == QuotaLimit.MAX_ACTIVE);
            } else {
                used = QuotaFigures.highest(store, quota, use);
                if (used < 0 && quota.limit().resource()) {
                    note = "resource accounting is off: not measured";
                }
            }
            statuses.add(new QuotaStatus(quota, entry.origin(), entry.setAt(), used, overIt, note));
        }
        return statuses;
    }
}
