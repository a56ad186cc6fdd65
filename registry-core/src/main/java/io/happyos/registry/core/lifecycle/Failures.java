package io.happyos.registry.core.lifecycle;

import org.osgi.framework.BundleException;

/** Turns what a bundle threw into one readable line. */
final class Failures {

    private Failures() {}

    /**
     * The framework's message followed by the root cause's, when they differ.
     *
     * @param error what was thrown
     * @return one line
     */
    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = message(error);
        if (root == error) {
            return top;
        }
        String bottom = message(root);
        return top.contains(bottom) ? top : top + ": " + bottom;
    }

    private static String message(Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            return error.getClass().getSimpleName();
        }
        if (error instanceof BundleException
                || error instanceof RuntimeException
                        && error.getClass().getName().startsWith("io.happyos")) {
            return message.strip();
        }
        return error.getClass().getSimpleName() + ": " + message.strip();
    }
}
