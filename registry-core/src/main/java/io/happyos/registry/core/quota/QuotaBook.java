package io.happyos.registry.core.quota;

import io.happyos.registry.Quota;
import io.happyos.registry.QuotaLimit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The quotas set now, each with where it came from. Copy on write: reads (on every activation,
 * registration, instance made and rate-limited call) take no lock.
 */
public final class QuotaBook {

    /**
     * A quota as the registry holds it.
     *
     * @param quota the quota
     * @param origin {@code setting} or the actor that set it
     * @param setAt when
     */
    public record Entry(Quota quota, String origin, Instant setAt) {}

    private volatile Map<String, Entry> entries = Map.of();

    private static String key(String scope, QuotaLimit limit) {
        return scope + "\u0000" + limit.key();
    }

    /**
     * Sets a quota, replacing the one of the same scope and limit.
     *
     * @param entry the quota
     * @return the one it replaced, or {@code null}
     */
    public synchronized Entry put(Entry entry) {
        Map<String, Entry> next = new TreeMap<>(entries);
        Entry before = next.put(key(entry.quota().scope(), entry.quota().limit()), entry);
        entries = Map.copyOf(next);
        return before;
    }

    /**
     * Removes a quota.
     *
     * @param scope its scope
     * @param limit its limit
     * @return the one removed, or {@code null}
     */
    public synchronized Entry remove(String scope, QuotaLimit limit) {
        Map<String, Entry> next = new TreeMap<>(entries);
        Entry before = next.remove(key(scope.trim(), limit));
        entries = Map.copyOf(next);
        return before;
    }

    /** @return every quota, ordered by scope and limit */
    public List<Entry> all() {
        List<Entry> all = new ArrayList<>(entries.values());
        all.sort(Comparator.comparing((Entry e) -> e.quota().scope())
                .thenComparing(e -> e.quota().limit()));
        return all;
    }

    /**
     * The quotas of one limit whose scope covers a component (cluster scopes included).
     *
     * @param limit the limit
     * @param id the component's id
     * @param type its type
     * @return those quotas, possibly none
     */
    public List<Quota> covering(QuotaLimit limit, String id, String type) {
        List<Quota> found = new ArrayList<>(2);
        for (Entry e : entries.values()) {
            Quota q = e.quota();
            if (q.limit() == limit && q.covers(id, type)) {
                found.add(q);
            }
        }
        return found;
    }

    /**
     * Whether any quota of a limit is set.
     *
     * @param limit the limit
     * @return whether one is
     */
    public boolean has(QuotaLimit limit) {
        for (Entry e : entries.values()) {
            if (e.quota().limit() == limit) {
                return true;
            }
        }
        return false;
    }

    /** @return whether any rate or resource limit is set */
    public boolean hasResourceLimits() {
        for (Entry e : entries.values()) {
            if (e.quota().limit().resource()) {
                return true;
            }
        }
        return false;
    }
}
