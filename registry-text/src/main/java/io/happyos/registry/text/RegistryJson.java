package io.happyos.registry.text;

import io.happyos.registry.Advice;
import io.happyos.registry.AuditRecord;
import io.happyos.registry.Cause;
import io.happyos.registry.Dependency;
import io.happyos.registry.Explanation;
import io.happyos.registry.HealthStats;
import io.happyos.registry.JarVersion;
import io.happyos.registry.PerformanceMetrics;
import io.happyos.registry.Quota;
import io.happyos.registry.QuotaStatus;
import io.happyos.registry.QuotaViolation;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.ResourceUsage;
import io.happyos.registry.StatusChange;
import io.happyos.registry.UsageStats;
import io.happyos.registry.text.DependencyTree.Mark;
import io.happyos.registry.text.DependencyTree.Node;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON shapes of the registry's values, one place for every surface that prints them: the
 * shell's {@code --json} output and the HTTP API give the same fields because both are made here.
 * Fields may be added; none may be renamed or removed (scripts rely on them).
 */
public final class RegistryJson {

    private RegistryJson() {}

    /**
     * Components as a JSON array ({@code registry:list --json}).
     *
     * @param entries the entries
     * @return one object per entry ({@link EntryJson#toMap}), in the order given
     */
    public static List<Map<String, Object>> entries(List<RegistryEntry> entries) {
        List<Map<String, Object>> json = new ArrayList<>(entries.size());
        entries.forEach(e -> json.add(EntryJson.toMap(e)));
        return json;
    }

    /**
     * One edge of the graph: {@code id}, {@code origin} in lower case, {@code requirement}.
     *
     * @param d the edge, seen from the dependent, or pointing at the dependent for a dependents list
     * @return the object
     */
    public static Map<String, Object> dependency(Dependency d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", d.id());
        json.put("origin", d.origin().name().toLowerCase(Locale.ROOT));
        json.put("requirement", d.requirement());
        return json;
    }

    /**
     * Edges as a JSON array.
     *
     * @param dependencies the edges
     * @return one object per edge
     */
    public static List<Map<String, Object>> dependencies(List<Dependency> dependencies) {
        return dependencies.stream().map(RegistryJson::dependency).toList();
    }

    /**
     * Why a component is as it is ({@code registry:why --json}): {@code id, status, healthy,
     * summary, roots, causes}, each cause {@code kind, component, message, fix, evidence, causes}.
     *
     * @param explanation the explanation
     * @return the object
     */
    public static Map<String, Object> explanation(Explanation explanation) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", explanation.id());
        json.put("status", explanation.status().name());
        json.put("healthy", explanation.healthy());
        json.put("summary", explanation.summary());
        json.put("roots", causes(explanation.rootCauses()));
        json.put("causes", causes(explanation.causes()));
        return json;
    }

    private static List<Object> causes(List<Cause> causes) {
        List<Object> list = new ArrayList<>();
        for (Cause cause : causes) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("kind", cause.kind().name());
            json.put("component", cause.componentId());
            json.put("message", cause.message());
            json.put("fix", cause.fix());
            json.put("evidence", cause.evidence());
            json.put("causes", causes(cause.causes()));
            list.add(json);
        }
        return list;
    }

    /**
     * One audit record ({@code registry:audit --json}): {@code sequence, at, actor, operation,
     * component, ok, error, details}.
     *
     * @param r the record
     * @return the object
     */
    public static Map<String, Object> audit(AuditRecord r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sequence", r.sequence());
        out.put("at", r.at().toString());
        out.put("actor", r.actor());
        out.put("operation", r.operation());
        out.put("component", r.componentId());
        out.put("ok", r.ok());
        out.put("error", r.error());
        out.put("details", r.details());
        return out;
    }

    /**
     * One status change ({@code registry:events --json}): {@code sequence, id, from, to, at}.
     *
     * @param change the change
     * @return the object
     */
    public static Map<String, Object> statusChange(StatusChange change) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sequence", change.sequence());
        out.put("id", change.id());
        out.put("from", change.from());
        out.put("to", change.to());
        out.put("at", change.at().toString());
        return out;
    }

    /**
     * A dependency tree ({@code registry:tree --json}): {@code id, status, via, mark, children}.
     *
     * @param node the root
     * @return the object
     */
    public static Map<String, Object> tree(Node node) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", node.id());
        out.put("status", node.status());
        out.put("via", node.via().stream().map(EdgeReason::json).toList());
        out.put("mark", node.mark() == Mark.NONE ? null : node.mark().name().toLowerCase(Locale.ROOT));
        out.put("children", node.children().stream().map(RegistryJson::tree).toList());
        return out;
    }

    /**
     * The health figures ({@code registry:health --json}).
     *
     * @param h the figures
     * @return {@code total, healthy, error, inactive, down, healthPercentage}
     */
    public static Map<String, Object> health(HealthStats h) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", h.total());
        out.put("healthy", h.healthy());
        out.put("error", h.error());
        out.put("inactive", h.inactive());
        out.put("down", h.down());
        out.put("healthPercentage", h.healthPercentage());
        return out;
    }

    /**
     * The usage figures ({@code registry:stats --json}).
     *
     * @param u the figures
     * @return {@code totalComponents, activeComponents, totalAccesses, averageAccesses, mostAccessed}
     */
    public static Map<String, Object> usage(UsageStats u) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("totalComponents", u.totalComponents());
        out.put("activeComponents", u.activeComponents());
        out.put("totalAccesses", u.totalAccesses());
        out.put("averageAccesses", u.averageAccesses());
        out.put("mostAccessed", u.mostAccessed());
        return out;
    }

    /**
     * The performance figures ({@code registry:perf --json}), durations in milliseconds.
     *
     * @param p the figures
     * @return the object, fields ending in {@code Ms} for durations
     */
    public static Map<String, Object> performance(PerformanceMetrics p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("activations", p.activations());
        out.put("activationFailures", p.activationFailures());
        out.put("meanActivationTimeMs", millis(p.meanActivationTime()));
        out.put("p50ActivationTimeMs", millis(p.p50ActivationTime()));
        out.put("p99ActivationTimeMs", millis(p.p99ActivationTime()));
        out.put("maxActivationTimeMs", millis(p.maxActivationTime()));
        out.put("lookups", p.lookups());
        out.put("meanLookupTimeMs", millis(p.meanLookupTime()));
        out.put("cacheHitRate", p.cacheHitRate());
        out.put("operations", p.operations());
        out.put("operationFailures", p.operationFailures());
        return out;
    }

    /**
     * The kept versions of a component's JAR ({@code registry:history --json}), the installed one
     * first and marked {@code current}.
     *
     * @param versions the versions, newest first
     * @return {@code version, checksum, storedAt, path, current} per version
     */
    public static List<Map<String, Object>> versions(List<JarVersion> versions) {
        List<Map<String, Object>> out = new ArrayList<>(versions.size());
        for (int i = 0; i < versions.size(); i++) {
            JarVersion v = versions.get(i);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("version", v.version());
            json.put("checksum", v.checksum());
            json.put("storedAt", v.storedAt().toString());
            json.put("path", v.path());
            json.put("current", i == 0);
            out.add(json);
        }
        return out;
    }

    /**
     * What one component costs ({@code registry:resources --json}): {@code id, accounted, threads,
     * threadNames, cpuPercent, cpuShare, allocationRate} (bytes per second), {@code instances,
     * cacheEntries, activationTimeMs} (null when the registry has not activated it), {@code callsPerSecond,
     * windowMs}. CPU figures have two decimals, the share four, rates are whole.
     *
     * @param u the usage
     * @return the object
     */
    public static Map<String, Object> resourceUsage(ResourceUsage u) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", u.id());
        out.put("accounted", u.accounted());
        out.put("threads", u.threads());
        out.put("threadNames", u.threadNames());
        out.put("cpuPercent", rounded(u.cpuPercent(), 2));
        out.put("cpuShare", rounded(u.cpuShare(), 4));
        out.put("allocationRate", Math.round(u.allocationRate()));
        out.put("instances", u.instances());
        out.put("cacheEntries", u.cacheEntries());
        out.put("activationTimeMs", u.activationTime() == null ? null : millis(u.activationTime()));
        out.put("callsPerSecond", rounded(u.callsPerSecond(), 2));
        out.put("windowMs", u.window().toMillis());
        return out;
    }

    /**
     * A quota: {@code scope, limit} (its key, e.g. {@code max-active}), {@code value} (in the limit's
     * unit), {@code valueText} (as typed, e.g. {@code 50MB/s}), {@code unit, enforce, graceMs}.
     *
     * @param q the quota
     * @return the object
     */
    public static Map<String, Object> quota(Quota q) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scope", q.scope());
        out.put("limit", q.limit().key());
        out.put("value", number(q.value()));
        out.put("valueText", q.valueText());
        out.put("unit", q.limit().unit());
        out.put("enforce", q.enforce());
        out.put("graceMs", q.grace().toMillis());
        return out;
    }

    /**
     * A quota and where its scope stands ({@code registry:quota list --json}): the fields of
     * {@link #quota}, then {@code origin, setAt} (ISO-8601), {@code used} (-1 when not measured),
     * {@code over} (component ids) and {@code note} (or null).
     *
     * @param s the status
     * @return the object
     */
    public static Map<String, Object> quotaStatus(QuotaStatus s) {
        Map<String, Object> out = quota(s.quota());
        out.put("origin", s.origin());
        out.put("setAt", s.setAt().toString());
        out.put("used", number(s.used()));
        out.put("over", s.over());
        out.put("note", s.note());
        return out;
    }

    /**
     * A component over a rate or resource limit: {@code component, scope, limit, value, observed,
     * since} (ISO-8601), {@code enforced}.
     *
     * @param v the violation
     * @return the object
     */
    public static Map<String, Object> quotaViolation(QuotaViolation v) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("component", v.componentId());
        out.put("scope", v.quota().scope());
        out.put("limit", v.quota().limit().key());
        out.put("value", number(v.quota().value()));
        out.put("observed", number(v.observed()));
        out.put("since", v.since().toString());
        out.put("enforced", v.enforced());
        return out;
    }

    /**
     * One recommendation ({@code registry:advise --json}): {@code kind} (the {@code AdviceKind}'s name),
     * {@code components, summary, evidence, command} (or null).
     *
     * @param a the advice
     * @return the object
     */
    public static Map<String, Object> advice(Advice a) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", a.kind().name());
        out.put("components", a.components());
        out.put("summary", a.summary());
        out.put("evidence", a.evidence());
        out.put("command", a.command());
        return out;
    }

    /** A whole number as a long, others with up to three decimals. */
    private static Number number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return (long) v;
        }
        return rounded(v, 3);
    }

    private static Number rounded(double v, int scale) {
        return Double.isFinite(v) ? BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP) : v;
    }

    /**
     * A duration in milliseconds for JSON, to the microsecond.
     *
     * @param d the duration
     * @return milliseconds with three decimals
     */
    public static BigDecimal millis(Duration d) {
        return BigDecimal.valueOf(d.toNanos()).movePointLeft(6).setScale(3, RoundingMode.HALF_UP);
    }
}
