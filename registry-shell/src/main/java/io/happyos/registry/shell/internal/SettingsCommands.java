package io.happyos.registry.shell.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.framework.BundleContext;

/**
 * {@code settings}: each of the container's own settings, its effective value and where it came
 * from (default, {@code etc/happyos.properties}, an environment variable, an option). The launcher
 * passes the origins as the framework property {@value #ORIGINS}, one {@code KEY TAB ORIGIN TAB
 * DEFAULT} line per setting; the values are the framework properties themselves, or the default
 * when a setting is not set. Secrets show as {@value #HIDDEN}.
 *
 * <p>JSON: an array of {@code {"key","value","origin"}}, {@code value} null when unset and without
 * a default.
 */
public final class SettingsCommands {

    /** The command names, for {@code osgi.command.function}. */
    static final String[] FUNCTIONS = {"settings"};

    /** The framework property with the origins. */
    static final String ORIGINS = "happyos.settings";

    /** What a secret's value shows as. */
    static final String HIDDEN = "********";

    private final CommandContext ctx;
    private final BundleContext context;

    SettingsCommands(CommandContext ctx, BundleContext context) {
        this.ctx = ctx;
        this.context = context;
    }

    /**
     * One setting as {@code registry:settings} shows it.
     *
     * @param key the framework property
     * @param value its effective value, or {@code null} when unset
     * @param origin where it came from
     */
    record Row(String key, String value, String origin) {}

    @Descriptor("show the container's settings: each effective value and where it came from (default, "
            + "etc/happyos.properties, a HAPPYOS_ environment variable, an option). Example: registry:settings")
    public void settings(
            @Descriptor("print a JSON array of {\"key\",\"value\",\"origin\"}")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json) {
        List<Row> rows = rows(context::getProperty);
        if (rows.isEmpty()) {
            throw new IllegalStateException("this container was not started by the launcher, so it has no settings "
                    + "file or options: its settings are the framework properties its embedding application set "
                    + "(RegistryContainer.Builder)");
        }
        if (json) {
            List<Map<String, Object>> objects = new ArrayList<>();
            for (Row row : rows) {
                Map<String, Object> object = new LinkedHashMap<>();
                object.put("key", row.key());
                object.put("value", row.value());
                object.put("origin", row.origin());
                objects.add(object);
            }
            ctx.printJson(objects);
            return;
        }
        TextTable table = new TextTable("SETTING", "VALUE", "FROM");
        rows.forEach(row -> table.row(row.key(), row.value(), row.origin()));
        ctx.print(String.join("\n", table.lines(ctx.ansi())));
    }

    /**
     * The settings, in the launcher's order.
     *
     * @param properties looks a framework property up ({@code null} when unset)
     * @return one row per setting; empty when the launcher passed no origins
     */
    static List<Row> rows(Function<String, String> properties) {
        String origins = properties.apply(ORIGINS);
        List<Row> rows = new ArrayList<>();
        if (origins == null) {
            return rows;
        }
        for (String line : origins.split("\n")) {
            String[] fields = line.split("\t", -1);
            if (fields.length < 2 || fields[0].isBlank()) {
                continue;
            }
            String key = fields[0];
            String value = properties.apply(key);
            if (value == null && fields.length > 2 && !fields[2].isEmpty()) {
                value = fields[2];
            } else if (value != null && key.endsWith("password")) {
                value = HIDDEN;
            }
            rows.add(new Row(key, value, fields[1]));
        }
        return rows;
    }
}
