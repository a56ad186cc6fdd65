package io.happyos.registry.core.usage;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;

/**
 * Every count, per provider key and consumer bundle. Two concurrent maps and striped counters: the
 * first use of a pair creates its counters, every later one only reads the maps and adds.
 */
final class UsageCounters {

    private final Map<ProviderKey, Map<Long, ConsumerCounters>> byProvider = new ConcurrentHashMap<>();

    /**
     * The counters of a consumer for a provider, made on first use.
     *
     * @param key the provider
     * @param consumer the consumer bundle
     * @return its counters
     */
    ConsumerCounters of(ProviderKey key, Bundle consumer) {
        Map<Long, ConsumerCounters> consumers = byProvider.get(key);
        if (consumers == null) {
            consumers = byProvider.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
        }
        long bundleId = consumer.getBundleId();
        ConsumerCounters counters = consumers.get(bundleId);
        if (counters == null) {
            counters = consumers.computeIfAbsent(bundleId, id -> new ConsumerCounters(id, nameOf(consumer)));
        }
        return counters;
    }

    /**
     * The consumers counted for a provider.
     *
     * @param key the provider
     * @return a live, unmodifiable view; empty when nobody used it
     */
    Map<Long, ConsumerCounters> consumers(ProviderKey key) {
        Map<Long, ConsumerCounters> consumers = byProvider.get(key);
        return consumers == null ? Map.of() : java.util.Collections.unmodifiableMap(consumers);
    }

    private static String nameOf(Bundle bundle) {
        String name = bundle.getSymbolicName();
        return name == null ? String.valueOf(bundle.getBundleId()) : name;
    }
}
