package io.happyos.registry;

import java.util.Locale;

/**
 * What a {@link Quota} limits. Each has the name the shell and the settings use
 * ({@link #key()}, e.g. {@code max-active}) and one of three kinds of effect.
 *
 * <ul>
 *   <li><b>Admission limits</b> ({@link #MAX_COMPONENTS}, {@link #MAX_ACTIVE}, {@link #MAX_INSTANCES})
 *       count over the whole scope and refuse, before anything changes, what would exceed them, with a
 *       {@link QuotaExceededException}.
 *   <li><b>{@link #ACTIVATION_TIMEOUT}</b> bounds each activation of each component of the scope.
 *   <li><b>Rate and resource limits</b> ({@link #CALLS_PER_SECOND}, {@link #MAX_THREADS},
 *       {@link #MAX_CPU_PERCENT}, {@link #MAX_ALLOC_RATE}) apply to each component of the scope on
 *       its own: excess instance calls are rejected; a component over a resource limit for longer than
 *       the quota's grace period is marked, and deactivated when the quota is enforced.
 * </ul>
 *
 * @since 2.3
 */
public enum QuotaLimit {
    /** Components registered in the scope at most. */
    MAX_COMPONENTS("max-components", "components"),
    /** Components of the scope active at once at most. */
    MAX_ACTIVE("max-active", "active components"),
    /** Instances the registry holds for the components of the scope at most. */
    MAX_INSTANCES("max-instances", "instances"),
    /** How long one activation may take, in milliseconds (text: {@code 5s}, {@code 500ms}, {@code 2m}). */
    ACTIVATION_TIMEOUT("activation-timeout", "ms"),
    /** Instance calls per second that one consumer bundle may make for one component of the scope. */
    CALLS_PER_SECOND("calls-per-second", "calls/s"),
    /** Live threads that one component of the scope may own. */
    MAX_THREADS("max-threads", "threads"),
    /** CPU one component of the scope may use, in percent of one core. */
    MAX_CPU_PERCENT("max-cpu-percent", "% of a core"),
    /** Bytes per second one component of the scope may allocate (text: {@code 50MB}, {@code 512KB}, {@code 1GB}). */
    MAX_ALLOC_RATE("max-alloc-rate", "bytes/s");

    private final String key;
    private final String unit;

    QuotaLimit(String key, String unit) {
        this.key = key;
        this.unit = unit;
    }

    /**
     * The name the shell and the settings use.
     *
     * @return for example {@code max-active}
     */
    public String key() {
        return key;
    }

    /**
     * The unit of its values, in words.
     *
     * @return for example {@code calls/s}
     */
    public String unit() {
        return unit;
    }

    /**
     * Whether it refuses what would exceed it before anything changes.
     *
     * @return true for {@link #MAX_COMPONENTS}, {@link #MAX_ACTIVE} and {@link #MAX_INSTANCES}
     */
    public boolean admission() {
        return this == MAX_COMPONENTS || this == MAX_ACTIVE || this == MAX_INSTANCES;
    }

    /**
     * Whether it is measured by resource accounting and acts after a grace period.
     *
     * @return true for {@link #MAX_THREADS}, {@link #MAX_CPU_PERCENT} and {@link #MAX_ALLOC_RATE}
     */
    public boolean resource() {
        return this == MAX_THREADS || this == MAX_CPU_PERCENT || this == MAX_ALLOC_RATE;
    }

    /**
     * The limit named by a key ({@code max-active}) or by its constant's name ({@code MAX_ACTIVE}).
     *
     * @param text the name
     * @return the limit
     * @throws IllegalArgumentException naming the known limits when there is none of that name
     */
    public static QuotaLimit parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (QuotaLimit limit : values()) {
            if (limit.key.equals(wanted)) {
                return limit;
            }
        }
        StringBuilder known = new StringBuilder();
        for (QuotaLimit limit : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(limit.key);
        }
        throw new IllegalArgumentException("no quota limit is called '" + text + "'; the limits are " + known);
    }
}
