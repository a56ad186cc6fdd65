package io.happyos.registry.core.osgilog;

import java.util.Locale;

/**
 * The SLF4J logger name of an OSGi log entry:
 *
 * <ul>
 *   <li>a logger the plugin named (R7 {@code LoggerFactory.getLogger(Foo.class)}): that name, as
 *       SLF4J would have it, so that {@code log:set DEBUG com.acme} works the same for both APIs;
 *   <li>the legacy {@code LogService.log(...)} (the Log Service names it
 *       {@code LogService.SYMBOLIC-NAME}): {@code osgi.SYMBOLIC-NAME};
 *   <li>the Log Service's own entries for framework, bundle and service events
 *       ({@code Events.Bundle.SYMBOLIC-NAME} ...): {@code osgi.events.bundle.SYMBOLIC-NAME} ..., which
 *       the default configuration keeps at WARN.
 * </ul>
 */
final class OsgiLoggerNames {

    private static final String LEGACY = "LogService";
    private static final String EVENTS = "Events.";

    private OsgiLoggerNames() {}

    /**
     * The SLF4J name.
     *
     * @param osgiName the entry's logger name, or {@code null}
     * @param symbolicName the symbolic name of the entry's bundle, or {@code null}
     * @return the name to log under
     */
    static String slf4jName(String osgiName, String symbolicName) {
        String bundle = symbolicName == null || symbolicName.isBlank() ? "unknown" : symbolicName;
        if (osgiName == null || osgiName.isBlank() || osgiName.equals(LEGACY)) {
            return "osgi." + bundle;
        }
        if (osgiName.startsWith(LEGACY + ".")) {
            return "osgi." + osgiName.substring(LEGACY.length() + 1);
        }
        if (osgiName.startsWith(EVENTS)) {
            String rest = osgiName.substring(EVENTS.length());
            int dot = rest.indexOf('.');
            String kind = dot < 0 ? rest : rest.substring(0, dot);
            return "osgi.events." + kind.toLowerCase(Locale.ROOT) + (dot < 0 ? "" : rest.substring(dot));
        }
        return osgiName;
    }
}
