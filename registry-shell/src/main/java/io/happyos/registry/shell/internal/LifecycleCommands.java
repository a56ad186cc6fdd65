package io.happyos.registry.shell.internal;

import io.happyos.registry.BatchResult;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.RetryPolicy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;

/**
 * {@code activate}, {@code deactivate} and {@code status}.
 *
 * <p>With one component, {@code activate} and {@code deactivate} print one line naming what the
 * call changed, found by comparing statuses before and after; with {@code --json}:
 * {@code {"activated":[ids in activation order],"components":[{"id":..,"status":..}]}}, and likewise
 * {@code "deactivated"} (dependents first). {@code activate --retry N} tries up to N times with
 * exponential backoff from {@code --backoff} (default 1s).
 *
 * <p>With several components they run as one batch, and so does {@code status ID STATUS...}: one
 * line per component (id, outcome, message), and the command fails after printing when any
 * component failed or was skipped. With {@code --json}: {@code {"items":[{"key","id","outcome",
 * "message"}],"succeeded":N,"failed":N}}. A batch of {@value #PROGRESS_THRESHOLD} or more components
 * on a terminal shows its progress as each one gets there (see {@link BatchProgress}).
 */
public final class LifecycleCommands {

    /** The command names, for {@code osgi.command.function}. */
    static final String[] FUNCTIONS = {"activate", "deactivate", "status"};

    /** From how many components a batch on a terminal shows progress. */
    static final int PROGRESS_THRESHOLD = 5;

    private static final String DEFAULT_BACKOFF = "1s";

    private final CommandContext ctx;

    LifecycleCommands(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Descriptor("activate components, each after its dependencies (several at once run as one batch). "
            + "Example: registry:activate calculator-skill --retry 3 --backoff 500ms")
    public void activate(
            @Descriptor("print JSON: {\"activated\":[..],\"components\":[..]} for one component, "
                            + "{\"items\":[..],\"succeeded\":N,\"failed\":N} for several")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("try up to N times in all, waiting longer each time (one component only)")
                    @Parameter(
                            names = {"--retry"},
                            absentValue = "0")
                    String retry,
            @Descriptor("the wait before the second try, doubling after (500ms, 30s, 10m, 2h, PT1S); default 1s")
                    @Parameter(
                            names = {"--backoff"},
                            absentValue = "")
                    String backoff,
            @Descriptor("ids, names or bundle numbers of the components") String... ids) {
        List<String> resolved = resolve(ids);
        RetryPolicy policy = retryPolicy(
                OptionValues.wholeNumber("registry:activate", "--retry", retry, 0), backoff, resolved.size());
        if (resolved.size() == 1) {
            printOne(json, activateOne(resolved.get(0), policy), true);
        } else {
            batch(json, resolved, true);
        }
    }

    @Descriptor("deactivate components, their active dependents first (several at once run as one batch). "
            + "Example: registry:deactivate logger")
    public void deactivate(
            @Descriptor("print JSON: {\"deactivated\":[..],\"components\":[..]} for one component, "
                            + "{\"items\":[..],\"succeeded\":N,\"failed\":N} for several")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("ids, names or bundle numbers of the components") String... ids) {
        List<String> resolved = resolve(ids);
        if (resolved.size() == 1) {
            printOne(json, deactivateOne(resolved.get(0)), false);
        } else {
            batch(json, resolved, false);
        }
    }

    @Descriptor("bring components to a status each, as one batch: status ID STATUS [ID STATUS ...]. "
            + "Example: registry:status logger ACTIVE weather-skill INACTIVE")
    public void status(
            @Descriptor("print {\"items\":[{\"key\",\"id\",\"outcome\",\"message\"}],\"succeeded\":N,\"failed\":N}")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("pairs of a component (id, name or bundle number) and a status: ACTIVE, INACTIVE, "
                            + "ERROR, REGISTERED or DISCOVERED")
                    String... pairs) {
        if (pairs.length == 0 || pairs.length % 2 != 0) {
            throw new IllegalArgumentException("give pairs of component and status, for example: "
                    + "status logger ACTIVE weather-skill INACTIVE");
        }
        IdResolver resolver = new IdResolver(ctx.registry());
        Map<String, ComponentStatus> wanted = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            String id = resolver.resolve(pairs[i]);
            ComponentStatus status =
                    OptionValues.oneOf("registry:status", "the status of " + id, pairs[i + 1], ComponentStatus.class);
            if (wanted.put(id, status) != null) {
                throw new IllegalArgumentException(id + " is given twice: give one status per component");
            }
        }
        BatchResult result = ctx.await(
                ctx.registry().lifecycle().updateComponentStatusBatch(wanted),
                "set the status of " + String.join(", ", wanted.keySet()));
        BatchReport.print(ctx, result, json, "components");
    }

    private List<String> resolve(String[] refs) {
        if (refs.length == 0) {
            throw new IllegalArgumentException("give at least one component id, name or bundle number");
        }
        return new ArrayList<>(new LinkedHashSet<>(new IdResolver(ctx.registry()).resolveAll(refs)));
    }

    private static RetryPolicy retryPolicy(int retry, String backoff, int components) {
        boolean backoffGiven = backoff != null && !backoff.isBlank();
        if (retry == 0 && !backoffGiven) {
            return null;
        }
        if (retry < 1) {
            throw new IllegalArgumentException("--retry needs the number of tries in all, at least 1"
                    + (backoffGiven ? " (--backoff works only with --retry)" : ""));
        }
        if (components > 1) {
            throw new IllegalArgumentException(
                    "--retry works with one component at a time; activate the others " + "separately");
        }
        return RetryPolicy.exponential(retry, DurationText.parse(backoffGiven ? backoff : DEFAULT_BACKOFF, "backoff"));
    }

    private void printOne(boolean json, Outcome outcome, boolean activate) {
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put(activate ? "activated" : "deactivated", outcome.changed());
            out.put("components", List.of(outcome.json()));
            ctx.printJson(out);
        } else {
            ctx.print(outcome.line(activate));
        }
    }

    private void batch(boolean json, List<String> ids, boolean activate) {
        DynamicRegistry registry = ctx.registry();
        Supplier<CompletionStage<BatchResult>> start = activate
                ? () -> registry.lifecycle().activateComponentsBatch(ids)
                : () -> registry.lifecycle().deactivateComponentsBatch(ids);
        String what = (activate ? "activate " : "deactivate ") + String.join(", ", ids);
        BatchResult result;
        if (!json && ids.size() >= PROGRESS_THRESHOLD && ctx.onTerminal()) {
            Set<String> watched = activate
                    ? new LinkedHashSet<>(registry.dependencies().getActivationOrder(ids))
                    : withDependents(registry, ids);
            result = new BatchProgress(watched, activate ? ComponentStatus.ACTIVE : ComponentStatus.INACTIVE)
                    .follow(ctx, start, what);
        } else {
            result = ctx.await(start.get(), what);
        }
        BatchReport.print(ctx, result, json, "components");
    }

    private Outcome activateOne(String id, RetryPolicy policy) {
        DynamicRegistry registry = ctx.registry();
        List<String> plan = registry.dependencies().getActivationOrder(List.of(id));
        StatusSnapshot before = StatusSnapshot.take(registry);
        ctx.await(
                policy == null
                        ? registry.activateComponent(id)
                        : registry.lifecycle().activateComponent(id, policy),
                "activate " + id);
        StatusSnapshot after = StatusSnapshot.take(registry);
        List<String> activated = before.entered(after, ComponentStatus.ACTIVE, plan);
        activated.retainAll(plan);
        return new Outcome(id, after.status(id), activated);
    }

    private Outcome deactivateOne(String id) {
        DynamicRegistry registry = ctx.registry();
        Set<String> affected = withDependents(registry, List.of(id));
        List<String> order = new ArrayList<>(registry.dependencies().getActivationOrder(affected));
        Collections.reverse(order);
        StatusSnapshot before = StatusSnapshot.take(registry);
        ctx.await(registry.deactivateComponent(id), "deactivate " + id);
        StatusSnapshot after = StatusSnapshot.take(registry);
        List<String> deactivated = before.left(after, ComponentStatus.ACTIVE, order);
        deactivated.retainAll(affected);
        return new Outcome(id, after.status(id), deactivated);
    }

    /** The components and everything that depends on them, directly or not. */
    private static Set<String> withDependents(DynamicRegistry registry, List<String> ids) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(ids);
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (seen.add(next)) {
                todo.addAll(registry.dependencies().getDependents(next));
            }
        }
        return seen;
    }

    /** What one activation or deactivation did. */
    record Outcome(String id, ComponentStatus status, List<String> changed) {

        String line(boolean activate) {
            String state = status == null ? "gone" : status.name();
            if (changed.isEmpty()) {
                return id + " " + state + (activate ? " (already active)" : " (was not active)");
            }
            return id + " " + state + " (" + (activate ? "activated: " : "deactivated: ") + String.join(", ", changed)
                    + ")";
        }

        Map<String, Object> json() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", id);
            out.put("status", status);
            return out;
        }
    }
}
