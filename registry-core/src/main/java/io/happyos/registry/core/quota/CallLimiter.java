package io.happyos.registry.core.quota;

import io.happyos.registry.Quota;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Token buckets of the {@code calls-per-second} quotas: one per consumer bundle and component. A
 * bucket refills at the quota's rate and holds the calls of its grace period (at least one second's
 * worth): a consumer may go over the rate for a burst, and is rejected once it has been over it for
 * longer than the grace period.
 */
final class CallLimiter {

    private record Key(long consumer, String component) {}

    private static final class Bucket {
        private double tokens;
        private long lastNanos;
        private double rate;
        private double capacity;

        Bucket(double rate, double capacity, long now) {
            this.rate = rate;
            this.capacity = capacity;
            this.tokens = capacity;
            this.lastNanos = now;
        }

        synchronized boolean take(double rate, double capacity, long now) {
            if (rate != this.rate || capacity != this.capacity) { // the quota changed
                this.rate = rate;
                this.capacity = capacity;
                tokens = Math.min(tokens, capacity);
            }
            tokens = Math.min(capacity, tokens + (now - lastNanos) / 1e9 * rate);
            lastNanos = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }

    private final ConcurrentMap<Key, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * Takes one call from a consumer's bucket for a component.
     *
     * @param quota the calls-per-second quota
     * @param consumer the consumer bundle's id
     * @param component the component
     * @param now {@link System#nanoTime()}
     * @return whether the call may go ahead
     */
    boolean take(Quota quota, long consumer, String component, long now) {
        double rate = quota.value();
        double capacity = Math.max(1, rate * Math.max(1.0, quota.grace().toMillis() / 1000.0));
        Bucket bucket = buckets.computeIfAbsent(new Key(consumer, component), k -> new Bucket(rate, capacity, now));
        return bucket.take(rate, capacity, now);
    }

    /** Forgets the buckets of a component (unregistered) or of a consumer (gone). */
    void forget(String component) {
        buckets.keySet().removeIf(k -> k.component().equals(component));
    }

    /** Forgets every bucket (quotas changed or removed). */
    void clear() {
        buckets.clear();
    }
}
