package io.happyos.registry.core.provision;

import io.happyos.registry.ProvisionResult;
import io.happyos.registry.ProvisionedBundle;
import io.happyos.registry.ProvisionedSet;
import io.happyos.registry.RegistryException;
import io.happyos.registry.core.deploy.Reloads;
import io.happyos.registry.core.lifecycle.Activation;
import io.happyos.registry.core.lifecycle.Installation;
import io.happyos.registry.core.model.ComponentRecord;
import io.happyos.registry.core.model.ComponentStore;
import io.happyos.registry.core.model.Journal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provisioning: plans are worked out on a caller's thread ({@link #planInstall}, {@link #planProvision}),
 * carried out on the lifecycle thread ({@link #apply}, {@link #unprovision}, {@link #atStartup}); what
 * was provisioned is kept in the journal and read from any thread ({@link #sets}).
 */
public final class Provisioner {

    /** Framework property: comma-separated features files provisioned at every start (the launcher's --provision). */
    public static final String PROVISION_PROPERTY = "happyos.provision";
    /** The audit log's actor for what {@value #PROVISION_PROPERTY} provisions at start-up. */
    public static final String STARTUP_ACTOR = "startup";

    private static final Logger LOG = LoggerFactory.getLogger(Provisioner.class);

    private final ComponentStore store;
    private final BundleContext context;
    private final KeptSets kept;
    private final java.util.function.Function<String, String> properties;
    private final Executor httpExecutor;
    private ProvisionPlanner planner; // made at the first use: a bad setting fails provisioning, not the registry
    private final ProvisionApplier applier;

    /**
     * @param properties the framework properties, for the {@link MavenSettings}
     * @param httpExecutor runs the HTTP client's work
     * @param store the entries
     * @param context the registry bundle's context
     * @param installation installs and uninstalls
     * @param activation activates
     * @param reloads updates a bundle whose content changed
     * @param journal where the sets are kept
     */
    public Provisioner(
            java.util.function.Function<String, String> properties,
            Executor httpExecutor,
            ComponentStore store,
            BundleContext context,
            Installation installation,
            Activation activation,
            Reloads reloads,
            Journal journal) {
        this.store = store;
        this.context = context;
        this.kept = new KeptSets(journal);
        this.properties = properties;
        this.httpExecutor = httpExecutor;
        this.applier = new ProvisionApplier(store, context, installation, activation, reloads, kept, Clock.systemUTC());
    }

    private synchronized ProvisionPlanner planner() {
        if (planner == null) {
            MavenSettings settings;
            try {
                settings = MavenSettings.from(properties);
            } catch (IllegalArgumentException e) {
                throw new RegistryException("the Maven settings are wrong: " + e.getMessage(), e);
            }
            planner = new ProvisionPlanner(new ArtifactResolver(settings, httpExecutor));
        }
        return planner;
    }

    /**
     * @param location {@code mvn:} or {@code file:}
     * @return the plan to install it
     * @throws RegistryException when it cannot be had
     */
    public ProvisionPlan planInstall(String location) {
        return planner().install(location);
    }

    /**
     * @param file a features file
     * @param features the features, or none for the default ones
     * @return the plan to provision them
     * @throws RegistryException when the file or a bundle cannot be had
     */
    public ProvisionPlan planProvision(Path file, List<String> features) {
        return planner().provision(file, features);
    }

    /**
     * Carries out a plan. Lifecycle thread.
     *
     * @param plan the plan
     * @param actor who asked, kept with the sets
     * @return what changed
     */
    public ProvisionResult apply(ProvisionPlan plan, String actor) {
        return applier.apply(plan, actor);
    }

    /**
     * Forgets a set and uninstalls its bundles no other set lists. Lifecycle thread.
     *
     * @param name the set
     * @return what changed
     * @throws RegistryException for an unknown set
     */
    public ProvisionResult unprovision(String name) {
        return applier.unprovision(name);
    }

    /**
     * At start-up, on the lifecycle thread after the bundles folder: installs again the provisioned
     * bundles the framework no longer has (its cache was lost), then provisions the files of
     * {@value #PROVISION_PROPERTY}. A failure is logged and audited; it does not stop the start.
     *
     * @param files the property's value, or {@code null}
     * @param audit records (actor, operation, error or null, details)
     */
    public void atStartup(String files, AuditSink audit) {
        List<ProvisionPlan.Set> missing = new ArrayList<>();
        for (Journal.StoredSet set : kept.all()) {
            ProvisionPlan.Set plan = KeptSets.asPlan(set);
            if (plan.bundles().stream().anyMatch(b -> context.getBundle(b.location()) == null)) {
                missing.add(plan);
            }
        }
        if (!missing.isEmpty()) {
            run(
                    "restore",
                    Provisioner.STARTUP_ACTOR,
                    audit,
                    () -> new ProvisionPlan(
                            "restore", planner().restore(missing, location -> context.getBundle(location) == null)));
        }
        if (files == null || files.isBlank()) {
            return;
        }
        for (String file : files.split(",")) {
            if (!file.isBlank()) {
                run("provision", STARTUP_ACTOR, audit, () -> planner().provision(Path.of(file.strip()), List.of()));
            }
        }
    }

    private void run(String operation, String actor, AuditSink audit, java.util.function.Supplier<ProvisionPlan> plan) {
        try {
            ProvisionResult result = applier.apply(plan.get(), actor);
            LOG.info("{}: {}", operation, summary(result));
            audit.record(actor, operation, null, summary(result));
        } catch (RuntimeException e) {
            LOG.error("{} at start-up failed: {}", operation, e.getMessage(), e);
            audit.record(actor, operation, String.valueOf(e.getMessage()), null);
        }
    }

    /**
     * What a result did, in one line for the audit log.
     *
     * @param result the result
     * @return e.g. {@code sets [core]: installed 2 [a, b], unchanged 1}
     */
    public static String summary(ProvisionResult result) {
        StringBuilder text = new StringBuilder("sets ").append(result.sets()).append(':');
        String separator = " ";
        for (ProvisionResult.Action action : ProvisionResult.Action.values()) {
            List<ProvisionResult.Change> changes = result.changes(action);
            if (!changes.isEmpty()) {
                text.append(separator)
                        .append(action.name().toLowerCase(java.util.Locale.ROOT))
                        .append(' ')
                        .append(changes.size())
                        .append(' ')
                        .append(changes.stream()
                                .map(c -> c.componentId() == null ? c.location() : c.componentId())
                                .toList());
                separator = ", ";
            }
        }
        return result.changes().isEmpty() ? text.append(" nothing to do").toString() : text.toString();
    }

    /** @return the provisioned sets, oldest first, with the present status of their bundles */
    public List<ProvisionedSet> sets() {
        List<ProvisionedSet> sets = new ArrayList<>();
        for (Journal.StoredSet set : kept.all()) {
            List<ProvisionedBundle> bundles = new ArrayList<>();
            for (PlannedBundle b : KeptSets.asPlan(set).bundles()) {
                Optional<ComponentRecord> record = record(b);
                bundles.add(new ProvisionedBundle(
                        b.location(),
                        record.map(ComponentRecord::id).orElse(null),
                        record.map(ComponentRecord::status).orElse(null),
                        b.start()));
            }
            sets.add(new ProvisionedSet(
                    set.name(),
                    set.version(),
                    ProvisionedSet.Kind.valueOf(set.kind()),
                    set.source(),
                    set.at(),
                    set.actor(),
                    bundles));
        }
        return List.copyOf(sets);
    }

    /** The entry of a bundle: installed from its location, or the same bundle installed from another. */
    private Optional<ComponentRecord> record(PlannedBundle b) {
        Bundle bundle = context.getBundle(b.location());
        if (bundle == null && b.symbolicName() != null) {
            for (Bundle other : context.getBundles()) {
                if (b.symbolicName().equals(other.getSymbolicName())
                        && other.getVersion().equals(org.osgi.framework.Version.parseVersion(b.version()))) {
                    bundle = other;
                }
            }
        }
        return bundle == null ? Optional.empty() : store.findByBundle(bundle.getBundleId());
    }

    /** Where start-up provisioning writes its audit records. */
    @FunctionalInterface
    public interface AuditSink {
        /**
         * @param actor who
         * @param operation what
         * @param error why it failed, or {@code null}
         * @param details what it did, or {@code null}
         */
        void record(String actor, String operation, String error, String details);
    }
}
