package io.happyos.registry.core.usage;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.LongAdder;

/**
 * One consumer bundle's counts for one provider key. Lock-free: counts are striped
 * ({@link LongAdder}); the first and the last time are fields of this object, written only when
 * they change (the first once, the last when the millisecond moved on), so that a call made in the
 * same millisecond as the one before only reads them.
 */
final class ConsumerCounters {

    private static final VarHandle FIRST_SEEN;
    private static final VarHandle LAST_SEEN;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            FIRST_SEEN = lookup.findVarHandle(ConsumerCounters.class, "firstSeen", long.class);
            LAST_SEEN = lookup.findVarHandle(ConsumerCounters.class, "lastSeen", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long bundleId;
    private final String symbolicName;
    private final LongAdder lookups = new LongAdder();
    private final LongAdder instanceCalls = new LongAdder();
    private volatile long firstSeen; // 0 until seen
    private volatile long lastSeen; // 0 until seen; only grows

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

    /** @return the counter of instance calls itself, for a caller that counts many */
    LongAdder instanceCallCounter() {
        return instanceCalls;
    }

    void seen(long nowMillis) {
        if (firstSeen == 0) {
            FIRST_SEEN.compareAndSet(this, 0L, nowMillis);
        }
        long last = lastSeen;
        while (nowMillis > last && !LAST_SEEN.weakCompareAndSet(this, last, nowMillis)) {
            last = lastSeen;
        }
    }

    long lookups() {
        return lookups.sum();
    }

    long instanceCalls() {
        return instanceCalls.sum();
    }

    /** @return when first seen, in epoch milliseconds; 0 when never */
    long firstSeen() {
        return firstSeen;
    }

    /** @return when last seen, in epoch milliseconds; 0 when never */
    long lastSeen() {
        return lastSeen;
    }
}
