package io.happyos.registry.core.quota;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.Quota;
import io.happyos.registry.QuotaLimit;
import io.happyos.registry.core.model.ComponentRecord;
import io.happyos.registry.core.model.ComponentStore;
import java.util.Locale;
import java.util.function.Predicate;

/** Counting a scope's use and writing figures in words. */
final class QuotaFigures {

    /** A component's use of a rate or resource limit now. */
    interface Use {
        /**
         * @param id the component
         * @param limit a rate or resource limit
         * @return its use in the limit's unit, or -1 when not measured
         */
        double of(String id, QuotaLimit limit);

        /**
         * @param id the component
         * @return whether the registry holds an instance of it
         */
        boolean holdsInstance(String id);
    }

    private QuotaFigures() {}

    /** Components of the scope (active ones only, if asked), the container's own not counted. */
    static int count(ComponentStore store, Quota quota, boolean activeOnly) {
        return countWhere(store, quota, r -> !activeOnly || r.status() == ComponentStatus.ACTIVE);
    }

    static int count(ComponentStore store, Quota quota, Predicate<String> holds) {
        return countWhere(store, quota, r -> holds.test(r.id()));
    }

    private static int countWhere(ComponentStore store, Quota quota, Predicate<ComponentRecord> f) {
        int n = 0;
        for (ComponentRecord r : store.records()) {
            String type = r.info().type();
            if (!DynamicRegistry.TYPE_SYSTEM.equals(type) && quota.covers(r.id(), type) && f.test(r)) {
                n++;
            }
        }
        return n;
    }

    /** The highest use of one component of the scope, or -1 when none is measured. */
    static double highest(ComponentStore store, Quota quota, Use use) {
        double highest = -1;
        for (ComponentRecord r : store.records()) {
            String type = r.info().type();
            if (!DynamicRegistry.TYPE_SYSTEM.equals(type) && quota.covers(r.id(), type)) {
                highest = Math.max(highest, use.of(r.id(), quota.limit()));
            }
        }
        return highest;
    }

    /** A figure in the limit's unit, in words: {@code 12 threads}, {@code 63.2% of a core}, {@code 41.5 MB/s}. */
    static String figure(QuotaLimit limit, double value) {
        return switch (limit) {
            case MAX_CPU_PERCENT -> String.format(Locale.ROOT, "%.1f%% of a core", value);
            case MAX_ALLOC_RATE -> bytes(value) + "/s";
            case CALLS_PER_SECOND -> String.format(Locale.ROOT, "%.1f calls/s", value);
            case ACTIVATION_TIMEOUT -> String.format(Locale.ROOT, "%.0f ms", value);
            default -> String.format(Locale.ROOT, "%.0f %s", value, limit.unit());
        };
    }

    /** Bytes in words: {@code 512 B}, {@code 3.4 KB}, {@code 41.5 MB}, {@code 1.2 GB}. */
    static String bytes(double bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1L << 20));
        }
        if (bytes >= 1L << 10) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / (1L << 10));
        }
        return String.format(Locale.ROOT, "%.0f B", bytes);
    }
}
