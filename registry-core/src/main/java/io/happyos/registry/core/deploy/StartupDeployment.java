package io.happyos.registry.core.deploy;

import io.happyos.registry.ComponentActivationException;
import io.happyos.registry.ComponentInfo;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.RegistryException;
import io.happyos.registry.core.graph.GraphAlgorithms;
import io.happyos.registry.core.internal.ComponentRecord;
import io.happyos.registry.core.internal.ComponentStore;
import io.happyos.registry.core.lifecycle.Activation;
import io.happyos.registry.core.lifecycle.Installation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the registry does when the container starts: brings back, in dependency order, the
 * components that were active when it stopped, then registers every JAR of the bundles folder that
 * is new and activates those in dependency order. One JAR that fails is reported and the others
 * still start.
 */
public final class StartupDeployment {

    private static final Logger LOG = LoggerFactory.getLogger(StartupDeployment.class);

    private final ComponentStore store;
    private final BundleContext context;
    private final Activation activation;
    private final Installation installation;

    /**
     * @param store the entries
     * @param context the registry bundle's context
     * @param activation how components are activated
     * @param installation how JARs are installed
     */
    public StartupDeployment(ComponentStore store, BundleContext context, Activation activation,
            Installation installation) {
        this.store = store;
        this.context = context;
        this.activation = activation;
        this.installation = installation;
    }

    /**
     * Activates, in dependency order, the plugins the framework has marked to start that are not
     * active yet. Called before the framework gets to them, so the order is the registry's.
     */
    public void restoreStarted() {
        List<String> ids = new ArrayList<>();
        for (ComponentRecord record : store.records()) {
            Bundle bundle = record.hasBundle() ? context.getBundle(record.bundleId()) : null;
            if (bundle != null && !DynamicRegistry.TYPE_SYSTEM.equals(record.info().type())
                    && bundle.getState() != Bundle.ACTIVE && isMarkedToStart(bundle)) {
                ids.add(record.id());
            }
        }
        if (!ids.isEmpty()) {
            LOG.info("restoring {} components that were active", ids.size());
            activateInOrder(ids);
        }
    }

    private static boolean isMarkedToStart(Bundle bundle) {
        BundleStartLevel startLevel = bundle.adapt(BundleStartLevel.class);
        return startLevel != null && startLevel.isPersistentlyStarted();
    }

    /**
     * Registers every JAR of the folder not installed yet and activates them in dependency order.
     *
     * @param folder the bundles folder
     */
    public void deployFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            LOG.warn("bundles folder {} does not exist: nothing to deploy", folder);
            return;
        }
        List<String> installed = new ArrayList<>();
        int failed = 0;
        for (Path jar : jars(folder)) {
            if (context.getBundle(jar.toAbsolutePath().normalize().toUri().toString()) != null) {
                continue;
            }
            try {
                installed.add(installation.register(ComponentInfo.ofJar(jar.toString())));
            } catch (RegistryException e) {
                failed++;
                LOG.warn("cannot deploy {}: {}", jar.getFileName(), e.getMessage());
            }
        }
        failed += activateInOrder(installed);
        LOG.info("deployed {} new bundles from {}: {} started, {} failed", installed.size(), folder,
                installed.size() - Math.min(failed, installed.size()), failed);
    }

    private int activateInOrder(List<String> ids) {
        int failed = 0;
        List<String> order = store.readGraph(g -> GraphAlgorithms.activationOrder(g, ids));
        for (String id : order) {
            if (!ids.contains(id)) {
                continue;
            }
            try {
                activation.activate(id);
            } catch (ComponentActivationException e) {
                failed++;
                LOG.warn("{}", e.getMessage());
            } catch (RegistryException e) {
                failed++;
                LOG.warn("cannot activate {}: {}", id, e.getMessage());
            }
        }
        return failed;
    }

    private static List<Path> jars(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            LOG.warn("cannot read bundles folder {}: {}", folder, e.getMessage());
            return List.of();
        }
    }
}
