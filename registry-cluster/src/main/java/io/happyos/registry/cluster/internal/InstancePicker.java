package io.happyos.registry.cluster.internal;

import io.happyos.registry.cluster.ClusterComponent;
import io.happyos.registry.cluster.PickStrategy;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Chooses one instance among the ACTIVE ones, per strategy. Round-robin and sticky keep their
 * state per name asked for; an instance is told apart by its node and id.
 */
final class InstancePicker {

    private final Map<String, AtomicLong> turns = new ConcurrentHashMap<>();
    private final Map<String, String> stuck = new ConcurrentHashMap<>();

    /**
     * @param key the name or type asked for
     * @param instances the ACTIVE instances, in a stable order
     * @param strategy how to choose
     * @return the one chosen, or empty when there is none
     */
    Optional<ClusterComponent> pick(String key, List<ClusterComponent> instances, PickStrategy strategy) {
        if (instances.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                switch (strategy) {
                    case RANDOM -> instances.get(ThreadLocalRandom.current().nextInt(instances.size()));
                    case LEAST_ACCESSED ->
                        instances.stream()
                                .min(Comparator.comparingLong((ClusterComponent c) ->
                                                c.entry().accessCount())
                                        .thenComparing(ClusterComponent::node))
                                .orElseThrow();
                    case STICKY -> sticky(key, instances);
                    case ROUND_ROBIN -> roundRobin(key, instances);
                });
    }

    private ClusterComponent roundRobin(String key, List<ClusterComponent> instances) {
        long turn = turns.computeIfAbsent(key, k -> new AtomicLong()).getAndIncrement();
        return instances.get((int) Math.floorMod(turn, (long) instances.size()));
    }

    private ClusterComponent sticky(String key, List<ClusterComponent> instances) {
        String previous = stuck.get(key);
        for (ClusterComponent c : instances) {
            if (identity(c).equals(previous)) {
                return c;
            }
        }
        ClusterComponent chosen = roundRobin(key, instances);
        stuck.put(key, identity(chosen));
        return chosen;
    }

    private static String identity(ClusterComponent c) {
        return c.node() + "/" + c.id();
    }
}
