package io.happyos.registry.core.lifecycle;

import io.happyos.registry.ComponentHeldException;
import io.happyos.registry.ComponentNotFoundException;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DependencyProblem;
import io.happyos.registry.ErrorRecord;
import io.happyos.registry.RetryPolicy;
import io.happyos.registry.core.model.ComponentRecord;
import io.happyos.registry.core.model.ComponentStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** Activation with retries and backoff, and the check of a component's dependencies. */
public final class Recovery implements AutoCloseable {

    private final ComponentStore store;
    private final BundleContext context;
    private final ScheduledExecutorService timer;

    /**
     * @param store the entries
     * @param context the registry bundle's context
     */
    public Recovery(
            ComponentStore store, BundleContext context, io.happyos.registry.core.concurrent.RegistryThreads threads) {
        this.timer = threads.scheduler("retry");
        this.store = store;
        this.context = context;
    }

    /**
     * Tries an activation until it succeeds, the policy runs out or a hook holds the component back
     * (no error: trying again soon would only be held again). Each failed attempt has already put its
     * reason in the component's history; the waits between attempts hold no thread.
     *
     * @param id the component
     * @param policy how often and how far apart
     * @param attempt one activation attempt
     * @return the last attempt's outcome
     */
    public CompletionStage<Boolean> withRetries(
            String id, RetryPolicy policy, Function<String, CompletionStage<Boolean>> attempt) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        tryOnce(id, policy, 1, attempt, result);
        return result.minimalCompletionStage();
    }

    private void tryOnce(
            String id,
            RetryPolicy policy,
            int n,
            Function<String, CompletionStage<Boolean>> attempt,
            CompletableFuture<Boolean> result) {
        attempt.apply(id).whenComplete((ok, error) -> {
            Throwable cause =
                    error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause == null) {
                result.complete(ok);
            } else if (n >= policy.maxAttempts()
                    || cause instanceof ComponentNotFoundException
                    || cause instanceof ComponentHeldException) {
                result.completeExceptionally(cause);
            } else {
                timer.schedule(
                        () -> tryOnce(id, policy, n + 1, attempt, result),
                        policy.delayBefore(n + 1).toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        });
    }

    /**
     * Lists what is wrong with a component's dependencies, and marks it in error when something is.
     *
     * @param id the component
     * @return the problems
     */
    public List<DependencyProblem> validate(String id) {
        ComponentRecord record = store.record(id);
        List<DependencyProblem> problems = new ArrayList<>();
        Bundle bundle = record.hasBundle() ? context.getBundle(record.bundleId()) : null;
        if (bundle != null && bundle.getState() == Bundle.INSTALLED) {
            for (String requirement : record.missingRequirements()) {
                problems.add(new DependencyProblem(
                        requirement, DependencyProblem.Kind.MISSING, "nothing installed provides " + requirement));
            }
        }
        Set<String> dependencies = store.readGraph(g -> g.dependencies(id));
        for (String dependency : new TreeSet<>(dependencies)) {
            store.find(dependency).ifPresent(d -> {
                ComponentStatus status = d.status();
                if (status == ComponentStatus.ERROR) {
                    List<ErrorRecord> errors = d.errors();
                    String why = errors.isEmpty()
                            ? "no reason recorded"
                            : errors.get(errors.size() - 1).message();
                    problems.add(new DependencyProblem(
                            dependency, DependencyProblem.Kind.IN_ERROR, dependency + " is in ERROR (" + why + ")"));
                } else if (status != ComponentStatus.ACTIVE) {
                    problems.add(new DependencyProblem(
                            dependency,
                            DependencyProblem.Kind.NOT_ACTIVE,
                            dependency + " is not active (" + status + ")"));
                }
            });
        }
        if (!problems.isEmpty()) {
            store.markError(
                    record,
                    "dependency problems: "
                            + String.join(
                                    "; ",
                                    problems.stream()
                                            .map(DependencyProblem::message)
                                            .toList()));
        }
        return List.copyOf(problems);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
