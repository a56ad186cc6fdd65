package io.happyos.registry.shell.internal;

import io.happyos.registry.Diagnostics;
import io.happyos.registry.ResourceUsage;
import io.happyos.registry.text.RegistryJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;

/**
 * {@code resources}: what each component costs, measured from the JVM (threads, CPU, allocation) and
 * held by the registry (instances, cache entries), with its last activation time and its calls per
 * second; {@code --on} and {@code --off} switch resource accounting.
 *
 * <p>With {@code --json}: for every component {@code {"accounting":bool,"components":[usage..]}}, for one
 * component its usage, a usage being {@code {"id","accounted","threads","threadNames","cpuPercent",
 * "cpuShare","allocationRate","instances","cacheEntries","activationTimeMs","callsPerSecond","windowMs"}}
 * ({@link RegistryJson#resourceUsage}); {@code --on} and {@code --off} print {@code {"accounting":bool}}.
 */
public final class ResourceCommands {

    /** The command names, for {@code osgi.command.function}. */
    static final String[] FUNCTIONS = {"resources"};

    /** What the list says when accounting is off. */
    static final String ACCOUNTING_OFF = "Resource accounting is off: threads, CPU and allocation are not measured"
            + " (registry:resources --on switches it on).";

    private final CommandContext ctx;

    ResourceCommands(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Descriptor("show what each component costs: threads, CPU, allocation per second, instances and cache entries"
            + " the registry holds, last activation time, calls per second; with an id, one component and the names"
            + " of its threads. Example: registry:resources weather-skill")
    public void resources(
            @Descriptor("print JSON: {\"accounting\",\"components\":[..]}, or one component's usage. "
                            + "Example: registry:resources --json")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("switch resource accounting on (audited). Example: registry:resources --on")
                    @Parameter(
                            names = {"--on"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean on,
            @Descriptor("switch resource accounting off: no JFR stream, no resource limits checked (audited). "
                            + "Example: registry:resources --off")
                    @Parameter(
                            names = {"--off"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean off,
            @Descriptor("the component's id, name or bundle number; none for every component. "
                            + "Example: registry:resources 12")
                    String... id) {
        Diagnostics diagnostics = ctx.registry().diagnostics();
        if (on || off) {
            if ((on && off) || id.length > 0) {
                throw new IllegalArgumentException("give --on or --off alone: registry:resources --on");
            }
            ctx.await(diagnostics.setResourceAccounting(on), "switch resource accounting " + (on ? "on" : "off"));
            if (json) {
                ctx.printJson(Map.of("accounting", on));
            } else {
                ctx.print("Resource accounting is " + (on ? "on" : "off") + ".");
            }
            return;
        }
        if (id.length > 1) {
            throw new IllegalArgumentException("give one component or none: registry:resources [ID]");
        }
        if (id.length == 1) {
            ResourceUsage usage = diagnostics.getResourceUsage(ctx.resolve(id[0]));
            if (json) {
                ctx.printJson(RegistryJson.resourceUsage(usage));
            } else {
                ctx.print(one(usage, diagnostics.isResourceAccountingEnabled()));
            }
            return;
        }
        List<ResourceUsage> usages = diagnostics.getResourceUsages();
        boolean accounting = diagnostics.isResourceAccountingEnabled();
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("accounting", accounting);
            out.put(
                    "components",
                    usages.stream().map(RegistryJson::resourceUsage).toList());
            ctx.printJson(out);
        } else {
            ctx.print(table(usages, accounting));
        }
    }

    /**
     * Every component's usage as a table, with the window and whether accounting is on.
     *
     * @param usages the usages, in the order to show
     * @param accounting whether resource accounting is on
     * @return the text
     */
    static String table(List<ResourceUsage> usages, boolean accounting) {
        StringBuilder out = new StringBuilder();
        if (usages.isEmpty()) {
            out.append("No components.\n");
        } else {
            TextTable t =
                    new TextTable("ID", "THREADS", "CPU", "ALLOC/S", "INSTANCES", "CACHE", "ACTIVATION", "CALLS/S");
            for (ResourceUsage u : usages) {
                t.row(
                        u.id(),
                        u.accounted() ? u.threads() : null,
                        u.accounted() ? ResourceText.percent(u.cpuPercent()) : null,
                        u.accounted() ? ResourceText.rate(u.allocationRate()) : null,
                        u.instances(),
                        u.cacheEntries(),
                        u.activationTime() == null ? null : DurationText.format(u.activationTime()),
                        ResourceText.perSecond(u.callsPerSecond()));
            }
            out.append(t.render());
            out.append("CPU in percent of one core; CPU, allocation and calls over a window of ")
                    .append(DurationText.shortForm(usages.get(0).window()))
                    .append(".\n");
        }
        if (!accounting) {
            out.append(ACCOUNTING_OFF).append('\n');
        }
        return out.toString();
    }

    /**
     * One component's usage, field by field.
     *
     * @param u the usage
     * @param accounting whether resource accounting is on
     * @return the text
     */
    static String one(ResourceUsage u, boolean accounting) {
        TextTable t = new TextTable("Component", u.id());
        if (u.accounted()) {
            t.row("Threads", u.threads());
            t.row("Thread names", u.threadNames().isEmpty() ? "none" : String.join(", ", u.threadNames()));
            t.row(
                    "CPU",
                    ResourceText.percent(u.cpuPercent()) + " of a core (" + ResourceText.percent(u.cpuShare() * 100)
                            + " of the samples)");
            t.row("Allocation", ResourceText.rate(u.allocationRate()));
        } else {
            t.row("Threads", "not measured");
            t.row("CPU", "not measured");
            t.row("Allocation", "not measured");
        }
        t.row("Instances", u.instances());
        t.row("Cache entries", u.cacheEntries());
        t.row("Activation time", u.activationTime() == null ? "none" : DurationText.format(u.activationTime()));
        t.row("Calls/s", ResourceText.perSecond(u.callsPerSecond()));
        t.row("Window", DurationText.shortForm(u.window()));
        StringBuilder out = new StringBuilder(t.render());
        if (!accounting) {
            out.append(ACCOUNTING_OFF).append('\n');
        } else if (!u.accounted()) {
            out.append("Threads, CPU and allocation cannot be attributed to ")
                    .append(u.id())
                    .append(": it has no class loader of its own (it is counted with its bundle, or has none).\n");
        }
        return out.toString();
    }
}
