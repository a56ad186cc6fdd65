package io.happyos.registry.core.model;

import java.util.concurrent.Callable;

/**
 * Marks the bundle starts the registry makes itself, so that the bundle tracking can tell them from
 * starts made behind its back (a shell command, another bundle): a failure of the first kind is
 * recorded by the activation with its full reason, one of the second kind by the tracking.
 */
public final class RegistryStarts {

    private static final ThreadLocal<Boolean> STARTING = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private RegistryStarts() {}

    /**
     * Runs a start on this thread, marked as the registry's.
     *
     * @param start what to do
     * @return its result
     * @throws Exception what it throws
     */
    public static <T> T run(Callable<T> start) throws Exception {
        boolean outer = STARTING.get();
        STARTING.set(Boolean.TRUE);
        try {
            return start.call();
        } finally {
            STARTING.set(outer);
        }
    }

    /** @return whether the current thread is starting a bundle for the registry */
    public static boolean inProgress() {
        return STARTING.get();
    }
}
