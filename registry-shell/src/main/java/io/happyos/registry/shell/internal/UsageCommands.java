package io.happyos.registry.shell.internal;

import io.happyos.registry.ConsumerUsage;
import io.happyos.registry.DriftItem;
import io.happyos.registry.DriftReport;
import io.happyos.registry.ServiceUsage;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;

/**
 * Usage telemetry: {@code usage ID} shows which bundles used a component and how often,
 * {@code drift} where declared dependencies and observed use disagree.
 *
 * <p>With {@code --json}: {@code usage} prints {@code {"id","observedSince","observable","services",
 * "totalLookups","totalInstanceCalls","consumers":[{"consumer","bundleId","symbolicName","lookups",
 * "instanceCalls","inUse","firstSeen","lastSeen"}]}}; {@code drift} prints {@code {"observedSince",
 * "undeclared","unused","neverUsed"}}, each a list of {@code {"consumer","component","lookups",
 * "instanceCalls","inUse","evidence"}}. Times are ISO-8601.
 */
public final class UsageCommands {

    /** The command names, for {@code osgi.command.function}. */
    static final String[] FUNCTIONS = {"usage", "drift"};

    private final CommandContext ctx;

    UsageCommands(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Descriptor("show which bundles used a component since the registry started: lookups of its services, "
            + "instance calls through the registry, whether they hold its service now. "
            + "Example: registry:usage logger --json")
    public void usage(
            @Descriptor(
                            "print {\"id\",\"observedSince\",\"observable\",\"services\",\"totalLookups\","
                                    + "\"totalInstanceCalls\",\"consumers\":[...]} on one line. Example: registry:usage 12 --json")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("the component's id, name or bundle number. Example: registry:usage logger") String id) {
        ServiceUsage usage = ctx.registry().diagnostics().getServiceUsage(ctx.resolve(id));
        if (json) {
            ctx.printJson(usageJson(usage));
        } else {
            ctx.print(usageText(usage));
        }
    }

    @Descriptor("show where declared dependencies and observed use disagree: used but not declared, declared but "
            + "never used, never used since the start, each with its evidence. Example: registry:drift")
    public void drift(
            @Descriptor("print {\"observedSince\",\"undeclared\",\"unused\",\"neverUsed\"} on one line. "
                            + "Example: registry:drift --json")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json) {
        DriftReport drift = ctx.registry().diagnostics().getDrift();
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("observedSince", instant(drift.observedSince()));
            out.put("undeclared", items(drift.undeclared()));
            out.put("unused", items(drift.unused()));
            out.put("neverUsed", items(drift.neverUsed()));
            ctx.printJson(out);
        } else {
            StringBuilder text = new StringBuilder("Observed since ")
                    .append(drift.observedSince())
                    .append('\n');
            section(text, "Used but not declared", drift.undeclared());
            section(text, "Declared but never used", drift.unused());
            section(text, "Never used", drift.neverUsed());
            ctx.print(text.toString());
        }
    }

    private static String usageText(ServiceUsage usage) {
        TextTable summary = new TextTable("Component", usage.componentId());
        summary.row("Observed since", usage.observedSince());
        summary.row("Offers", usage.services().isEmpty() ? "no service" : String.join("; ", usage.services()));
        summary.row("Lookups", usage.totalLookups());
        summary.row("Instance calls", usage.totalInstanceCalls());
        StringBuilder text = new StringBuilder(summary.render());
        if (!usage.observable()) {
            text.append("Its use cannot be observed now: it is not active, or offers no service and no factory"
                    + " makes its instances.\n");
        }
        if (usage.consumers().isEmpty()) {
            return text.append("No bundle has used ")
                    .append(usage.componentId())
                    .append(".\n")
                    .toString();
        }
        TextTable consumers =
                new TextTable("CONSUMER", "BUNDLE", "LOOKUPS", "INSTANCE CALLS", "IN USE", "FIRST SEEN", "LAST SEEN");
        for (ConsumerUsage c : usage.consumers()) {
            consumers.row(
                    c.name(),
                    c.bundleId(),
                    c.lookups(),
                    c.instanceCalls(),
                    c.inUse() ? "yes" : "no",
                    c.firstSeen(),
                    c.lastSeen());
        }
        return text.append('\n').append(consumers.render()).toString();
    }

    private static Map<String, Object> usageJson(ServiceUsage usage) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", usage.componentId());
        out.put("observedSince", instant(usage.observedSince()));
        out.put("observable", usage.observable());
        out.put("services", usage.services());
        out.put("totalLookups", usage.totalLookups());
        out.put("totalInstanceCalls", usage.totalInstanceCalls());
        out.put(
                "consumers",
                usage.consumers().stream()
                        .map(c -> {
                            Map<String, Object> json = new LinkedHashMap<>();
                            json.put("consumer", c.consumer());
                            json.put("bundleId", c.bundleId());
                            json.put("symbolicName", c.symbolicName());
                            json.put("lookups", c.lookups());
                            json.put("instanceCalls", c.instanceCalls());
                            json.put("inUse", c.inUse());
                            json.put("firstSeen", instant(c.firstSeen()));
                            json.put("lastSeen", instant(c.lastSeen()));
                            return json;
                        })
                        .toList());
        return out;
    }

    private static void section(StringBuilder text, String title, List<DriftItem> items) {
        text.append('\n').append(title);
        if (items.isEmpty()) {
            text.append(": none\n");
            return;
        }
        text.append(" (").append(items.size()).append("):\n");
        for (DriftItem item : items) {
            text.append("  ")
                    .append(item.consumer() == null ? "" : item.consumer() + " -> ")
                    .append(item.component())
                    .append('\n')
                    .append("    ")
                    .append(item.evidence())
                    .append('\n');
        }
    }

    private static List<Map<String, Object>> items(List<DriftItem> items) {
        return items.stream()
                .map(i -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("consumer", i.consumer());
                    json.put("component", i.component());
                    json.put("lookups", i.lookups());
                    json.put("instanceCalls", i.instanceCalls());
                    json.put("inUse", i.inUse());
                    json.put("evidence", i.evidence());
                    return json;
                })
                .toList();
    }

    private static String instant(Instant at) {
        return at == null ? null : at.toString();
    }
}
