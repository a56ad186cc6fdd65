package io.happyos.registry;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A limit on the components of a scope.
 *
 * <p>Scopes: {@code global} (every component that is not part of the container), {@code type:T} (the
 * components of type {@code T}), a component's id, and {@code cluster:type:T} (the components of type
 * {@code T} on every node of the cluster: only {@link QuotaLimit#MAX_ACTIVE} is counted across the
 * nodes; with the cluster off it counts this node).
 *
 * @param scope what it limits, as above
 * @param limit what it limits
 * @param value the limit, in the {@link QuotaLimit#unit() unit} of the limit (milliseconds for
 *     {@link QuotaLimit#ACTIVATION_TIMEOUT}, bytes per second for {@link QuotaLimit#MAX_ALLOC_RATE})
 * @param enforce for resource limits: whether a component over it for longer than {@code grace} is
 *     deactivated (else it is only marked); ignored for the other limits
 * @param grace for rate and resource limits: how long a component may stay over it before it is
 *     marked (and deactivated when enforced); ignored for the other limits
 * @since 2.3
 */
public record Quota(String scope, QuotaLimit limit, double value, boolean enforce, Duration grace) {

    /** The grace period of a quota that gives none. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

    /** The scope of every component that is not part of the container. */
    public static final String GLOBAL = "global";

    /** The prefix of a type's scope. */
    public static final String TYPE_PREFIX = "type:";

    /** The prefix of a scope counted across the cluster. */
    public static final String CLUSTER_PREFIX = "cluster:";

    /**
     * Checks the fields.
     *
     * @param scope what it limits
     * @param limit what it limits
     * @param value the limit
     * @param enforce whether a resource limit deactivates
     * @param grace how long a component may stay over a rate or resource limit
     * @throws IllegalArgumentException for a blank or malformed scope, a negative or non-finite value,
     *     a count that is not whole, a cluster scope on another limit than max-active, or a negative grace
     */
    public Quota {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(grace, "grace");
        scope = scope.trim();
        checkScope(scope);
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(
                    "a quota's value is a number of 0 or more, not " + value + " (" + limit.key() + ")");
        }
        if ((limit.admission() || limit == QuotaLimit.MAX_THREADS) && value != Math.rint(value)) {
            throw new IllegalArgumentException(
                    limit.key() + " counts " + limit.unit() + ": give a whole number, not " + value);
        }
        if (scope.startsWith(CLUSTER_PREFIX) && limit != QuotaLimit.MAX_ACTIVE) {
            throw new IllegalArgumentException("only max-active is counted across the cluster; scope " + scope
                    + " cannot limit " + limit.key() + " (use " + scope.substring(CLUSTER_PREFIX.length())
                    + " to limit it on each node)");
        }
        if (grace.isNegative()) {
            throw new IllegalArgumentException("a quota's grace period cannot be negative: " + grace);
        }
    }

    /**
     * A quota that is not enforced, with the default grace period.
     *
     * @param scope what it limits
     * @param limit what it limits
     * @param value the limit
     */
    public Quota(String scope, QuotaLimit limit, double value) {
        this(scope, limit, value, false, DEFAULT_GRACE);
    }

    /**
     * A quota from its value in words: a number, a duration for {@link QuotaLimit#ACTIVATION_TIMEOUT}
     * ({@code 5s}, {@code 500ms}, {@code 2m}, or milliseconds), a size for
     * {@link QuotaLimit#MAX_ALLOC_RATE} ({@code 50MB}, {@code 512KB}, {@code 1GB}, optionally followed by
     * {@code /s}, or bytes), a percentage for {@link QuotaLimit#MAX_CPU_PERCENT} ({@code 50} or
     * {@code 50%}).
     *
     * @param scope what it limits
     * @param limit what it limits
     * @param text the value in words
     * @param enforce whether a resource limit deactivates
     * @param grace how long a component may stay over a rate or resource limit
     * @return the quota
     * @throws IllegalArgumentException naming the value and the form expected
     */
    public static Quota parse(String scope, QuotaLimit limit, String text, boolean enforce, Duration grace) {
        return new Quota(scope, limit, parseValue(limit, text), enforce, grace);
    }

    /**
     * The value of a limit from words, as {@link #parse} reads it.
     *
     * @param limit the limit
     * @param text the value in words
     * @return the value in the limit's unit
     * @throws IllegalArgumentException naming the value and the form expected
     */
    public static double parseValue(QuotaLimit limit, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        try {
            switch (limit) {
                case ACTIVATION_TIMEOUT:
                    return parseMillis(t);
                case MAX_ALLOC_RATE:
                    return parseBytes(t.endsWith("/s") ? t.substring(0, t.length() - 2) : t);
                case MAX_CPU_PERCENT:
                    return Double.parseDouble(t.endsWith("%") ? t.substring(0, t.length() - 1) : t);
                default:
                    return Double.parseDouble(t);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a value of " + limit.key() + ": give "
                    + switch (limit) {
                        case ACTIVATION_TIMEOUT -> "a duration such as 5s, 500ms or 2m";
                        case MAX_ALLOC_RATE -> "a size per second such as 50MB, 512KB or 1GB";
                        case MAX_CPU_PERCENT -> "a percentage of one core such as 50 or 150%";
                        default -> "a number such as 10";
                    });
        }
    }

    private static double parseMillis(String t) {
        if (t.endsWith("ms")) {
            return Double.parseDouble(t.substring(0, t.length() - 2));
        }
        if (t.endsWith("s")) {
            return Double.parseDouble(t.substring(0, t.length() - 1)) * 1_000;
        }
        if (t.endsWith("m")) {
            return Double.parseDouble(t.substring(0, t.length() - 1)) * 60_000;
        }
        return Double.parseDouble(t);
    }

    private static double parseBytes(String t) {
        String[] units = {"kb", "mb", "gb", "k", "m", "g", "b"};
        double[] factors = {1 << 10, 1 << 20, 1 << 30, 1 << 10, 1 << 20, 1 << 30, 1};
        for (int i = 0; i < units.length; i++) {
            if (t.endsWith(units[i])) {
                return Double.parseDouble(t.substring(0, t.length() - units[i].length())) * factors[i];
            }
        }
        return Double.parseDouble(t);
    }

    /**
     * The value in words, as {@link #parseValue} reads it back.
     *
     * @return for example {@code 5s}, {@code 50MB/s}, {@code 3}
     */
    public String valueText() {
        switch (limit) {
            case ACTIVATION_TIMEOUT:
                return value % 1_000 == 0 ? number(value / 1_000) + "s" : number(value) + "ms";
            case MAX_ALLOC_RATE:
                if (value >= (1 << 30) && value % (1 << 30) == 0) {
                    return number(value / (1 << 30)) + "GB/s";
                }
                if (value >= (1 << 20) && value % (1 << 20) == 0) {
                    return number(value / (1 << 20)) + "MB/s";
                }
                if (value >= (1 << 10) && value % (1 << 10) == 0) {
                    return number(value / (1 << 10)) + "KB/s";
                }
                return number(value) + "B/s";
            case MAX_CPU_PERCENT:
                return number(value) + "%";
            default:
                return number(value);
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * Whether the scope counts across the cluster.
     *
     * @return true for a {@code cluster:} scope
     */
    public boolean clusterScoped() {
        return scope.startsWith(CLUSTER_PREFIX);
    }

    /**
     * The type the scope names, if it names one.
     *
     * @return {@code T} for {@code type:T} and {@code cluster:type:T}, else {@code null}
     */
    public String scopeType() {
        String local = clusterScoped() ? scope.substring(CLUSTER_PREFIX.length()) : scope;
        return local.startsWith(TYPE_PREFIX) ? local.substring(TYPE_PREFIX.length()) : null;
    }

    /**
     * The component the scope names, if it names one.
     *
     * @return the id, or {@code null} for {@code global} and type scopes
     */
    public String scopeComponent() {
        return scope.equals(GLOBAL) || clusterScoped() || scope.startsWith(TYPE_PREFIX) ? null : scope;
    }

    /**
     * Whether a component falls in the scope.
     *
     * @param componentId the component's id
     * @param type its type
     * @return true when the scope is {@code global}, its type or its id
     */
    public boolean covers(String componentId, String type) {
        String t = scopeType();
        if (t != null) {
            return t.equals(type);
        }
        return scope.equals(GLOBAL) || scope.equals(componentId);
    }

    private static void checkScope(String scope) {
        String local = scope.startsWith(CLUSTER_PREFIX) ? scope.substring(CLUSTER_PREFIX.length()) : scope;
        if (local.isEmpty()
                || local.chars().anyMatch(Character::isWhitespace)
                || (local.startsWith(TYPE_PREFIX) && local.length() == TYPE_PREFIX.length())
                || (scope.startsWith(CLUSTER_PREFIX) && !local.startsWith(TYPE_PREFIX))) {
            throw new IllegalArgumentException("'" + scope + "' is not a quota scope: give global, type:TYPE, a"
                    + " component id, or cluster:type:TYPE");
        }
    }
}
