package io.happyos.registry.launcher;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How each command of Felix Gogo Command 1.1.2 (scope {@code felix}) reports a failure, read from its
 * source: most do not throw, they return the message as their result, which a script cannot tell
 * from output. This class says, for one call and its result, whether it failed and with what
 * message; {@link FrameworkCommandChecks} then throws it, so that a failure ends a {@code -c} run
 * with exit code 1 as a registry command's does.
 *
 * <p>Each rule depends on the command's name and is exact for that command's code, never a guess
 * from the text of another command's output:
 *
 * <ul>
 *   <li>{@code start}, {@code stop}, {@code uninstall}: their result holds only failure lines
 *       ("Bundle ID '999'  is invalid.", a {@code BundleException}, "Please specify the bundles ...");
 *       success returns an empty string.
 *   <li>{@code update}: {@code null} on success, the message otherwise.
 *   <li>{@code install}: "Bundle ID: N" on success, the failure text otherwise (run one URL at a
 *       time by {@link FrameworkCommandChecks}, since with several URLs Gogo drops the failures
 *       when one succeeds).
 *   <li>{@code resolve}: Gogo 1.1.2 returns "Not all bundles could be resolved." when all were
 *       resolved and {@code null} when some were not (its test is inverted): {@code null} is the
 *       failure, and the misleading success text is dropped.
 *   <li>{@code bundlelevel -s|-i}: {@code null} on success, the message otherwise (the query form
 *       always returns its answer).
 *   <li>{@code help NAME}: "No methods found matching: NAME".
 *   <li>{@code which}: anything but "Loaded from: ...".
 *   <li>{@code lb}: "Only one of -l, -s, -u should be used.".
 *   <li>{@code log}: "Log reader service is unavailable.".
 *   <li>{@code inspect}: "Invalid argument: DIRECTION".
 * </ul>
 *
 * {@code headers}, {@code refresh}, {@code frameworklevel}, {@code cd} and {@code ls} already throw
 * on failure. An unknown bundle id fails Gogo's conversion of the argument ("Cannot coerce ..."):
 * {@link #unknownBundles} names it instead.
 */
final class FrameworkCommandResults {

    /** The {@code Basic} commands checked. */
    static final List<String> BASIC = List.of(
            "start",
            "stop",
            "uninstall",
            "update",
            "install",
            "resolve",
            "bundlelevel",
            "help",
            "which",
            "lb",
            "log",
            "headers",
            "refresh");
    /** The {@code Inspect} commands checked. */
    static final List<String> INSPECT = List.of("inspect");

    private static final Set<String> SET_LEVEL_FLAGS = Set.of("-s", "--setlevel", "-i", "--setinitial");

    private FrameworkCommandResults() {}

    /**
     * Whether a call failed.
     *
     * @param function the command's name, without scope
     * @param arguments the arguments as typed (session excluded)
     * @param result what the command returned
     * @return the failure's message, or empty when the command succeeded
     */
    static Optional<String> failure(String function, List<?> arguments, Object result) {
        String text = result == null ? null : String.valueOf(result).strip();
        boolean failed = switch (function) {
            case "start", "stop", "uninstall", "update" -> text != null && !text.isEmpty();
            case "install" -> text == null || !text.startsWith("Bundle ID");
            case "resolve" -> result == null;
            case "bundlelevel" ->
                text != null && arguments.stream().map(String::valueOf).anyMatch(SET_LEVEL_FLAGS::contains);
            case "help" -> text != null && text.startsWith("No methods found matching: ");
            case "which" -> text == null || !text.startsWith("Loaded from: ");
            case "lb" -> "Only one of -l, -s, -u should be used.".equals(text);
            case "log" -> "Log reader service is unavailable.".equals(text);
            case "inspect" -> text != null && text.startsWith("Invalid argument: ");
            default -> false;
        };
        if (!failed) {
            return Optional.empty();
        }
        if (function.equals("resolve")) {
            return Optional.of("Not all bundles could be resolved; 'lb' shows those still Installed and"
                    + " 'inspect requirement osgi.wiring.package ID' what one of them is missing");
        }
        if (text == null || text.isEmpty()) {
            return Optional.of(function + " failed");
        }
        // Gogo's "Bundle ID '999'  is invalid." has two blanks
        return Optional.of(String.join(
                "; ",
                text.lines()
                        .map(line -> line.strip().replaceAll("\\s{2,}", " "))
                        .toList()));
    }

    /**
     * The message for arguments Gogo could not convert, when some are numbers that name no
     * installed bundle.
     *
     * @param arguments the arguments as typed
     * @param installed whether a bundle id is installed
     * @return "No bundle with ID 999 is installed; ...", or empty when every number names a bundle
     */
    static Optional<String> unknownBundles(List<?> arguments, java.util.function.LongPredicate installed) {
        List<String> unknown = arguments.stream()
                .map(String::valueOf)
                .filter(word -> word.matches("\\d{1,18}") && !installed.test(Long.parseLong(word)))
                .toList();
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                unknown.size() == 1
                        ? "No bundle with ID " + unknown.get(0) + " is installed; 'lb' lists the bundles"
                        : "No bundles with IDs " + String.join(", ", unknown)
                                + " are installed; 'lb' lists the bundles");
    }

    /**
     * What a successful call shows: its result, except for {@code resolve}, whose success text says
     * the opposite of what happened, and an empty text.
     *
     * @param function the command's name
     * @param result what the command returned
     * @return the result to hand on
     */
    static Object shown(String function, Object result) {
        if (function.equals("resolve") || (result instanceof String text && text.isBlank())) {
            return null; // start, stop, uninstall return "" on success: no blank line
        }
        return result;
    }
}
