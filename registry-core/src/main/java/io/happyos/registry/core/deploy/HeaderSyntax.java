package io.happyos.registry.core.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * Checks the values in a manifest's dependency headers that the framework would refuse at install:
 * version ranges ({@code Import-Package}, {@code DynamicImport-Package}, {@code Require-Bundle},
 * {@code Fragment-Host}), versions ({@code Export-Package}) and filters
 * ({@code Require-Capability}), so that the reason names the header, the value and what is wrong,
 * instead of the framework's generic install failure. Clauses are split on {@code ,} and
 * parameters on {@code ;} outside double quotes; anything else in the headers is left to the
 * framework. Stateless.
 */
final class HeaderSyntax {

    private enum Kind {
        RANGE,
        VERSION,
        FILTER
    }

    private static final Map<String, Map<String, Kind>> CHECKED = Map.of(
            Constants.IMPORT_PACKAGE,
                    Map.of("version", Kind.RANGE, "specification-version", Kind.RANGE, "bundle-version", Kind.RANGE),
            Constants.DYNAMICIMPORT_PACKAGE, Map.of("version", Kind.RANGE, "bundle-version", Kind.RANGE),
            Constants.REQUIRE_BUNDLE, Map.of("bundle-version", Kind.RANGE),
            Constants.FRAGMENT_HOST, Map.of("bundle-version", Kind.RANGE),
            Constants.EXPORT_PACKAGE, Map.of("version", Kind.VERSION, "specification-version", Kind.VERSION),
            Constants.REQUIRE_CAPABILITY, Map.of("filter:", Kind.FILTER));

    private HeaderSyntax() {}

    /**
     * @param headers a manifest's main attributes
     * @return null when every checked value is well formed; otherwise one sentence naming the
     *     header, the clause, the bad value, what is wrong and the fix
     */
    static String problem(Attributes headers) {
        for (Map.Entry<String, Map<String, Kind>> header : CHECKED.entrySet()) {
            String value = headers.getValue(header.getKey());
            if (value == null) {
                continue;
            }
            for (String clause : split(value, ',')) {
                List<String> parameters = split(clause, ';');
                for (String parameter : parameters.subList(1, parameters.size())) {
                    String problem = check(header.getKey(), parameters.get(0).trim(), parameter, header.getValue());
                    if (problem != null) {
                        return problem;
                    }
                }
            }
        }
        return null;
    }

    private static String check(String header, String clause, String parameter, Map<String, Kind> checked) {
        int equals = parameter.indexOf('=');
        if (equals < 0) {
            return null;
        }
        String name = parameter.substring(0, equals).trim(); // "filter:" for the directive filter:=
        String value = unquote(parameter.substring(equals + 1).trim());
        Kind kind = checked.get(name.endsWith(":") ? name : name.replaceFirst(":.*", ""));
        if (kind == null) {
            return null;
        }
        String what = name.endsWith(":") ? name.substring(0, name.length() - 1) : name;
        String prefix = header + " " + clause + ": " + what + " \"" + value + "\" is not a valid ";
        try {
            switch (kind) {
                case RANGE -> VersionRange.valueOf(value);
                case VERSION -> Version.parseVersion(value);
                case FILTER -> FrameworkUtil.createFilter(value);
                default -> throw new IllegalStateException(kind.name());
            }
            return null;
        } catch (IllegalArgumentException e) {
            return prefix + (kind == Kind.RANGE ? "version range" : "version") + " (" + e.getMessage()
                    + "): use a version such as 1.2 or a range such as [1.2,2), and rebuild the bundle";
        } catch (InvalidSyntaxException e) {
            return prefix + "LDAP filter (" + e.getMessage()
                    + "): balance the parentheses, e.g. (&(a=1)(b=2)), and rebuild the bundle";
        }
    }

    /** Splits on a separator outside double quotes (a backslash escapes the next character). */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
