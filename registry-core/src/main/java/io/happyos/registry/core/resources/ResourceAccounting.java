package io.happyos.registry.core.resources;

import io.happyos.registry.core.resources.InnermostBundleFrame.Origin;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads, CPU and allocation of each bundle, from the JDK Flight Recorder's event stream and the
 * class loaders of the bundles, in-process and without an agent.
 *
 * <ul>
 *   <li><b>Threads</b>: the live threads whose class a bundle's loader defined, that a bundle's code
 *       started (the innermost bundle frame of the stack that called {@code Thread.start}, from
 *       {@code jdk.ThreadStart} events, so only threads started while measuring), or whose context
 *       class loader is a bundle's; each thread counts for one bundle, in that order.
 *   <li><b>CPU</b>: {@code jdk.ExecutionSample} events (one every 20 ms for each thread running Java
 *       code), each charged to the innermost frame whose class a bundle's loader defined; frames of the
 *       JDK, the framework and the application class path are passed over. {@code cpuShare} is the
 *       bundle's samples over all samples in the window, {@code cpuPercent} its samples times the period
 *       over the window's length (100 = one core).
 *   <li><b>Allocation</b>: the weights of {@code jdk.ObjectAllocationSample} events (the bytes the
 *       thread allocated since its previous sample), charged the same way, per second.
 * </ul>
 *
 * <p>The recorder names a class's loader by an id only, and a bundle's loader has no name: the id of
 * each loader seen is learnt by writing a marker event that carries a class of that bundle as its own
 * loader defined it (so two versions of one bundle, or two bundles with the same private package, are
 * told apart; a fragment's classes count for its host). Samples are counted per loader id and joined to
 * bundles when measured, so nothing seen before a loader is known is lost.
 *
 * <p>Limits, all from how HotSpot samples: a sampling round takes at most five threads in Java code
 * (and rotates among them), so with more than five busy threads each is seen less often and CPU reads
 * low; a thread in native code (I/O, JNI) or inside the VM (a clock read, an allocation's slow
 * path, a safepoint) is not sampled, so that time is not counted and CPU reads a few points low (the
 * benchmark measures 3 to 6 points under a known 25% or 60% of a core); a runnable
 * thread in Java code that the operating system has not scheduled is sampled as running, so on an
 * overloaded machine CPU reads high; stacks deeper than the recorder's stack depth (64 frames by
 * default) lose their outer frames, and a sample whose bundle frame is among them is not charged;
 * frames the JIT inlined are reported as frames of their own, so inlining does not hide a bundle.
 * Code of class loaders a bundle creates itself (scripts, generated classes) is not counted for it.
 *
 * <p>When the flight recorder is not available (a runtime without the {@code jdk.jfr} module, the
 * option {@code -XX:-FlightRecorder}), it logs one warning naming the cause and measures threads only.
 * Nothing here throws from the constructor or from {@link #setEnabled}. Thread-safe: {@link #measureAll}
 * may be called once a second from any thread; it costs an enumeration of the live threads and a few
 * map reads, never a stack walk.
 */
public final class ResourceAccounting implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ResourceAccounting.class);

    /**
     * What one bundle uses now.
     *
     * @param threads live threads that belong to it
     * @param threadNames their names, sorted
     * @param cpuPercent CPU over the window, percent of one core
     * @param cpuShare share of all execution samples over the window, 0..1
     * @param allocationRate bytes allocated per second over the window
     */
    public record Measured(
            int threads, List<String> threadNames, double cpuPercent, double cpuShare, double allocationRate) {
        /** Nothing measured. */
        public static final Measured NONE = new Measured(0, List.of(), 0, 0, 0);

        /**
         * Checks and copies.
         *
         * @param threads live threads
         * @param threadNames their names
         * @param cpuPercent CPU in percent of a core
         * @param cpuShare share of the samples
         * @param allocationRate bytes per second
         */
        public Measured {
            threadNames = List.copyOf(threadNames);
        }
    }

    private final Duration window;
    private final SamplingSettings settings;
    private final BundleLoaders loaders;
    private final SlidingCounts counts;
    private final LoaderBook book = new LoaderBook();
    private final ThreadOwners threads = new ThreadOwners();
    private final Object lock = new Object();
    private volatile boolean enabled;
    private volatile String jfrUnavailable;
    private JfrStream stream;
    private boolean closed;
    private boolean warned;

    /**
     * Creates it switched off; {@link #setEnabled} starts it.
     *
     * @param context the registry bundle's context (to find bundles and their class loaders)
     * @param window the sliding window CPU and allocation are measured over, rounded up to whole seconds
     */
    public ResourceAccounting(BundleContext context, Duration window) {
        this(context, window, SamplingSettings.DEFAULT);
    }

    ResourceAccounting(BundleContext context, Duration window, SamplingSettings settings) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window " + window + " must be positive, e.g. PT10S");
        }
        this.window = window;
        this.settings = settings;
        this.loaders = new BundleLoaders(context);
        this.counts = new SlidingCounts(window);
    }

    /**
     * Starts or stops measuring; starting again after a stop begins a new window. Switched off, no
     * recording runs and nothing is counted. Never throws: when the flight recorder cannot run, it
     * measures threads only (and says why once, as a warning). Thread-safe.
     *
     * @param on whether to measure
     * @throws IllegalStateException when closed and asked to start
     */
    public void setEnabled(boolean on) {
        synchronized (lock) {
            if (on == enabled) {
                return;
            }
            if (on) {
                if (closed) {
                    throw new IllegalStateException("resource accounting is closed; make a new one");
                }
                start();
            } else {
                stop();
            }
        }
    }

    private void start() {
        loaders.open();
        counts.restart(System.currentTimeMillis());
        book.clear();
        threads.clear();
        enabled = true;
        String cause = null;
        try {
            cause = settings.recorder() ? JfrStream.unavailable() : "switched off in the accounting's settings";
            if (cause == null) {
                stream = new JfrStream(settings, () -> loaders.current().loaderTypes(), new Recorder());
            }
        } catch (LinkageError e) {
            cause = "the jdk.jfr module is not in this Java runtime (" + e + ")";
        } catch (RuntimeException e) {
            cause = "the flight recorder did not start a recording (" + e + ")";
        }
        jfrUnavailable = cause;
        if (cause != null && !warned) {
            warned = true;
            LOG.warn(
                    "Resource accounting measures threads only, CPU and allocation read 0: the JDK Flight Recorder "
                            + "is not available: {}. Run on a JDK with the jdk.jfr module and without "
                            + "-XX:-FlightRecorder to measure them.",
                    cause);
        }
    }

    private void stop() {
        enabled = false;
        JfrStream running = stream;
        stream = null;
        if (running != null) {
            running.close();
        }
        loaders.close();
        book.clear();
        threads.clear();
    }

    /** @return whether it measures now */
    public boolean enabled() {
        return enabled;
    }

    /** @return whether CPU and allocation are measured when enabled (false when the flight recorder is missing) */
    public boolean samplesCpuAndAllocation() {
        return enabled && jfrUnavailable == null;
    }

    /** @return the window */
    public Duration window() {
        return window;
    }

    /**
     * Waits until the event stream delivered its first events after {@link #setEnabled setEnabled(true)},
     * about a second: threads started before that moment are not known as started by their bundle.
     * Returns at once when off or measuring threads only.
     *
     * @param timeout how long to wait at most
     * @return whether the stream is delivering (false when off, threads only, or not in time)
     * @throws InterruptedException when interrupted while waiting
     */
    public boolean awaitMeasuring(Duration timeout) throws InterruptedException {
        JfrStream running;
        synchronized (lock) {
            running = stream;
        }
        return running != null && running.awaitFirstFlush(timeout);
    }

    /**
     * What each bundle uses now, in one pass. CPU and allocation cover the window up to the last
     * second the flight recorder delivered (about a second ago); before a full window has passed since
     * measuring began, they are rates over the time measured so far.
     *
     * @return by bundle id, installed bundles only; a bundle with nothing measured may be missing, and
     *     the map is empty when switched off
     */
    public Map<Long, Measured> measureAll() {
        if (!enabled) {
            return Map.of();
        }
        BundleLoaders.Snapshot now = loaders.current();
        Map<Long, List<String>> names = threads.byBundle(now.bundleByLoader(), book::bundleOf);
        SlidingCounts.Totals totals = counts.totals();
        Map<Long, long[]> perBundle = new HashMap<>();
        totals.byLoader().forEach((loader, tally) -> {
            Long bundle = book.bundleOf(loader);
            if (bundle != null) {
                long[] sum = perBundle.computeIfAbsent(bundle, k -> new long[2]);
                sum[0] += tally.samples();
                sum[1] += tally.bytes();
            }
        });
        Set<Long> ids = new HashSet<>(names.keySet());
        ids.addAll(perBundle.keySet());
        ids.retainAll(now.installed());
        double periodMillis = settings.executionPeriod().toMillis();
        long length = totals.lengthMillis();
        Map<Long, Measured> result = new HashMap<>();
        for (Long id : ids) {
            List<String> threadNames = names.getOrDefault(id, List.of());
            long[] sum = perBundle.getOrDefault(id, new long[2]);
            double cpuPercent = length == 0 ? 0 : sum[0] * periodMillis * 100.0 / length;
            double cpuShare = totals.allSamples() == 0 ? 0 : (double) sum[0] / totals.allSamples();
            double allocation = length == 0 ? 0 : sum[1] * 1000.0 / length;
            result.put(id, new Measured(threadNames.size(), threadNames, cpuPercent, cpuShare, allocation));
        }
        return Map.copyOf(result);
    }

    /** Stops measuring for good. Idempotent. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (enabled) {
                stop();
            }
        }
    }

    /** The stream's events, counted; markers written for loaders not known yet. Runs on the stream thread. */
    private final class Recorder implements RecordedActivity {

        private long lastPruneMillis = System.currentTimeMillis();

        @Override
        public void executionSample(long timeMillis, Origin origin) {
            counts.advance(timeMillis);
            if (origin == null) {
                counts.sample(timeMillis, -1);
            } else {
                counts.sample(timeMillis, origin.loaderId());
                book.seen(origin.loaderId(), origin.className());
            }
        }

        @Override
        public void allocation(long timeMillis, Origin origin, long bytes) {
            counts.advance(timeMillis);
            counts.allocation(timeMillis, origin.loaderId(), bytes);
            book.seen(origin.loaderId(), origin.className());
        }

        @Override
        public void threadStarted(long threadId, Origin origin) {
            threads.started(threadId, origin.loaderId());
            book.seen(origin.loaderId(), origin.className());
        }

        @Override
        public void threadEnded(long threadId) {
            threads.ended(threadId);
        }

        @Override
        public void marker(long loaderId, long bundleId) {
            book.learn(loaderId, bundleId);
        }

        @Override
        public void flushed(long nowMillis, Executor elsewhere, MarkerWriter markers) {
            counts.advance(nowMillis);
            List<String> work = book.takeWork();
            if (!work.isEmpty()) {
                elsewhere.execute(() -> {
                    for (String className : work) {
                        for (BundleLoaders.Defined defined : loaders.defining(className)) {
                            markers.mark(defined.bundleId(), defined.type());
                        }
                    }
                });
            }
            if (nowMillis - lastPruneMillis > 2 * window.toMillis()) {
                lastPruneMillis = nowMillis;
                Set<Long> inUse = new HashSet<>(counts.totals().byLoader().keySet());
                inUse.addAll(threads.starterLoaders());
                book.retainOnly(inUse);
            }
        }
    }

    /** @return the loaders known and their bundles, for tests and diagnostics */
    Map<Long, Long> knownLoaders() {
        return book.mapped();
    }
}
