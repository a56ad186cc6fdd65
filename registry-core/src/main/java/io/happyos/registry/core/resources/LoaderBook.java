package io.happyos.registry.core.resources;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which bundle each class loader of the flight recorder belongs to, learnt lazily. The recorder
 * names a class's defining loader by an id only (a bundle's loader has no name), so the id of a
 * loader seen in a sample is unknown at first: the book keeps a few class names seen with it, the
 * {@linkplain #takeWork() work} of finding which bundles hold such a class, and the answer once a
 * marker event (which carries the class as the bundle's loader defined it, and the bundle id) comes
 * back with that loader's id.
 *
 * <p>Memory: an entry per loader seen (mapped) or pending, at most {@link #NAMES_PER_LOADER} names for
 * each pending one; {@link #retainOnly} drops loaders no longer seen. Thread-safe.
 */
final class LoaderBook {

    /** How many distinct class names of one unmapped loader are tried before it is given up on. */
    static final int NAMES_PER_LOADER = 8;

    private final Map<Long, Long> bundleByLoader = new ConcurrentHashMap<>();
    private final Map<Long, Set<String>> tried = new ConcurrentHashMap<>();
    private final Set<String> work = new LinkedHashSet<>();

    /**
     * Notes a class seen with a loader; a loader not mapped yet gets the class name queued as work.
     *
     * @param loaderId the loader
     * @param className a class it defined
     */
    void seen(long loaderId, String className) {
        if (bundleByLoader.containsKey(loaderId) || className.indexOf('/') >= 0) {
            return; // mapped already, or a hidden class (a lambda's), which no bundle holds as an entry
        }
        Set<String> names = tried.computeIfAbsent(loaderId, k -> ConcurrentHashMap.newKeySet());
        if (names.size() < NAMES_PER_LOADER && names.add(className)) {
            synchronized (work) {
                work.add(className);
            }
        }
    }

    /** @return the class names to look for in the bundles, each once; the queue is emptied */
    List<String> takeWork() {
        synchronized (work) {
            List<String> taken = new ArrayList<>(work);
            work.clear();
            return taken;
        }
    }

    /**
     * Records what a marker said.
     *
     * @param loaderId the loader that defined the marker's class
     * @param bundleId the bundle whose loader that is
     */
    void learn(long loaderId, long bundleId) {
        bundleByLoader.put(loaderId, bundleId);
        tried.remove(loaderId);
    }

    /**
     * @param loaderId a loader
     * @return its bundle, or {@code null} when not (yet) known
     */
    Long bundleOf(long loaderId) {
        return bundleByLoader.get(loaderId);
    }

    /** @return loaders and their bundles, a snapshot */
    Map<Long, Long> mapped() {
        return Map.copyOf(bundleByLoader);
    }

    /**
     * Forgets every loader not in a set: those no longer seen (a bundle updated or uninstalled gets a
     * new loader; its old one's samples have left the window).
     *
     * @param inUse the loaders still referred to
     */
    void retainOnly(Set<Long> inUse) {
        bundleByLoader.keySet().retainAll(inUse);
        tried.keySet().retainAll(inUse);
    }

    /** Forgets everything (a new recording). */
    void clear() {
        bundleByLoader.clear();
        tried.clear();
        synchronized (work) {
            work.clear();
        }
    }
}
