package io.happyos.registry.shell.internal;

import io.happyos.registry.Quota;
import io.happyos.registry.QuotaLimit;
import io.happyos.registry.QuotaStatus;
import io.happyos.registry.QuotaViolation;
import io.happyos.registry.Quotas;
import io.happyos.registry.text.RegistryJson;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;

/**
 * {@code quota set SCOPE LIMIT VALUE [--enforce] [--grace DURATION]}, {@code quota remove SCOPE LIMIT}
 * and {@code quota list}: the registry's quotas ({@link Quotas}). Bad input (an unknown limit, a value
 * that is not one of the limit, a malformed scope) fails with the API's message, so that a script
 * stops.
 *
 * <p>With {@code --json}: {@code set} prints the quota ({@link RegistryJson#quota}); {@code remove}
 * prints {@code {"removed":bool}}; {@code list} prints {@code {"quotas":[status..],"violations":[..]}}
 * ({@link RegistryJson#quotaStatus}, {@link RegistryJson#quotaViolation}).
 */
public final class QuotaCommands {

    /** The command names, for {@code osgi.command.function}. */
    static final String[] FUNCTIONS = {"quota"};

    private static final String USAGE = "use quota set SCOPE LIMIT VALUE [--enforce] [--grace DURATION], "
            + "quota remove SCOPE LIMIT or quota list";

    private final CommandContext ctx;

    QuotaCommands(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Descriptor("manage quotas: quota set SCOPE LIMIT VALUE | quota remove SCOPE LIMIT | quota list. SCOPE is global,"
            + " type:TYPE, a component id or cluster:type:TYPE; LIMIT one of max-components, max-active,"
            + " max-instances, activation-timeout, calls-per-second, max-threads, max-cpu-percent, max-alloc-rate."
            + " Example: registry:quota set type:skill max-active 5")
    public void quota(
            @Descriptor("print JSON: the quota for set, {\"removed\"} for remove, {\"quotas\",\"violations\"} for "
                            + "list. Example: registry:quota list --json")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("for max-threads, max-cpu-percent and max-alloc-rate: deactivate a component over the limit"
                            + " for longer than the grace period (else it is only marked). "
                            + "Example: registry:quota set weather-skill max-threads 8 --enforce")
                    @Parameter(
                            names = {"--enforce"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean enforce,
            @Descriptor("for rate and resource limits: how long a component may stay over the limit (500ms, 30s, "
                            + "10m, 2h, PT30S); default 10s. Example: registry:quota set global max-cpu-percent 80"
                            + " --grace 1m")
                    @Parameter(
                            names = {"--grace"},
                            absentValue = "")
                    String grace,
            @Descriptor("set SCOPE LIMIT VALUE, remove SCOPE LIMIT or list; VALUE in the limit's unit: a number, a "
                            + "duration for activation-timeout (5s), a size per second for max-alloc-rate (50MB), a "
                            + "percentage of one core for max-cpu-percent (80). "
                            + "Example: registry:quota set type:skill max-alloc-rate 50MB")
                    String... args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("give a quota command: " + USAGE);
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (!args[0].equals("set") && (enforce || !grace.isEmpty())) {
            throw new IllegalArgumentException("--enforce and --grace go with quota set: " + USAGE);
        }
        switch (args[0]) {
            case "set" -> set(json, arguments(rest, 3, "quota set SCOPE LIMIT VALUE"), enforce, grace);
            case "remove" -> remove(json, arguments(rest, 2, "quota remove SCOPE LIMIT"));
            case "list" -> {
                arguments(rest, 0, "quota list");
                list(json);
            }
            default -> throw new IllegalArgumentException("unknown quota command '" + args[0] + "': " + USAGE);
        }
    }

    private void set(boolean json, List<String> args, boolean enforce, String graceText) {
        Quota quota = parse(args.get(0), args.get(1), args.get(2), enforce, graceText);
        Quota set = ctx.await(ctx.registry().quotas().setQuota(quota), "set the quota " + describe(quota));
        if (json) {
            ctx.printJson(RegistryJson.quota(set));
        } else {
            ctx.print("Quota set: " + describe(set));
        }
    }

    /**
     * A quota from what a user typed, checked as the API checks it, and options that fit its limit.
     *
     * @param scope the scope
     * @param limitText the limit's key
     * @param valueText the value in words
     * @param enforce whether {@code --enforce} was given
     * @param graceText the {@code --grace} given, or empty
     * @return the quota
     * @throws IllegalArgumentException naming what is wrong and what is expected
     */
    static Quota parse(String scope, String limitText, String valueText, boolean enforce, String graceText) {
        QuotaLimit limit = QuotaLimit.parse(limitText);
        if (enforce && !limit.resource()) {
            throw new IllegalArgumentException("--enforce applies to max-threads, max-cpu-percent and max-alloc-rate,"
                    + " not " + limit.key() + " (admission limits always refuse; calls-per-second rejects calls)");
        }
        boolean rate = limit.resource() || limit == QuotaLimit.CALLS_PER_SECOND;
        if (!graceText.isEmpty() && !rate) {
            throw new IllegalArgumentException("--grace applies to calls-per-second, max-threads, max-cpu-percent and"
                    + " max-alloc-rate, not " + limit.key());
        }
        Duration grace = graceText.isEmpty() ? Quota.DEFAULT_GRACE : DurationText.parse(graceText, "--grace");
        return Quota.parse(scope, limit, valueText, enforce, grace);
    }

    private void remove(boolean json, List<String> args) {
        QuotaLimit limit = QuotaLimit.parse(args.get(1));
        String scope = args.get(0);
        boolean removed = ctx.await(
                ctx.registry().quotas().removeQuota(scope, limit), "remove the quota " + scope + " " + limit.key());
        if (json) {
            ctx.printJson(Map.of("removed", removed));
        } else {
            ctx.print(
                    removed
                            ? "Quota removed: " + scope + " " + limit.key()
                            : "No quota " + scope + " " + limit.key() + " was set.");
        }
    }

    private void list(boolean json) {
        Quotas quotas = ctx.registry().quotas();
        List<QuotaStatus> statuses = quotas.listQuotas();
        List<QuotaViolation> violations = quotas.getViolations();
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("quotas", statuses.stream().map(RegistryJson::quotaStatus).toList());
            out.put(
                    "violations",
                    violations.stream().map(RegistryJson::quotaViolation).toList());
            ctx.printJson(out);
        } else {
            ctx.print(text(statuses, violations));
        }
    }

    /**
     * The quotas as a table, then their notes and the components over a limit now.
     *
     * @param statuses the quotas
     * @param violations the components over a rate or resource limit
     * @return the text
     */
    static String text(List<QuotaStatus> statuses, List<QuotaViolation> violations) {
        if (statuses.isEmpty()) {
            return "No quotas. Example: registry:quota set type:skill max-active 5\n";
        }
        TextTable t = new TextTable("SCOPE", "LIMIT", "VALUE", "USED", "OVER", "ENFORCE", "GRACE", "ORIGIN", "SET AT");
        StringBuilder notes = new StringBuilder();
        for (QuotaStatus s : statuses) {
            Quota q = s.quota();
            boolean rate = q.limit().resource() || q.limit() == QuotaLimit.CALLS_PER_SECOND;
            t.row(
                    q.scope(),
                    q.limit().key(),
                    q.valueText(),
                    s.used() < 0 ? null : ResourceText.ofLimit(q.limit(), s.used()),
                    s.over().isEmpty() ? null : String.join(", ", s.over()),
                    q.limit().resource() ? (q.enforce() ? "yes" : "no") : null,
                    rate ? DurationText.shortForm(q.grace()) : null,
                    s.origin(),
                    s.setAt());
            if (s.note() != null) {
                notes.append(q.scope())
                        .append(' ')
                        .append(q.limit().key())
                        .append(": ")
                        .append(s.note())
                        .append('\n');
            }
        }
        StringBuilder out = new StringBuilder(t.render());
        if (notes.length() > 0) {
            out.append('\n').append(notes);
        }
        if (!violations.isEmpty()) {
            out.append("\nOver a limit now:\n");
            for (QuotaViolation v : violations) {
                Quota q = v.quota();
                out.append("  ")
                        .append(v.componentId())
                        .append(": ")
                        .append(ResourceText.ofLimit(q.limit(), v.observed()))
                        .append(" over ")
                        .append(q.limit().key())
                        .append(' ')
                        .append(q.valueText())
                        .append(" (")
                        .append(q.scope())
                        .append(") since ")
                        .append(v.since())
                        .append(v.enforced() ? ", deactivated" : "")
                        .append('\n');
            }
        }
        return out.toString();
    }

    /** A quota in words: {@code type:skill max-active 5}, with enforce and grace where they apply. */
    private static String describe(Quota q) {
        StringBuilder text = new StringBuilder(q.scope())
                .append(' ')
                .append(q.limit().key())
                .append(' ')
                .append(q.valueText());
        if (q.limit().resource()) {
            text.append(q.enforce() ? ", enforced" : ", marked only");
        }
        if (q.limit().resource() || q.limit() == QuotaLimit.CALLS_PER_SECOND) {
            text.append(", grace ").append(DurationText.shortForm(q.grace()));
        }
        return text.toString();
    }

    private static List<String> arguments(List<String> given, int count, String usage) {
        if (given.size() != count) {
            throw new IllegalArgumentException("usage: " + usage);
        }
        return given;
    }
}
