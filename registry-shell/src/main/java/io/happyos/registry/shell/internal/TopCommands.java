package io.happyos.registry.shell.internal;

import io.happyos.registry.ComponentNotFoundException;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.RegistryEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;

/**
 * {@code top}: the components most used right now, by instance accesses per second over an
 * interval (the access counts are sampled at its start and end), with their total accesses, errors
 * and how long their last activation took. Live until interrupted, or one sample with {@code --once}.
 * System components are left out.
 *
 * <p>JSON, one object per sample and line: {@code {"at","intervalMs","components":[{"id","status",
 * "accessesPerSecond","accesses","errors","activationTimeMs"}]}}, {@code activationTimeMs} null when
 * the registry did not activate the component.
 */
public final class TopCommands {

    /** The command names, for {@code osgi.command.function}. */
    static final String[] FUNCTIONS = {"top"};

    private final CommandContext ctx;
    private final Pacer pacer;
    private final Supplier<Instant> now;

    TopCommands(CommandContext ctx) {
        this(ctx, Pacer.REAL, Instant::now);
    }

    /**
     * Commands with given time sources, for tests.
     *
     * @param ctx the context
     * @param pacer how to wait between samples, and the clock that measures them
     * @param now the current time, for JSON
     */
    TopCommands(CommandContext ctx, Pacer pacer, Supplier<Instant> now) {
        this.ctx = ctx;
        this.pacer = pacer;
        this.now = now;
    }

    /** One component in one sample. */
    record Row(String id, ComponentStatus status, double rate, long accesses, int errors, Duration activation) {}

    @Descriptor("show the most used components: instance accesses per second over an interval, with total "
            + "accesses, errors and activation time; refreshed until Ctrl-C. Example: registry:top --count 5 --once")
    public void top(
            @Descriptor("print each sample as one line of JSON {\"at\",\"intervalMs\",\"components\":[..]}")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("take one sample (two looks, an interval apart) and stop")
                    @Parameter(
                            names = {"--once"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean once,
            @Descriptor("show the N busiest components (default 10)")
                    @Parameter(
                            names = {"--count"},
                            absentValue = "10")
                    String count,
            @Descriptor("milliseconds between the two looks of a sample, at least 50 (default 1000)")
                    @Parameter(
                            names = {"--interval"},
                            absentValue = "1000")
                    String interval) {
        int shown = OptionValues.wholeNumber("registry:top", "--count", count, 1);
        Duration every = LiveView.interval("registry:top", interval);
        LiveView view = new LiveView(ctx, pacer);
        Map<String, Long> before = accessCounts(ctx.registry().listComponents());
        long start = pacer.nanoTime();
        while (view.pause(null, every)) {
            DynamicRegistry registry = ctx.registry();
            List<RegistryEntry> entries = registry.listComponents();
            long end = pacer.nanoTime();
            Duration took = Duration.ofNanos(Math.max(1, end - start));
            List<Row> rows = rows(registry, entries, before, took);
            if (json) {
                view.json(json(rows, shown, took));
            } else {
                view.frame(text(rows, shown, took, once, view.ansi()), !once);
            }
            if (once) {
                return;
            }
            before = accessCounts(entries);
            start = end;
        }
    }

    /**
     * The rows of one sample, busiest first (then most accessed, then by id).
     *
     * @param registry for activation times
     * @param entries the components at the end of the interval
     * @param before access counts at its start, by id
     * @param interval how long it was
     * @return every component but the system ones
     */
    static List<Row> rows(
            DynamicRegistry registry, List<RegistryEntry> entries, Map<String, Long> before, Duration interval) {
        double seconds = interval.toNanos() / 1e9;
        List<Row> rows = new ArrayList<>();
        for (RegistryEntry e : entries) {
            if (DynamicRegistry.TYPE_SYSTEM.equals(e.component().type())) {
                continue;
            }
            long delta = Math.max(0, e.accessCount() - before.getOrDefault(e.id(), 0L));
            rows.add(new Row(
                    e.id(),
                    e.status(),
                    delta / seconds,
                    e.accessCount(),
                    e.errorHistory().size(),
                    activationTime(registry, e.id())));
        }
        rows.sort(Comparator.comparingDouble(Row::rate)
                .reversed()
                .thenComparing(Comparator.comparingLong(Row::accesses).reversed())
                .thenComparing(Row::id));
        return rows;
    }

    private static Duration activationTime(DynamicRegistry registry, String id) {
        try {
            return registry.diagnostics().getActivationTime(id).orElse(null);
        } catch (ComponentNotFoundException removedMeanwhile) {
            return null;
        }
    }

    private static Map<String, Long> accessCounts(List<RegistryEntry> entries) {
        Map<String, Long> counts = new HashMap<>();
        entries.forEach(e -> counts.put(e.id(), e.accessCount()));
        return counts;
    }

    private static String text(List<Row> rows, int count, Duration interval, boolean once, Ansi ansi) {
        List<Row> shown = rows.subList(0, Math.min(count, rows.size()));
        StringBuilder out = new StringBuilder(ansi.paint(
                Ansi.Style.BOLD,
                "Top " + shown.size() + " of " + rows.size() + " components by accesses per second over "
                        + DurationText.format(interval)));
        out.append(once ? "" : "  (Ctrl-C to stop)").append('\n');
        if (shown.isEmpty()) {
            return out.append("No components.\n").toString();
        }
        TextTable table = new TextTable("ID", "STATUS", "ACCESSES/S", "ACCESSES", "ERRORS", "ACTIVATION");
        for (Row r : shown) {
            table.row(
                    r.id(),
                    r.status(),
                    String.format(Locale.ROOT, "%.1f", r.rate()),
                    r.accesses(),
                    r.errors(),
                    r.activation() == null ? null : DurationText.format(r.activation()));
        }
        return out.append(table.render(ansi)).toString();
    }

    private Map<String, Object> json(List<Row> rows, int count, Duration interval) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("at", now.get().toString());
        out.put("intervalMs", DurationText.millis(interval));
        out.put(
                "components",
                rows.subList(0, Math.min(count, rows.size())).stream()
                        .map(r -> {
                            Map<String, Object> c = new LinkedHashMap<>();
                            c.put("id", r.id());
                            c.put("status", r.status());
                            c.put("accessesPerSecond", r.rate());
                            c.put("accesses", r.accesses());
                            c.put("errors", r.errors());
                            c.put(
                                    "activationTimeMs",
                                    r.activation() == null ? null : DurationText.millis(r.activation()));
                            return c;
                        })
                        .toList());
        return out;
    }
}
