package io.happyos.registry.core.lifecycle;

import io.happyos.registry.ComponentInfo;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.RegistryException;
import io.happyos.registry.core.extension.Hooks;
import io.happyos.registry.core.model.ComponentRecord;
import io.happyos.registry.core.model.ComponentStore;
import io.happyos.registry.spi.LifecyclePhase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Registers and unregisters components: installs and uninstalls their bundles. Runs on the lifecycle thread. */
public final class Installation {

    private static final Logger LOG = LoggerFactory.getLogger(Installation.class);
    private static final long REFRESH_TIMEOUT_SECONDS = 30;

    private final Lifecycle lifecycle;
    private final ComponentStore store;
    private final BundleContext context;
    private final Deactivation deactivation;

    /**
     * @param lifecycle what the lifecycle steps share
     * @param deactivation how dependents are stopped before an uninstall
     */
    public Installation(Lifecycle lifecycle, Deactivation deactivation) {
        this.lifecycle = lifecycle;
        this.store = lifecycle.store();
        this.context = lifecycle.context();
        this.deactivation = deactivation;
    }

    /**
     * Registers a component: installs its JAR when it has a path.
     *
     * @param component the component
     * @return its id
     * @throws RegistryException when the file is missing or not a bundle, or it is already registered
     */
    public String register(ComponentInfo component) {
        return register(component, true);
    }

    /**
     * Registers a component, leaving its bundle unresolved if asked: a caller installing many
     * resolves them together afterwards, in one pass of the resolver instead of one each.
     *
     * @param component the component
     * @param resolve whether to resolve its bundle now
     * @return its id
     * @throws RegistryException when the file is missing or not a bundle, or it is already registered
     */
    public String register(ComponentInfo component, boolean resolve) {
        return register(component, null, resolve);
    }

    /**
     * Registers a bundle component whose location is not its file: a bundle provisioned from a
     * {@code mvn:} URL keeps that URL as its location (and so as its entry's path), and is read
     * from the file the URL was resolved to.
     *
     * @param component the component; its path is the bundle's location
     * @param source the JAR to read, or {@code null} to read the file its path names
     * @param resolve whether to resolve its bundle now
     * @return its id
     * @throws RegistryException when the file is missing or not a bundle, or the location is taken
     */
    public String register(ComponentInfo component, Path source, boolean resolve) {
        admit(component, source);
        try {
            lifecycle.hooks().pre(lifecycle.event(LifecyclePhase.PRE_REGISTRATION, component.name(), component));
        } catch (Hooks.Veto veto) {
            throw new RegistryException(
                    "cannot register " + component.name() + ": " + veto.getMessage(), veto.getCause());
        }
        String id = source == null ? install(component, resolve) : installFrom(component.path(), source, resolve);
        store.find(id).ifPresent(record -> lifecycle.post(LifecyclePhase.POST_REGISTRATION, record, null));
        return id;
    }

    private volatile io.happyos.registry.core.model.QuotaGate quotas = io.happyos.registry.core.model.QuotaGate.OPEN;

    /**
     * Tells the quotas to ask before components are registered.
     *
     * @param quotas the quotas
     */
    public void quotas(io.happyos.registry.core.model.QuotaGate quotas) {
        this.quotas = java.util.Objects.requireNonNull(quotas, "quotas");
    }

    /** Asks the quotas, with the id and type the component will have (a JAR's from its manifest). */
    private void admit(ComponentInfo component, Path source) {
        io.happyos.registry.core.model.QuotaGate gate = quotas;
        if (!gate.countsRegistrations()) {
            return;
        }
        if (component.path() == null) {
            gate.admitRegistration(component.name(), component.type());
            return;
        }
        Path jar = source != null ? source : Path.of(component.path());
        java.util.jar.Manifest manifest;
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
            manifest = file.getManifest();
        } catch (java.io.IOException | RuntimeException e) {
            return; // not a JAR: installing it fails with its own message
        }
        if (manifest == null) {
            return;
        }
        String name = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        String type = manifest.getMainAttributes().getValue(DynamicRegistry.COMPONENT_TYPE_HEADER);
        gate.admitRegistration(
                name == null ? component.name() : name.split(";", 2)[0].trim(),
                type == null || type.isBlank() ? DynamicRegistry.TYPE_BUNDLE : type.trim());
    }

    private String installFrom(String location, Path source, boolean resolve) {
        Bundle existing = context.getBundle(location);
        if (existing != null) {
            throw new RegistryException(location + " is already installed as bundle " + existing.getBundleId()
                    + ": unregister it first to install it again");
        }
        Bundle bundle;
        try (java.io.InputStream in = Files.newInputStream(source)) {
            bundle = context.installBundle(location, in);
        } catch (BundleException | RuntimeException | java.io.IOException e) {
            throw new RegistryException(
                    "cannot install " + location + " (from " + source + "): " + Failures.describe(e)
                            + "; check that it is an OSGi bundle JAR (a manifest with a Bundle-SymbolicName)",
                    e);
        }
        return installed(location, bundle, resolve);
    }

    private String installed(Object what, Bundle bundle, boolean resolve) {
        LOG.info("installed {} as bundle {}", what, bundle.getBundleId());
        if (resolve) {
            context.getBundle(0).adapt(FrameworkWiring.class).resolveBundles(List.of(bundle));
        }
        return store.findByBundle(bundle.getBundleId())
                .map(ComponentRecord::id)
                .orElseThrow(() ->
                        new RegistryException("bundle " + bundle.getBundleId() + " was installed but has no entry"));
    }

    private String install(ComponentInfo component, boolean resolve) {
        if (component.path() == null) {
            if (store.find(component.name()).isPresent()) {
                throw new RegistryException("a component with id '" + component.name()
                        + "' is already registered: unregister it first or choose another name");
            }
            var write = lifecycle.journal().writeComponent(component.name(), component, java.time.Instant.now());
            ComponentRecord record = store.addExactly(component.name(), component);
            // the operation completes once this is durable; if it cannot be, the entry goes again
            io.happyos.registry.core.model.PendingWrites.add(write, () -> store.remove(record));
            return record.id();
        }
        Path file = Path.of(component.path()).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new RegistryException("cannot register " + file + ": no such file");
        }
        String location = file.toUri().toString();
        Bundle existing = context.getBundle(location);
        if (existing != null) {
            String id = store.findByBundle(existing.getBundleId())
                    .map(ComponentRecord::id)
                    .orElse("?");
            throw new RegistryException(
                    file + " is already registered as " + id + ": unregister it first to install it again");
        }
        Bundle bundle;
        try {
            bundle = context.installBundle(location);
        } catch (BundleException | RuntimeException e) {
            throw new RegistryException(
                    "cannot install " + file + ": " + Failures.describe(e)
                            + "; check that it is an OSGi bundle JAR (a manifest with a Bundle-SymbolicName)",
                    e);
        }
        return installed(file, bundle, resolve);
    }

    /**
     * Deactivates a component (its dependents first), then removes it; a bundle is uninstalled and
     * the framework refreshed.
     *
     * @param id the component
     * @return the other components stopped on the way (its dependents), in the order they stopped
     */
    public List<String> unregister(String id) {
        ComponentRecord record = store.record(id);
        if (DynamicRegistry.TYPE_SYSTEM.equals(record.info().type())) {
            throw new RegistryException(id + " is part of the container (type system) and cannot be unregistered");
        }
        try {
            lifecycle.hooks().pre(lifecycle.event(LifecyclePhase.PRE_UNREGISTRATION, record, null));
        } catch (Hooks.Veto veto) {
            String message = "cannot unregister " + id + ": " + veto.getMessage();
            store.recordError(record, message);
            throw new RegistryException(message, veto.getCause());
        }
        List<String> stopped = new java.util.ArrayList<>(deactivation.deactivate(id));
        stopped.remove(id);
        uninstall(record);
        lifecycle.stopped().accept(id);
        lifecycle
                .hooks()
                .post(
                        lifecycle.event(LifecyclePhase.POST_UNREGISTRATION, id, record.info()),
                        message -> LOG.warn("{}", message));
        return stopped;
    }

    private void uninstall(ComponentRecord record) {
        String id = record.id();
        lifecycle.journal().deleteComponent(id);
        if (!record.hasBundle()) {
            store.remove(record);
            return;
        }
        Bundle bundle = context.getBundle(record.bundleId());
        if (bundle == null) {
            store.remove(record);
            return;
        }
        try {
            bundle.uninstall();
        } catch (BundleException e) {
            throw new RegistryException("cannot uninstall " + id + ": " + Failures.describe(e), e);
        }
        store.remove(record);
        refresh(context, bundle);
    }

    /**
     * Refreshes a bundle (and what is wired to it) and waits, up to 30 s, for the framework to finish.
     *
     * @param context any bundle context
     * @param bundle the bundle
     */
    public static void refresh(BundleContext context, Bundle bundle) {
        refresh(context, List.of(bundle));
    }

    /**
     * Refreshes bundles and waits, at most a while, until the framework has done it.
     *
     * @param context any bundle context
     * @param bundles the bundles
     */
    public static void refresh(BundleContext context, java.util.Collection<Bundle> bundles) {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(bundles, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        try {
            if (!done.await(REFRESH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("the framework refresh of {} did not finish within {} s", bundles, REFRESH_TIMEOUT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
