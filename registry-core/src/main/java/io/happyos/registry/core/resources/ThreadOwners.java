package io.happyos.registry.core.resources;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/**
 * Which bundle each live thread belongs to. A thread belongs to at most one bundle, the first of:
 * the bundle whose loader defined the thread's class (a {@code Thread} subclass of its own), the
 * bundle whose code started it (the innermost bundle frame of the stack that called
 * {@code Thread.start}, from the flight recorder's thread start events), the bundle whose loader is
 * its context class loader, and otherwise the bundle whose code is outermost on its stack when it is
 * first seen (so a thread started before measuring began still counts for the bundle running it),
 * unless several bundles define a class of that name (a stack names classes, not their loaders).
 *
 * <p>Cost of {@link #byBundle}: one enumeration of the live threads (no stack is taken) and a map
 * look-up or two for each. Thread-safe.
 */
final class ThreadOwners {

    /** How long a start event is kept for a thread not seen alive (its end event may be lost). */
    private static final long KEEP_UNSEEN_NANOS = 10_000_000_000L;

    private record Starter(long loaderId, long sinceNanos) {}

    private final Map<Long, Starter> starterLoader = new ConcurrentHashMap<>();

    /**
     * Notes a thread started by bundle code.
     *
     * @param threadId the new thread's id
     * @param loaderId the loader of the innermost bundle frame that started it
     */
    void started(long threadId, long loaderId) {
        starterLoader.put(threadId, new Starter(loaderId, System.nanoTime()));
    }

    /** @param threadId a thread that ended */
    void ended(long threadId) {
        starterLoader.remove(threadId);
    }

    /** @return the loaders that started live threads (the book must keep them) */
    Set<Long> starterLoaders() {
        Set<Long> loaders = new HashSet<>();
        starterLoader.values().forEach(s -> loaders.add(s.loaderId()));
        return loaders;
    }

    /** Forgets the starters (a new recording). */
    void clear() {
        starterLoader.clear();
        runsCodeOf.clear();
    }

    /**
     * The names of the live threads of each bundle, sorted.
     *
     * @param bundleByLoader the bundles' live class loaders
     * @param bundleOfRecordedLoader the bundle of a recorded loader id, or {@code null}
     * @return thread names by bundle id; bundles without threads are missing
     */
    Map<Long, List<String>> byBundle(Map<ClassLoader, Long> bundleByLoader, LongFunction<Long> bundleOfRecordedLoader) {
        Map<Long, List<String>> names = new TreeMap<>();
        Set<Long> alive = new HashSet<>();
        for (Thread thread : liveThreads()) {
            long id = thread.getId();
            alive.add(id);
            Long bundle = owner(thread, id, bundleByLoader, bundleOfRecordedLoader);
            if (bundle != null) {
                names.computeIfAbsent(bundle, k -> new ArrayList<>()).add(thread.getName());
            }
        }
        long now = System.nanoTime();
        starterLoader
                .entrySet()
                .removeIf(e -> !alive.contains(e.getKey()) && now - e.getValue().sinceNanos() > KEEP_UNSEEN_NANOS);
        runsCodeOf.keySet().retainAll(alive);
        names.values().forEach(list -> list.sort(null));
        return names;
    }

    private Long owner(
            Thread thread, long id, Map<ClassLoader, Long> bundleByLoader, LongFunction<Long> bundleOfRecordedLoader) {
        Long bundle = bundleByLoader.get(thread.getClass().getClassLoader());
        if (bundle != null) {
            return bundle;
        }
        Starter starter = starterLoader.get(id);
        if (starter != null) {
            bundle = bundleOfRecordedLoader.apply(starter.loaderId());
            if (bundle != null) {
                return bundle;
            }
        }
        ClassLoader context = thread.getContextClassLoader();
        bundle = context == null ? null : bundleByLoader.get(context);
        if (bundle != null) {
            return bundle;
        }
        Long byCode = runsCodeOf.computeIfAbsent(id, k -> stackOwner(thread, bundleByLoader));
        return byCode.longValue() == NONE ? null : byCode;
    }

    private static final long NONE = -1L;

    /**
     * For threads no other rule gives a bundle: the bundle of the outermost frame of bundle code on
     * their stack, looked at once per thread (a thread started before measuring began, by a pool of
     * the JDK, say, running a bundle's task). Cleared for threads that ended.
     */
    private final Map<Long, Long> runsCodeOf = new ConcurrentHashMap<>();

    private static Long stackOwner(Thread thread, Map<ClassLoader, Long> bundleByLoader) {
        StackTraceElement[] stack;
        try {
            stack = thread.getStackTrace();
        } catch (SecurityException e) {
            return NONE;
        }
        for (int i = stack.length - 1; i >= 0; i--) {
            String name = stack[i].getClassName();
            if (name.startsWith("java.")
                    || name.startsWith("jdk.")
                    || name.startsWith("sun.")
                    || name.startsWith("org.apache.felix.framework.")) {
                continue;
            }
            String entry = name.replace('.', '/') + ".class";
            Long found = null;
            int defining = 0;
            for (Map.Entry<ClassLoader, Long> candidate : bundleByLoader.entrySet()) {
                ClassLoader loader = candidate.getKey();
                if (!(loader instanceof org.osgi.framework.BundleReference reference)
                        || reference.getBundle().getEntry(entry) == null) {
                    continue;
                }
                try {
                    if (Class.forName(name, false, loader).getClassLoader() == loader) {
                        found = candidate.getValue();
                        defining++;
                    }
                } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
                    // not this bundle's
                }
            }
            if (defining == 1) {
                return found;
            }
            if (defining > 1) {
                return NONE; // several bundles define that class: a stack does not say which copy runs
            }
        }
        return NONE;
    }

    /** @return every live thread of the JVM */
    static List<Thread> liveThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int count;
        while ((count = root.enumerate(threads, true)) == threads.length) {
            threads = new Thread[threads.length * 2];
        }
        List<Thread> live = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (threads[i].isAlive()) {
                live.add(threads[i]);
            }
        }
        return live;
    }
}
