package io.happyos.samples.locator.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Chooses one of several instances by a {@link Strategy}, for the local registry (the cluster view
 * picks for itself). Round-robin and sticky keep their state per name asked for; safe for
 * concurrent commands.
 */
final class Picker {

    private final Map<String, AtomicLong> turns = new ConcurrentHashMap<>();
    private final Map<String, String> stuck = new ConcurrentHashMap<>();

    /**
     * @param key the name or type asked for
     * @param candidates the ACTIVE instances, in a stable order
     * @param strategy how to choose
     * @param identity tells instances apart (for sticky)
     * @param accesses how often each was used (for least-accessed)
     * @return the one chosen, or empty when there is none
     */
    <T> Optional<T> pick(
            String key,
            List<T> candidates,
            Strategy strategy,
            Function<T, String> identity,
            ToLongFunction<T> accesses) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                switch (strategy) {
                    case RANDOM -> candidates.get(ThreadLocalRandom.current().nextInt(candidates.size()));
                    case LEAST_ACCESSED ->
                        candidates.stream()
                                .min(Comparator.comparingLong(accesses))
                                .orElseThrow();
                    case STICKY -> sticky(key, candidates, identity);
                    case ROUND_ROBIN -> roundRobin(key, candidates);
                });
    }

    private <T> T roundRobin(String key, List<T> candidates) {
        long turn = turns.computeIfAbsent(key, k -> new AtomicLong()).getAndIncrement();
        return candidates.get((int) Math.floorMod(turn, (long) candidates.size()));
    }

    private <T> T sticky(String key, List<T> candidates, Function<T, String> identity) {
        String previous = stuck.get(key);
        for (T candidate : candidates) {
            if (identity.apply(candidate).equals(previous)) {
                return candidate;
            }
        }
        T chosen = roundRobin(key, candidates);
        stuck.put(key, identity.apply(chosen));
        return chosen;
    }
}
