package io.happyos.registry.shell.internal;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.ErrorRecord;
import io.happyos.registry.Registration;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.StatusChange;
import io.happyos.registry.text.RegistryJson;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;

/**
 * Status as it changes: {@code events} lists the recent status changes and, with {@code --follow},
 * prints new ones as they happen; {@code watch} redraws a table of statuses and the last changes.
 * Both run until interrupted (Ctrl-C) when live.
 *
 * <p>JSON: {@code events} prints an array of {@code {"sequence","id","from","to","at"}}, or with
 * {@code --follow} one such object per line; {@code watch} prints one object per frame and line,
 * {@code {"at","components":[{"id","type","status","accessCount","errors"}],"events":[changes]}}.
 */
public final class EventCommands {

    /** The command names, for {@code osgi.command.function}. */
    static final String[] FUNCTIONS = {"events", "watch"};

    /** How many changes the registry keeps, and so the most worth asking for. */
    static final int KEPT = 1000;

    /** How many recent changes a {@code watch} frame shows. */
    static final int WATCH_EVENTS = 5;

    /** How long {@code events --follow} waits for a callback before looking anyway. */
    private static final Duration POLL = Duration.ofMillis(500);

    private static final int MAX_MESSAGE = 50;

    private final CommandContext ctx;
    private final Pacer pacer;
    private final Supplier<Instant> now;

    EventCommands(CommandContext ctx) {
        this(ctx, Pacer.REAL, Instant::now);
    }

    /**
     * Commands with given time sources, for tests.
     *
     * @param ctx the context
     * @param pacer how to wait between frames
     * @param now the current time, shown in {@code watch}
     */
    EventCommands(CommandContext ctx, Pacer pacer, Supplier<Instant> now) {
        this.ctx = ctx;
        this.pacer = pacer;
        this.now = now;
    }

    @Descriptor("list recent status changes, oldest first; with --follow, keep printing new ones until Ctrl-C. "
            + "Example: registry:events --follow --for 10m")
    public void events(
            @Descriptor("print JSON: an array of {\"sequence\",\"id\",\"from\",\"to\",\"at\"}, or with --follow one "
                            + "such object per line")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("keep printing changes as they happen, until Ctrl-C (or --for)")
                    @Parameter(
                            names = {"--follow"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean follow,
            @Descriptor("how many recent changes to print first, 1 to " + KEPT + " (default 20)")
                    @Parameter(
                            names = {"--count"},
                            absentValue = "20")
                    String count,
            @Descriptor("with --follow, stop after this long: 500ms, 30s, 10m, 2h or PT30S")
                    @Parameter(
                            names = {"--for"},
                            absentValue = "")
                    String forDuration) {
        int recent = (int) OptionValues.wholeNumber("registry:events", "--count", count, 1, KEPT);
        boolean limited = forDuration != null && !forDuration.isBlank();
        if (limited && !follow) {
            throw new IllegalArgumentException("--for works only with --follow");
        }
        Duration limit = limited ? DurationText.parse(forDuration, "--for") : null;
        DynamicRegistry registry = ctx.registry();
        if (!follow) {
            List<StatusChange> changes = registry.diagnostics().getRecentStatusChanges(recent);
            if (json) {
                ctx.printJson(changes.stream().map(RegistryJson::statusChange).toList());
            } else {
                Ansi ansi = ctx.ansi();
                ctx.print(
                        changes.isEmpty()
                                ? "No status changes yet."
                                : String.join(
                                        "\n",
                                        changes.stream()
                                                .map(c -> EventText.line(c, ansi))
                                                .toList()));
            }
            return;
        }
        follow(registry, json, recent, limit);
    }

    private void follow(DynamicRegistry registry, boolean json, int count, Duration limit) {
        LiveView view = new LiveView(ctx, pacer);
        Semaphore wake = new Semaphore(0);
        // the callback only wakes the command's thread, which prints: Gogo's output is per thread
        try (Registration ignored = registry.lifecycle().addStatusListener((id, from, to) -> wake.release())) {
            long last = print(view, json, registry.diagnostics().getRecentStatusChanges(count), -1);
            long deadline = limit == null ? Long.MAX_VALUE : pacer.nanoTime() + limit.toNanos();
            while (true) {
                long left = deadline - pacer.nanoTime();
                if (left <= 0 || !view.pause(wake, left < POLL.toNanos() ? Duration.ofNanos(left) : POLL)) {
                    return;
                }
                last = print(view, json, registry.diagnostics().getRecentStatusChanges(KEPT), last);
            }
        }
    }

    /**
     * Prints the changes after {@code last}, saying how many were missed (not for the first look,
     * {@code last} -1); returns the newest printed.
     */
    private long print(LiveView view, boolean json, List<StatusChange> changes, long last) {
        long newest = Math.max(0, last);
        for (StatusChange change : changes) {
            if (change.sequence() <= newest) {
                continue;
            }
            if (last >= 0 && change.sequence() > newest + 1 && !json) {
                ctx.print("... " + (change.sequence() - newest - 1) + " status changes not shown: more than the " + KEPT
                        + " the registry keeps happened since the last look");
            }
            if (json) {
                view.json(RegistryJson.statusChange(change));
            } else {
                ctx.print(EventText.line(change, view.ansi()));
            }
            newest = change.sequence();
        }
        return newest;
    }

    @Descriptor("show a table of statuses and the last status changes, redrawn every interval until Ctrl-C. "
            + "Example: registry:watch logger calculator-skill --interval 500")
    public void watch(
            @Descriptor("print each frame as one line of JSON {\"at\",\"components\",\"events\"}")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("print one frame and stop")
                    @Parameter(
                            names = {"--once"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean once,
            @Descriptor("milliseconds between frames, at least 50 (default 1000)")
                    @Parameter(
                            names = {"--interval"},
                            absentValue = "1000")
                    String interval,
            @Descriptor("ids, names or bundle numbers of the components to show; none shows all but the system "
                            + "components")
                    String... ids) {
        Duration every = LiveView.interval("registry:watch", interval);
        List<String> shown = new IdResolver(ctx.registry()).resolveAll(ids);
        LiveView view = new LiveView(ctx, pacer);
        do {
            DynamicRegistry registry = ctx.registry();
            List<RegistryEntry> entries = entries(registry, shown);
            List<StatusChange> events = events(registry, shown);
            if (json) {
                view.json(frameJson(entries, events));
            } else {
                view.frame(frame(entries, events, every, once, view.ansi()), !once);
            }
        } while (!once && view.pause(null, every));
    }

    private static List<RegistryEntry> entries(DynamicRegistry registry, List<String> ids) {
        if (ids.isEmpty()) {
            return registry.listComponents().stream()
                    .filter(e ->
                            !DynamicRegistry.TYPE_SYSTEM.equals(e.component().type()))
                    .toList();
        }
        // a component removed while watched disappears from the table
        return ids.stream()
                .distinct()
                .map(registry::findComponent)
                .flatMap(java.util.Optional::stream)
                .toList();
    }

    private static List<StatusChange> events(DynamicRegistry registry, List<String> ids) {
        Set<String> only = Set.copyOf(ids);
        List<StatusChange> recent = registry.diagnostics().getRecentStatusChanges(only.isEmpty() ? WATCH_EVENTS : KEPT);
        List<StatusChange> matching = new ArrayList<>();
        for (StatusChange change : recent) {
            if (only.isEmpty() || only.contains(change.id())) {
                matching.add(change);
            }
        }
        return matching.subList(Math.max(0, matching.size() - WATCH_EVENTS), matching.size());
    }

    private String frame(
            List<RegistryEntry> entries, List<StatusChange> events, Duration every, boolean once, Ansi ansi) {
        StringBuilder out = new StringBuilder();
        out.append(ansi.paint(Ansi.Style.BOLD, "Registry at " + now.get().truncatedTo(ChronoUnit.SECONDS)))
                .append("  ")
                .append(summary(entries, ansi));
        if (!once) {
            out.append("  (every ").append(DurationText.shortForm(every)).append(", Ctrl-C to stop)");
        }
        out.append("\n\n");
        if (entries.isEmpty()) {
            out.append("No components.\n");
        } else {
            TextTable table = new TextTable("ID", "TYPE", "STATUS", "ACCESSES", "ERRORS", "LAST ERROR");
            for (RegistryEntry e : entries) {
                ErrorRecord lastError = e.lastError();
                table.row(
                        e.id(),
                        e.component().type(),
                        e.status(),
                        e.accessCount(),
                        e.errorHistory().size(),
                        lastError == null ? null : shorten(lastError.message()));
            }
            out.append(table.render(ansi));
        }
        out.append('\n').append(ansi.paint(Ansi.Style.BOLD, "Recent changes")).append('\n');
        if (events.isEmpty()) {
            out.append("  none\n");
        }
        events.forEach(c -> out.append("  ").append(EventText.line(c, ansi)).append('\n'));
        return out.toString();
    }

    /** "6 components: 4 ACTIVE, 1 ERROR, 1 REGISTERED". */
    private static String summary(List<RegistryEntry> entries, Ansi ansi) {
        Map<ComponentStatus, Integer> counts = new TreeMap<>();
        entries.forEach(e -> counts.merge(e.status(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((status, n) -> parts.add(n + " " + ansi.value(status)));
        return entries.size()
                + (entries.size() == 1 ? " component" : " components")
                + (parts.isEmpty() ? "" : ": " + String.join(", ", parts));
    }

    private static String shorten(String message) {
        String line = message.strip().replaceAll("\\s*\\R\\s*", " ");
        return line.length() > MAX_MESSAGE ? line.substring(0, MAX_MESSAGE - 3) + "..." : line;
    }

    private Map<String, Object> frameJson(List<RegistryEntry> entries, List<StatusChange> events) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("at", now.get().toString());
        out.put(
                "components",
                entries.stream()
                        .map(e -> {
                            Map<String, Object> c = new LinkedHashMap<>();
                            c.put("id", e.id());
                            c.put("type", e.component().type());
                            c.put("status", e.status());
                            c.put("accessCount", e.accessCount());
                            c.put("errors", e.errorHistory().size());
                            return c;
                        })
                        .toList());
        out.put("events", events.stream().map(RegistryJson::statusChange).toList());
        return out;
    }
}
