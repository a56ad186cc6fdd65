package io.happyos.registry.core.resources;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Finds the frame a sample is charged to: the innermost frame (from the top of the stack down) whose
 * class was defined by a bundle's class loader. Frames of the JDK (boot and platform loaders), of the
 * framework and the application (the application class loader) and of any other loader are passed
 * over, so that time spent in {@code HashMap.put} called by a plugin is the plugin's.
 *
 * <p>A loader is a bundle's when its class is one of the bundle class loader classes of the framework
 * (as the bundles' loaders say); the answer is kept per loader id, so each loader's type name is read
 * once. Thread-safe.
 *
 * @param <F> the frame type (a flight recorder frame, or a fake one in tests)
 */
final class InnermostBundleFrame<F> {

    /** How to read a frame. */
    interface FrameReader<F> {
        /** @return the id of the loader that defined the frame's class, negative for the boot loader */
        long loaderId(F frame);

        /** @return the class name of that loader, {@code null} for the boot loader */
        String loaderType(F frame);

        /** @return the frame's class name */
        String className(F frame);
    }

    /**
     * The frame a sample is charged to.
     *
     * @param loaderId its class's defining loader
     * @param className its class
     */
    record Origin(long loaderId, String className) {}

    private final FrameReader<F> reader;
    private final Map<Long, Boolean> bundleLoader = new ConcurrentHashMap<>();
    private final Supplier<Set<String>> bundleLoaderTypes;

    /**
     * @param reader how to read a frame
     * @param bundleLoaderTypes the class names of the framework's bundle class loaders now, read when a
     *     loader is met for the first time (a bundle resolved since the last look brings its loader's)
     */
    InnermostBundleFrame(FrameReader<F> reader, Supplier<Set<String>> bundleLoaderTypes) {
        this.reader = reader;
        this.bundleLoaderTypes = bundleLoaderTypes;
    }

    /**
     * @param frames a stack, innermost (top) frame first
     * @return the innermost frame of bundle code, or {@code null} when the stack has none
     */
    Origin find(List<F> frames) {
        for (F frame : frames) {
            long loader = reader.loaderId(frame);
            if (loader >= 0 && isBundleLoader(loader, frame)) {
                return new Origin(loader, reader.className(frame));
            }
        }
        return null;
    }

    private boolean isBundleLoader(long loader, F frame) {
        Boolean known = bundleLoader.get(loader);
        if (known == null) {
            String type = reader.loaderType(frame);
            known = type != null && bundleLoaderTypes.get().contains(type);
            bundleLoader.put(loader, known);
        }
        return known;
    }
}
