package io.happyos.registry.shell.internal;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.RegistryEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The status of every component at one moment, to tell afterwards what an operation changed: the
 * registry reports only whether the component asked for changed.
 */
final class StatusSnapshot {

    private final Map<String, ComponentStatus> statuses;

    private StatusSnapshot(Map<String, ComponentStatus> statuses) {
        this.statuses = statuses;
    }

    /**
     * The statuses now.
     *
     * @param registry the registry
     * @return a snapshot
     */
    static StatusSnapshot take(DynamicRegistry registry) {
        Map<String, ComponentStatus> statuses = new HashMap<>();
        for (RegistryEntry e : registry.listComponents()) {
            statuses.put(e.id(), e.status());
        }
        return new StatusSnapshot(statuses);
    }

    /**
     * A snapshot of given statuses, for tests.
     *
     * @param statuses status by id
     * @return a snapshot
     */
    static StatusSnapshot of(Map<String, ComponentStatus> statuses) {
        return new StatusSnapshot(Map.copyOf(statuses));
    }

    /**
     * The status of one component.
     *
     * @param id its id
     * @return its status, or {@code null} when it was not registered
     */
    ComponentStatus status(String id) {
        return statuses.get(id);
    }

    /**
     * The components that entered a status between this snapshot and a later one.
     *
     * @param later the later snapshot
     * @param status the status
     * @param preferredOrder ids in the order to report them; others follow, sorted
     * @return the ids in that status later but not here
     */
    List<String> entered(StatusSnapshot later, ComponentStatus status, List<String> preferredOrder) {
        return changed(later, preferredOrder, id -> status(id) != status && later.status(id) == status);
    }

    /**
     * The components that left a status between this snapshot and a later one.
     *
     * @param later the later snapshot
     * @param status the status
     * @param preferredOrder ids in the order to report them; others follow, sorted
     * @return the ids in that status here but not later
     */
    List<String> left(StatusSnapshot later, ComponentStatus status, List<String> preferredOrder) {
        return changed(later, preferredOrder, id -> status(id) == status && later.status(id) != status);
    }

    private List<String> changed(StatusSnapshot later, List<String> preferredOrder, Predicate<String> test) {
        Set<String> all = new TreeSet<>(statuses.keySet());
        all.addAll(later.statuses.keySet());
        Set<String> ordered = new LinkedHashSet<>(preferredOrder);
        ordered.addAll(all);
        List<String> result = new ArrayList<>();
        for (String id : ordered) {
            if (all.contains(id) && test.test(id)) {
                result.add(id);
            }
        }
        return result;
    }
}
