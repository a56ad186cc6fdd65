package io.happyos.registry.core.usage;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * One consumer bundle's counts for one provider key. Lock-free: counts are striped
 * ({@link LongAdder}), the last time a running maximum, the first time set once.
 */
final class ConsumerCounters {

    private final long bundleId;
    private final String symbolicName;
    private final LongAdder lookups = new LongAdder();
    private final LongAdder instanceCalls = new LongAdder();
    private final AtomicLong firstSeen = new AtomicLong();
    private final LongAccumulator lastSeen = new LongAccumulator(Math::max, 0);

    ConsumerCounters(long bundleId, String symbolicName) {
        this.bundleId = bundleId;
        this.symbolicName = symbolicName;
    }

    long bundleId() {
        return bundleId;
    }

    String symbolicName() {
        return symbolicName;
    }

    void lookup(long nowMillis) {
        lookups.increment();
        seen(nowMillis);
    }

    void instanceCall(long nowMillis) {
        instanceCalls.increment();
        seen(nowMillis);
    }

    void held(long nowMillis) {
        seen(nowMillis);
    }

    private void seen(long nowMillis) {
        if (firstSeen.get() == 0) {
            firstSeen.compareAndSet(0, nowMillis);
        }
        lastSeen.accumulate(nowMillis);
    }

    long lookups() {
        return lookups.sum();
    }

    long instanceCalls() {
        return instanceCalls.sum();
    }

    /** @return when first seen, in epoch milliseconds; 0 when never */
    long firstSeen() {
        return firstSeen.get();
    }

    /** @return when last seen, in epoch milliseconds; 0 when never */
    long lastSeen() {
        return lastSeen.get();
    }
}
