package io.happyos.registry.core.resources;

import io.happyos.registry.core.resources.InnermostBundleFrame.Origin;
import java.util.concurrent.Executor;

/**
 * What the event stream reports, already reduced to the bundle frames it is charged to: the one
 * seam between the flight recorder (in {@link JfrStream}) and the accounting, so that everything
 * past it is plain Java a test can drive. Called from the stream's thread only.
 */
interface RecordedActivity {

    /**
     * @param timeMillis when the sample was taken
     * @param origin its innermost bundle frame, or {@code null}
     */
    void executionSample(long timeMillis, Origin origin);

    /**
     * @param timeMillis when the allocation sample was taken
     * @param origin its innermost bundle frame (never {@code null})
     * @param bytes bytes the thread allocated since its previous sample
     */
    void allocation(long timeMillis, Origin origin, long bytes);

    /**
     * @param threadId the new thread
     * @param origin the innermost bundle frame that started it (never {@code null})
     */
    void threadStarted(long threadId, Origin origin);

    /** @param threadId a thread that ended */
    void threadEnded(long threadId);

    /**
     * @param loaderId a loader
     * @param bundleId its bundle, as a marker said
     */
    void marker(long loaderId, long bundleId);

    /**
     * Events up to now were delivered; markers may be written now, on the other thread given: the
     * recorder drops events the stream's own thread commits.
     *
     * @param nowMillis the time
     * @param elsewhere a thread that is not the stream's, for work that writes markers
     * @param markers where markers go
     */
    void flushed(long nowMillis, Executor elsewhere, MarkerWriter markers);

    /** Writes markers into the recording. */
    interface MarkerWriter {
        /**
         * @param bundleId a bundle
         * @param type a class its loader defined
         */
        void mark(long bundleId, Class<?> type);
    }
}
