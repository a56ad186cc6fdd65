package io.happyos.registry.shell.internal;

import io.happyos.registry.RegistryException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for the registry's lifecycle operations, and turns their failures into the one-line
 * exceptions a command throws.
 */
final class Completion {

    /** How long a command waits for an operation by default: starting a bundle can take a while. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private final Duration timeout;

    /**
     * Waits up to a timeout.
     *
     * @param timeout how long to wait for each operation
     */
    Completion(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * How long each operation is waited for.
     *
     * @return the timeout
     */
    Duration timeout() {
        return timeout;
    }

    /**
     * Waits for an operation and returns its result.
     *
     * @param stage the operation
     * @param what what it does, in words, for the timeout message ("activate logger")
     * @return its result
     * @throws RuntimeException the registry's own exception when the operation failed
     * @throws IllegalStateException when it did not complete in time or the wait was interrupted
     */
    <T> T await(CompletionStage<T> stage, String what) {
        try {
            return stage.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CompletionException e) {
            throw unwrap(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "gave up waiting for " + what + " after " + describe(timeout)
                            + "; it may still finish: check with registry:info",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        }
    }

    /**
     * The failure behind the wrappers of a future.
     *
     * @param failure what a future threw
     * @return the registry's own exception, or a {@link RegistryException} with the cause's message
     */
    static RuntimeException unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof RuntimeException runtime) {
            return runtime;
        }
        if (t instanceof Error error) {
            throw error;
        }
        String message = t.getMessage() == null ? t.toString() : t.getMessage();
        return new RegistryException(message, t);
    }

    private static String describe(Duration d) {
        return d.toMinutes() > 0 && d.toSecondsPart() == 0 ? d.toMinutes() + " min" : d.toMillis() + " ms";
    }
}
