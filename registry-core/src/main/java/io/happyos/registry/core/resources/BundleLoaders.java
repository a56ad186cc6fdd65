package io.happyos.registry.core.resources;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleRevisions;
import org.osgi.framework.wiring.BundleWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The class loaders of the installed bundles: every in-use wiring of every bundle that is not a
 * fragment (a fragment's classes are defined by its host's loader, so they count for the host), the
 * current revision and those an update or uninstall left pending removal. The system bundle is left
 * out: its loader is the framework's (or the application's), not plugin code.
 *
 * <p>The map is rebuilt lazily after a bundle event says the wirings may have changed, so a read is
 * normally a volatile read. Thread-safe.
 */
final class BundleLoaders implements SynchronousBundleListener {

    private static final Logger LOG = LoggerFactory.getLogger(BundleLoaders.class);

    /**
     * The loaders as of one moment.
     *
     * @param bundleByLoader each loader's bundle id
     * @param installed the ids of the installed bundles
     * @param loaderTypes the class names of those loaders
     */
    record Snapshot(Map<ClassLoader, Long> bundleByLoader, Set<Long> installed, Set<String> loaderTypes) {}

    /** A class as a bundle's own loader defined it: what a marker carries. */
    record Defined(long bundleId, Class<?> type) {}

    private final BundleContext context;
    private volatile Snapshot snapshot;
    private volatile boolean stale = true;

    /** @param context the context bundles are listed through */
    BundleLoaders(BundleContext context) {
        this.context = context;
    }

    /** Starts following bundle events. */
    void open() {
        try {
            context.addBundleListener(this);
        } catch (IllegalStateException e) {
            LOG.debug("bundle events not followed: the registry bundle is stopping", e);
        }
        stale = true;
    }

    /** Stops following them. */
    void close() {
        try {
            context.removeBundleListener(this);
        } catch (IllegalStateException e) {
            // the bundle stopped already: its listeners are gone
        }
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        switch (event.getType()) {
            case BundleEvent.RESOLVED,
                    BundleEvent.UNRESOLVED,
                    BundleEvent.UPDATED,
                    BundleEvent.UNINSTALLED,
                    BundleEvent.INSTALLED -> stale = true;
            default -> {
                // starting and stopping change no wiring
            }
        }
    }

    /** @return the loaders now */
    Snapshot current() {
        Snapshot now = snapshot;
        if (stale || now == null) {
            stale = false;
            now = read();
            snapshot = now;
        }
        return now;
    }

    private Snapshot read() {
        Map<ClassLoader, Long> byLoader = new IdentityHashMap<>();
        Set<Long> installed = new HashSet<>();
        Set<String> types = new HashSet<>();
        for (Bundle bundle : bundles()) {
            installed.add(bundle.getBundleId());
            for (BundleWiring wiring : hostWirings(bundle)) {
                ClassLoader loader = wiring.getClassLoader();
                if (loader != null) {
                    byLoader.put(loader, bundle.getBundleId());
                    types.add(loader.getClass().getName());
                }
            }
        }
        return new Snapshot(byLoader, Set.copyOf(installed), Set.copyOf(types));
    }

    private Bundle[] bundles() {
        try {
            return context.getBundles();
        } catch (IllegalStateException e) {
            return new Bundle[0]; // the registry is stopping
        }
    }

    /** The in-use wirings of a bundle that define classes: none for the system bundle and fragments. */
    private static List<BundleWiring> hostWirings(Bundle bundle) {
        List<BundleWiring> wirings = new ArrayList<>();
        if (bundle.getBundleId() == 0) {
            return wirings;
        }
        BundleRevisions revisions = bundle.adapt(BundleRevisions.class);
        Collection<BundleRevision> all = revisions == null ? List.of() : revisions.getRevisions();
        for (BundleRevision revision : all) {
            if ((revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0) {
                continue;
            }
            BundleWiring wiring = revision.getWiring();
            if (wiring != null && wiring.isInUse()) {
                wirings.add(wiring);
            }
        }
        return wirings;
    }

    /**
     * The bundles whose own content (their class path, their fragments included) has a class, and
     * the class as each one's loader defines it. A bundle that holds the class but gets it from
     * another bundle (an import of the same package) is left out: its loader did not define it.
     * Loading does not initialise the class; it is normally loaded already, since it ran.
     *
     * @param className a class seen in a sample
     * @return each bundle's own copy of it
     */
    List<Defined> defining(String className) {
        int dot = className.lastIndexOf('.');
        String path = dot < 0 ? "/" : className.substring(0, dot).replace('.', '/');
        String file = className.substring(dot + 1) + ".class";
        List<Defined> found = new ArrayList<>();
        for (Bundle bundle : bundles()) {
            for (BundleWiring wiring : hostWirings(bundle)) {
                try {
                    Collection<String> entries = wiring.listResources(path, file, BundleWiring.LISTRESOURCES_LOCAL);
                    ClassLoader loader = wiring.getClassLoader();
                    if (entries == null || entries.isEmpty() || loader == null) {
                        continue;
                    }
                    Class<?> type = Class.forName(className, false, loader);
                    if (type.getClassLoader() == loader) {
                        found.add(new Defined(bundle.getBundleId(), type));
                    }
                } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
                    LOG.debug("class {} of bundle {} not loadable: {}", className, bundle.getBundleId(), e.toString());
                }
            }
        }
        return found;
    }
}
