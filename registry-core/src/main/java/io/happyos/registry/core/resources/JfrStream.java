package io.happyos.registry.core.resources;

import io.happyos.registry.core.resources.InnermostBundleFrame.Origin;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import jdk.jfr.FlightRecorder;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedClassLoader;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One flight recording streamed in-process: execution samples, allocation samples, thread starts and
 * ends, and the loader markers, each reduced to its innermost bundle frame and handed to a
 * {@link RecordedActivity}. The stream runs on a daemon thread of its own,
 * {@value #THREAD_NAME}, until {@link #close()}; markers are written on a second one,
 * {@value #MARKER_THREAD_NAME}. No other event is enabled, so the recording costs
 * the samples and nothing else.
 *
 * <p>This is the only class (with {@link LoaderMarker}) that touches {@code jdk.jfr}: when the module is
 * missing, loading it fails and the accounting measures threads only.
 */
final class JfrStream implements AutoCloseable, RecordedActivity.MarkerWriter {

    /** The stream thread's name. */
    static final String THREAD_NAME = "happyos-registry-resource-accounting";

    /** The name of the thread that writes markers (the recorder ignores what the stream thread commits). */
    static final String MARKER_THREAD_NAME = "happyos-registry-resource-markers";

    private static final Logger LOG = LoggerFactory.getLogger(JfrStream.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final RecordingStream stream;
    private final LoaderMarker markers = new LoaderMarker();
    /** Set once {@link #close} begins: a stream that fails to start then was closed, not broken. */
    private volatile boolean closing;

    private final RecordedActivity activity;
    private final InnermostBundleFrame<RecordedFrame> frames;
    private final Set<Long> allocatingThreads = new HashSet<>();
    private final CountDownLatch firstFlush = new CountDownLatch(1);
    private final Thread thread;
    private final ExecutorService marking = Executors.newSingleThreadExecutor(body -> {
        Thread marker = new Thread(body, MARKER_THREAD_NAME);
        marker.setDaemon(true);
        return marker;
    });

    /**
     * Why the flight recorder cannot be used here, or {@code null} when it can.
     *
     * @return the cause, in words
     */
    static String unavailable() {
        if (!FlightRecorder.isAvailable()) {
            return "FlightRecorder.isAvailable() is false (the JVM runs with -XX:-FlightRecorder, or its "
                    + "flight recorder failed to start)";
        }
        return null;
    }

    /**
     * Starts a recording and its stream thread.
     *
     * @param settings what to sample
     * @param bundleLoaderTypes the class names of the framework's bundle loaders, read when a loader is met for the first time
     * @param activity where the events go
     * @throws IllegalStateException when the recording cannot start (from the flight recorder)
     */
    JfrStream(SamplingSettings settings, Supplier<Set<String>> bundleLoaderTypes, RecordedActivity activity) {
        this.activity = activity;
        this.frames = new InnermostBundleFrame<>(new FrameReader(), bundleLoaderTypes);
        this.stream = new RecordingStream();
        try {
            configure(settings);
        } catch (RuntimeException e) {
            stream.close();
            marking.shutdownNow();
            throw e;
        }
        this.thread = new Thread(this::run, THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
    }

    private void configure(SamplingSettings settings) {
        stream.setOrdered(false); // the accounting joins counts at query time: order does not matter
        stream.setReuse(true);
        stream.setMaxAge(Duration.ofSeconds(30));
        stream.enable("jdk.ExecutionSample").withPeriod(settings.executionPeriod());
        stream.enable("jdk.ObjectAllocationSample").with("throttle", settings.allocationThrottle());
        stream.enable("jdk.ThreadStart").withStackTrace();
        stream.enable("jdk.ThreadEnd");
        stream.enable(LoaderMarker.NAME).withoutStackTrace();
        stream.onEvent("jdk.ExecutionSample", guarded(this::onExecutionSample));
        stream.onEvent("jdk.ObjectAllocationSample", guarded(this::onAllocationSample));
        stream.onEvent("jdk.ThreadStart", guarded(this::onThreadStart));
        stream.onEvent("jdk.ThreadEnd", guarded(this::onThreadEnd));
        stream.onEvent(LoaderMarker.NAME, guarded(this::onMarker));
        stream.onFlush(this::onFlush);
        stream.onError(e -> LOG.warn("resource accounting: the flight recorder's event stream failed", e));
    }

    private void run() {
        try {
            stream.start();
        } catch (RuntimeException e) {
            if (closing) {
                // closed before it started (the registry stopped right after it was ready): nothing lost
                LOG.debug("resource accounting's stream closed before it started: {}", e.toString());
                return;
            }
            LOG.warn(
                    "Resource accounting stopped measuring CPU and allocation: the flight recorder's stream failed ({}); "
                            + "switch accounting off and on to try again",
                    e.toString());
        }
    }

    /**
     * Waits until the stream delivered its first events.
     *
     * @param timeout how long to wait
     * @return whether it did
     */
    boolean awaitFirstFlush(Duration timeout) throws InterruptedException {
        return firstFlush.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private java.util.function.Consumer<RecordedEvent> guarded(java.util.function.Consumer<RecordedEvent> handler) {
        return event -> {
            try {
                handler.accept(event);
            } catch (RuntimeException e) {
                LOG.debug(
                        "resource accounting: event {} not counted",
                        event.getEventType().getName(),
                        e);
            }
        };
    }

    private void onExecutionSample(RecordedEvent event) {
        activity.executionSample(event.getStartTime().toEpochMilli(), origin(event.getStackTrace()));
    }

    private void onAllocationSample(RecordedEvent event) {
        RecordedThread allocating = event.getThread();
        // a thread's first sample weighs everything it allocated since its last sample in any recording (or its start)
        if (allocating == null || allocatingThreads.add(allocating.getJavaThreadId())) {
            return;
        }
        Origin origin = origin(event.getStackTrace());
        if (origin != null) {
            activity.allocation(event.getStartTime().toEpochMilli(), origin, event.getLong("weight"));
        }
    }

    private void onThreadStart(RecordedEvent event) {
        RecordedThread started = event.getThread("thread");
        Origin origin = origin(event.getStackTrace());
        if (started != null && origin != null) {
            activity.threadStarted(started.getJavaThreadId(), origin);
        }
    }

    private void onThreadEnd(RecordedEvent event) {
        RecordedThread ended = event.getThread("thread");
        if (ended != null) {
            allocatingThreads.remove(ended.getJavaThreadId());
            activity.threadEnded(ended.getJavaThreadId());
        }
    }

    private void onMarker(RecordedEvent event) {
        RecordedClass type = event.getClass("definedClass");
        RecordedClassLoader loader = type == null ? null : type.getClassLoader();
        if (loader != null) {
            activity.marker(loader.getId(), event.getLong("bundleId"));
        }
    }

    private void onFlush() {
        try {
            activity.flushed(System.currentTimeMillis(), this::offStream, this);
        } catch (RuntimeException e) {
            LOG.debug("resource accounting: flush not handled", e);
        } finally {
            firstFlush.countDown();
        }
    }

    private Origin origin(RecordedStackTrace stack) {
        if (stack == null) {
            return null;
        }
        List<RecordedFrame> list = stack.getFrames();
        return frames.find(list);
    }

    private void offStream(Runnable task) {
        try {
            marking.execute(task);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    @Override
    public void mark(long bundleId, Class<?> type) {
        markers.commit(bundleId, type);
    }

    /** Stops the recording and waits a little for the stream thread to end. Idempotent. */
    @Override
    public void close() {
        closing = true;
        stream.close();
        marking.shutdownNow();
        markers.close();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(STOP_WAIT.toMillis());
                marking.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Reads recorded frames: the defining loader of each frame's class. */
    private static final class FrameReader implements InnermostBundleFrame.FrameReader<RecordedFrame> {
        @Override
        public long loaderId(RecordedFrame frame) {
            RecordedClassLoader loader = loader(frame);
            return loader == null ? -1 : loader.getId();
        }

        @Override
        public String loaderType(RecordedFrame frame) {
            RecordedClassLoader loader = loader(frame);
            RecordedClass type = loader == null ? null : loader.getType();
            return type == null ? null : type.getName();
        }

        @Override
        public String className(RecordedFrame frame) {
            return frame.getMethod().getType().getName();
        }

        private static RecordedClassLoader loader(RecordedFrame frame) {
            if (frame.getMethod() == null || frame.getMethod().getType() == null) {
                return null;
            }
            return frame.getMethod().getType().getClassLoader();
        }
    }
}
