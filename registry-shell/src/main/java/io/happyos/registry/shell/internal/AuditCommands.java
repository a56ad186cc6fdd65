package io.happyos.registry.shell.internal;

import io.happyos.registry.AuditQuery;
import io.happyos.registry.AuditRecord;
import io.happyos.registry.ComponentNotFoundException;
import io.happyos.registry.text.RegistryJson;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;

/**
 * The audit log: {@code audit} lists who did what to which component, newest first.
 *
 * <p>With {@code --json}: an array of {@code {"sequence","at","actor","operation","component","ok",
 * "error","details"}} ({@code at} an ISO-8601 string; {@code component}, {@code error} and
 * {@code details} may be null).
 */
public final class AuditCommands {

    /** The command names, for {@code osgi.command.function}. */
    static final String[] FUNCTIONS = {"audit"};

    /** How many records are shown when {@code --limit} is not given. */
    static final int DEFAULT_LIMIT = 50;

    /** The forms {@code --since} accepts, for error messages. */
    static final String SINCE_FORMS =
            "a duration back from now (30s, 10m, 2h, PT30S) " + "or an ISO-8601 instant (2026-11-25T10:42:00Z)";

    private final CommandContext ctx;
    private final Supplier<Instant> now;

    AuditCommands(CommandContext ctx) {
        this(ctx, Instant::now);
    }

    /**
     * Commands whose "now" is given, so that tests can fix it.
     *
     * @param ctx the context
     * @param now the current time, for {@code --since} durations
     */
    AuditCommands(CommandContext ctx, Supplier<Instant> now) {
        this.ctx = ctx;
        this.now = now;
    }

    @Descriptor("show the audit log: who did what to which component and how it went, newest first. "
            + "Example: registry:audit --component logger --since 10m --failed")
    public void audit(
            @Descriptor("print a JSON array of {\"sequence\",\"at\",\"actor\",\"operation\",\"component\",\"ok\","
                            + "\"error\",\"details\"}")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("only records of this component: id, name or bundle number (the id of a removed "
                            + "component works too)")
                    @Parameter(
                            names = {"--component"},
                            absentValue = "")
                    String component,
            @Descriptor("only records since then: " + SINCE_FORMS)
                    @Parameter(
                            names = {"--since"},
                            absentValue = "")
                    String since,
            @Descriptor("only operations that failed")
                    @Parameter(
                            names = {"--failed"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean failed,
            @Descriptor("at most N records (default " + DEFAULT_LIMIT + ")")
                    @Parameter(
                            names = {"--limit"},
                            absentValue = "" + DEFAULT_LIMIT)
                    String limit) {
        int most = OptionValues.wholeNumber("registry:audit", "--limit", limit, 1);
        AuditQuery query = new AuditQuery(componentId(component), null, null, since(since), null, failed, most);
        List<AuditRecord> records = ctx.registry().diagnostics().getAuditLog(query);
        if (json) {
            ctx.printJson(records.stream().map(RegistryJson::audit).toList());
        } else if (records.isEmpty()) {
            ctx.print("no audit records");
        } else {
            ctx.print(table(records));
        }
    }

    /** A current component by id, name or bundle number; otherwise the text as an id, for removed ones. */
    private String componentId(String reference) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        try {
            return ctx.resolve(reference);
        } catch (ComponentNotFoundException gone) {
            return reference.strip();
        }
    }

    private Instant since(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return now.get().minus(DurationText.parse(t, "--since"));
            } catch (IllegalArgumentException | ArithmeticException | DateTimeException notADuration) {
                throw new IllegalArgumentException("bad --since '" + text + "': give " + SINCE_FORMS, notADuration);
            }
        }
    }

    private static String table(List<AuditRecord> records) {
        TextTable table = new TextTable("TIME", "ACTOR", "OPERATION", "COMPONENT", "OUTCOME", "DETAILS");
        for (AuditRecord r : records) {
            table.row(
                    r.at().truncatedTo(ChronoUnit.SECONDS),
                    r.actor(),
                    r.operation(),
                    r.componentId(),
                    outcome(r),
                    oneLine(r.details()));
        }
        return table.render();
    }

    private static String outcome(AuditRecord r) {
        if (r.ok()) {
            return "ok";
        }
        String reason = oneLine(r.error());
        return reason == null || reason.isEmpty() ? "FAILED" : "FAILED: " + reason;
    }

    /** Keeps a multi-line message on its row of the table. */
    private static String oneLine(String text) {
        return text == null ? null : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
