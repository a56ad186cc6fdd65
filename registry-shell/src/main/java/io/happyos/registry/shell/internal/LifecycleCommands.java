package io.happyos.registry.shell.internal;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;

/**
 * {@code activate} and {@code deactivate}: each prints one line per component naming what the call
 * changed, found by comparing statuses before and after.
 *
 * <p>With {@code --json}: {@code {"activated":[ids in activation order],"components":[{"id":..,
 * "status":..},..]}}, and likewise {@code "deactivated"} (dependents first).
 */
public final class LifecycleCommands {

    /** The command names, for {@code osgi.command.function}. */
    static final String[] FUNCTIONS = {"activate", "deactivate"};

    private final CommandContext ctx;

    LifecycleCommands(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Descriptor("activate components, each after its dependencies")
    public void activate(
            @Descriptor("print {\"activated\":[..],\"components\":[{\"id\":..,\"status\":..}]}")
            @Parameter(names = {"--json"}, presentValue = "true", absentValue = "false") boolean json,
            @Descriptor("ids, names or bundle numbers of the components") String... ids) {
        run(json, ids, true);
    }

    @Descriptor("deactivate components, their active dependents first")
    public void deactivate(
            @Descriptor("print {\"deactivated\":[..],\"components\":[{\"id\":..,\"status\":..}]}")
            @Parameter(names = {"--json"}, presentValue = "true", absentValue = "false") boolean json,
            @Descriptor("ids, names or bundle numbers of the components") String... ids) {
        run(json, ids, false);
    }

    private void run(boolean json, String[] refs, boolean activate) {
        if (refs.length == 0) {
            throw new IllegalArgumentException("give at least one component id, name or bundle number");
        }
        List<String> ids = new IdResolver(ctx.registry()).resolveAll(refs);
        List<String> changed = new ArrayList<>();
        List<Map<String, Object>> components = new ArrayList<>();
        for (String id : ids) {
            Outcome outcome = activate ? activateOne(id) : deactivateOne(id);
            changed.addAll(outcome.changed());
            components.add(outcome.json());
            if (!json) {
                ctx.print(outcome.line(activate));
            }
        }
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put(activate ? "activated" : "deactivated", changed);
            out.put("components", components);
            ctx.printJson(out);
        }
    }

    private Outcome activateOne(String id) {
        DynamicRegistry registry = ctx.registry();
        List<String> plan = registry.getActivationOrder(List.of(id));
        StatusSnapshot before = StatusSnapshot.take(registry);
        ctx.await(registry.activateComponent(id), "activate " + id);
        StatusSnapshot after = StatusSnapshot.take(registry);
        List<String> activated = before.entered(after, ComponentStatus.ACTIVE, plan);
        activated.retainAll(plan);
        return new Outcome(id, after.status(id), activated);
    }

    private Outcome deactivateOne(String id) {
        DynamicRegistry registry = ctx.registry();
        Set<String> affected = withDependents(registry, id);
        List<String> order = new ArrayList<>(registry.getActivationOrder(affected));
        Collections.reverse(order);
        StatusSnapshot before = StatusSnapshot.take(registry);
        ctx.await(registry.deactivateComponent(id), "deactivate " + id);
        StatusSnapshot after = StatusSnapshot.take(registry);
        List<String> deactivated = before.left(after, ComponentStatus.ACTIVE, order);
        deactivated.retainAll(affected);
        return new Outcome(id, after.status(id), deactivated);
    }

    /** The component and everything that depends on it, directly or not. */
    private static Set<String> withDependents(DynamicRegistry registry, String id) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(id));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (seen.add(next)) {
                todo.addAll(registry.getDependents(next));
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
            return id + " " + state + " (" + (activate ? "activated: " : "deactivated: ")
                    + String.join(", ", changed) + ")";
        }

        Map<String, Object> json() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", id);
            out.put("status", status);
            return out;
        }
    }
}
