package io.happyos.registry.core.deploy;

import io.happyos.registry.ComponentActivationException;
import io.happyos.registry.ComponentHeldException;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.RegistryException;
import io.happyos.registry.core.bundle.BundleComponents;
import io.happyos.registry.core.graph.GraphAlgorithms;
import io.happyos.registry.core.lifecycle.Activation;
import io.happyos.registry.core.model.ComponentRecord;
import io.happyos.registry.core.model.ComponentStore;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first thing the registry does when the container starts: brings back, in dependency order,
 * the components that were active when it stopped, before the framework gets to them. (The bundles
 * folder is reconciled afterwards by the {@link FolderDeployer}.) One component that fails is
 * reported and the others still start.
 */
public final class StartupDeployment {

    private static final Logger LOG = LoggerFactory.getLogger(StartupDeployment.class);

    private final ComponentStore store;
    private final BundleContext context;
    private final Activation activation;

    /**
     * @param store the entries
     * @param context the registry bundle's context
     * @param activation how components are activated
     */
    public StartupDeployment(ComponentStore store, BundleContext context, Activation activation) {
        this.store = store;
        this.context = context;
        this.activation = activation;
    }

    /**
     * Activates, in dependency order, the plugins the framework has marked to start that are not
     * active yet. Called before the framework gets to them, so the order is the registry's.
     */
    public void restoreStarted() {
        List<String> ids = new ArrayList<>();
        for (ComponentRecord record : store.records()) {
            Bundle bundle = record.hasBundle() ? context.getBundle(record.bundleId()) : null;
            if (bundle != null
                    && !DynamicRegistry.TYPE_SYSTEM.equals(record.info().type())
                    && bundle.getState() != Bundle.ACTIVE
                    && BundleComponents.isMarkedToStart(bundle)) {
                ids.add(record.id());
            }
        }
        if (!ids.isEmpty()) {
            LOG.info("restoring {} components that were active", ids.size());
            activateInOrder(ids);
        }
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
            } catch (ComponentHeldException e) {
                LOG.info("{}", e.getMessage()); // not an error: it is activated when the hook lets it
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
}
