package io.happyos.registry.core.internal;

import io.happyos.registry.RegistryException;
import io.happyos.registry.core.lifecycle.LifecycleExecutor;
import io.happyos.registry.core.model.Journal;
import io.happyos.registry.core.model.PendingWrites;
import io.happyos.registry.core.stats.PerformanceRecorder;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * How every state-changing call of the registry runs: on the lifecycle thread, on behalf of the
 * caller (the actor), then its journal writes and its audit record are made durable before the
 * caller's stage completes. A journal write that fails undoes its change and fails the operation.
 */
final class AuditedOperations {

    private final LifecycleExecutor lifecycle;
    private final Journal journal;
    private final PerformanceRecorder performance;

    AuditedOperations(LifecycleExecutor lifecycle, Journal journal, PerformanceRecorder performance) {
        this.lifecycle = lifecycle;
        this.journal = journal;
        this.performance = performance;
    }

    /**
     * Runs an operation whose audit record's details are its result, when that says something
     * (an id, a version, a batch's outcome), else the operation's name.
     *
     * @param actor who asked for it, for the audit log
     * @param name what it is, for the audit log ({@code activate}, {@code add-dependency}, ...)
     * @param componentId the component concerned, or {@code null}
     * @param operation the work, run on the lifecycle thread
     * @return completes once the work is done and recorded
     */
    <T> CompletionStage<T> run(String actor, String name, String componentId, Callable<T> operation) {
        return run(
                actor,
                name,
                componentId,
                value -> value == null || value instanceof Boolean ? name : String.valueOf(value),
                operation);
    }

    /**
     * Runs an operation whose audit record carries given details.
     *
     * @param actor who asked for it, for the audit log
     * @param name what it is, for the audit log
     * @param componentId the component concerned, or {@code null}
     * @param details the audit record's details
     * @param operation the work, run on the lifecycle thread
     * @return completes once the work is done and recorded
     */
    <T> CompletionStage<T> run(String actor, String name, String componentId, String details, Callable<T> operation) {
        return run(actor, name, componentId, value -> details, operation);
    }

    /**
     * Runs an operation whose audit record says what it did, from its result.
     *
     * @param actor who asked for it, for the audit log
     * @param name what it is, for the audit log
     * @param componentId the component concerned, or {@code null}
     * @param details what the audit record says of the result (also of a failure's result,
     *     {@code null}, together with the error); never returns an empty text
     * @param operation the work, run on the lifecycle thread
     * @return completes once the work is done and recorded
     */
    <T> CompletionStage<T> run(
            String actor, String name, String componentId, Function<? super T, String> details, Callable<T> operation) {
        CompletableFuture<T> result = new CompletableFuture<>();
        PendingWrites[] pending = new PendingWrites[1];
        lifecycle
                .submit(() -> {
                    pending[0] = PendingWrites.begin();
                    try {
                        return operation.call();
                    } finally {
                        PendingWrites.end();
                    }
                })
                .thenCompose(value -> pending[0]
                        .durable()
                        .handle((ok, writeError) -> {
                            if (writeError == null) {
                                return CompletableFuture.completedFuture(value);
                            }
                            // a change that could not be recorded is undone before the operation fails
                            return lifecycle
                                    .submit(() -> {
                                        pending[0].undo();
                                        return value;
                                    })
                                    .thenCompose(undone -> CompletableFuture.<T>failedFuture(unwrap(writeError)));
                        })
                        .thenCompose(stage -> stage))
                .whenComplete((value, error) -> {
                    Throwable cause = unwrap(error);
                    performance.operation(cause != null);
                    String recorded = cause != null ? null : details.apply(value);
                    journal.audit(
                                    actor,
                                    name,
                                    componentId,
                                    cause == null ? null : String.valueOf(cause.getMessage()),
                                    recorded)
                            .whenComplete((ignored, auditError) -> {
                                if (cause != null) {
                                    result.completeExceptionally(cause);
                                } else if (auditError != null) {
                                    result.completeExceptionally(new RegistryException(
                                            name + " " + componentId
                                                    + " was done, but its audit record could not be written: "
                                                    + auditError.getMessage(),
                                            auditError));
                                } else {
                                    result.complete(value);
                                }
                            });
                });
        return result.minimalCompletionStage();
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
