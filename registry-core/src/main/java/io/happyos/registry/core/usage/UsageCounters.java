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
    // instance keys by component id: the hot path (a call of getComponentInstance) makes no key
    private final Map<String, Map<Long, ConsumerCounters>> byInstance = new ConcurrentHashMap<>();

    /**
     * The counters of a consumer for a provider, made on first use.
     *
     * @param key the provider
     * @param consumer the consumer bundle
     * @return its counters
     */
    ConsumerCounters of(ProviderKey key, Bundle consumer) {
        if (key.kind() == ProviderKey.Kind.INSTANCE) {
            return ofInstance(key.name(), consumer);
        }
        Map<Long, ConsumerCounters> consumers = byProvider.get(key);
        if (consumers == null) {
            consumers = byProvider.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
        }
        return of(consumers, consumer);
    }

    /**
     * The counters of a consumer for a component's instance ({@link ProviderKey#instance}), made on
     * first use.
     *
     * @param componentId the component
     * @param consumer the consumer bundle
     * @return its counters
     */
    ConsumerCounters ofInstance(String componentId, Bundle consumer) {
        Map<Long, ConsumerCounters> consumers = byInstance.get(componentId);
        if (consumers == null) {
            consumers = byInstance.computeIfAbsent(componentId, k -> new ConcurrentHashMap<>());
        }
        return of(consumers, consumer);
    }

    private static ConsumerCounters of(Map<Long, ConsumerCounters> consumers, Bundle consumer) {
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
        Map<Long, ConsumerCounters> consumers =
                key.kind() == ProviderKey.Kind.INSTANCE ? byInstance.get(key.name()) : byProvider.get(key);
        return consumers == null ? Map.of() : java.util.Collections.unmodifiableMap(consumers);
    }

    /** @return the instance calls counted, of every component by every consumer */
    long instanceCallsTotal() {
        long total = 0;
        for (Map<Long, ConsumerCounters> consumers : byInstance.values()) {
            for (ConsumerCounters c : consumers.values()) {
                total += c.instanceCalls();
            }
        }
        return total;
    }

    private static String nameOf(Bundle bundle) {
        String name = bundle.getSymbolicName();
        return name == null ? String.valueOf(bundle.getBundleId()) : name;
    }
}
