package io.happyos.registry.shell.internal;

import io.happyos.registry.HealthStats;
import io.happyos.registry.PerformanceMetrics;
import io.happyos.registry.UsageStats;
import io.happyos.registry.text.RegistryJson;
import java.util.Locale;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;

/**
 * Numbers about the registry: {@code health}, {@code stats} (usage), {@code perf} (timings).
 *
 * <p>With {@code --json}: {@code health} prints {@code {"total","healthy","error","inactive",
 * "healthPercentage"}} (a fraction between 0 and 1); {@code stats} prints {@code {"totalComponents",
 * "activeComponents","totalAccesses","averageAccesses","mostAccessed"}} ({@code mostAccessed} null
 * when nothing was accessed); {@code perf} prints {@code {"activations","activationFailures",
 * "meanActivationTimeMs","p50ActivationTimeMs","p99ActivationTimeMs","maxActivationTimeMs","lookups",
 * "meanLookupTimeMs","cacheHitRate","operations","operationFailures"}}, durations in milliseconds.
 */
public final class StatsCommands {

    /** The command names, for {@code osgi.command.function}. */
    static final String[] FUNCTIONS = {"health", "stats", "perf"};

    private final CommandContext ctx;

    StatsCommands(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Descriptor("show how many components are healthy, in error, inactive, or down (should be running and are"
            + " not). Example: registry:health --json")
    public void health(
            @Descriptor("print {\"total\",\"healthy\",\"error\",\"inactive\",\"down\",\"healthPercentage\","
                            + "\"overQuota\":[violations]}")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json) {
        HealthStats h = ctx.registry().getHealthStats();
        java.util.List<io.happyos.registry.QuotaViolation> over =
                ctx.registry().quotas().getViolations();
        if (json) {
            java.util.Map<String, Object> out = new java.util.LinkedHashMap<>(RegistryJson.health(h));
            out.put("overQuota", over.stream().map(RegistryJson::quotaViolation).toList());
            ctx.printJson(out);
        } else {
            TextTable t = new TextTable("Components", String.valueOf(h.total()));
            t.row("Healthy", h.healthy() + " (" + percent(h.healthPercentage()) + ")");
            t.row("In error", h.error());
            t.row("Inactive", h.inactive());
            t.row("Down", h.down());
            t.row(
                    "Over a quota",
                    over.isEmpty()
                            ? "0"
                            : over.size() + " ("
                                    + over.stream()
                                            .map(v -> v.componentId() + ": "
                                                    + v.quota().limit().key() + " "
                                                    + v.quota().valueText() + (v.enforced() ? ", deactivated" : ""))
                                            .collect(java.util.stream.Collectors.joining("; "))
                                    + ")");
            ctx.print(t.render());
        }
    }

    @Descriptor("show how much the components' instances are used. Example: registry:stats")
    public void stats(
            @Descriptor("print {\"totalComponents\",\"activeComponents\",\"totalAccesses\",\"averageAccesses\","
                            + "\"mostAccessed\"}")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json) {
        UsageStats u = ctx.registry().diagnostics().getUsageStats();
        if (json) {
            ctx.printJson(RegistryJson.usage(u));
        } else {
            TextTable t = new TextTable("Components", String.valueOf(u.totalComponents()));
            t.row("Active", u.activeComponents());
            t.row("Accesses", u.totalAccesses());
            t.row("Average accesses", String.format(Locale.ROOT, "%.2f", u.averageAccesses()));
            t.row("Most accessed", u.mostAccessed() == null ? "none" : u.mostAccessed());
            ctx.print(t.render());
        }
    }

    @Descriptor("show how fast the registry activates components and serves instances. Example: registry:perf --json")
    public void perf(
            @Descriptor("print the metrics as JSON, durations in milliseconds (fields ending in Ms)")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json) {
        PerformanceMetrics p = ctx.registry().diagnostics().getPerformanceMetrics();
        if (json) {
            ctx.printJson(RegistryJson.performance(p));
        } else {
            TextTable t = new TextTable("Activations", p.activations() + " (" + p.activationFailures() + " failed)");
            t.row(
                    "Activation time",
                    "mean " + DurationText.format(p.meanActivationTime())
                            + ", p50 " + DurationText.format(p.p50ActivationTime())
                            + ", p99 " + DurationText.format(p.p99ActivationTime())
                            + ", max " + DurationText.format(p.maxActivationTime()));
            t.row("Lookups", p.lookups() + " (mean " + DurationText.format(p.meanLookupTime()) + ")");
            t.row("Cache hit rate", percent(p.cacheHitRate()));
            t.row("Operations", p.operations() + " (" + p.operationFailures() + " failed)");
            ctx.print(t.render());
        }
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }
}
