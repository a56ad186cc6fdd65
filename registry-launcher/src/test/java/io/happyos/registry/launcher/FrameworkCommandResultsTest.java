package io.happyos.registry.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule of {@link FrameworkCommandResults}, with the results Gogo Command 1.1.2 returns. */
class FrameworkCommandResultsTest {

    @Test
    void startStopAndUninstallFailWhenTheyReturnAnyText() {
        assertThat(FrameworkCommandResults.failure("start", List.of("999"), "Bundle ID '999'  is invalid.\n"))
                .contains("Bundle ID '999' is invalid.");
        assertThat(FrameworkCommandResults.failure("start", List.of(), "Please specify the bundles to start."))
                .contains("Please specify the bundles to start.");
        assertThat(FrameworkCommandResults.failure("stop", List.of("5"), "org.osgi.framework.BundleException: x\n"))
                .contains("org.osgi.framework.BundleException: x");
        assertThat(FrameworkCommandResults.failure("start", List.of("5"), "")).isEmpty();
        assertThat(FrameworkCommandResults.failure("uninstall", List.of("5"), ""))
                .isEmpty();
    }

    @Test
    void severalFailureLinesBecomeOneLine() {
        assertThat(FrameworkCommandResults.failure(
                        "start", List.of("998", "999"), "Bundle ID '998'  is invalid.\nBundle ID '999'  is invalid.\n"))
                .contains("Bundle ID '998' is invalid.; Bundle ID '999' is invalid.");
    }

    @Test
    void updateFailsWithAnyResultAndSucceedsWithNone() {
        assertThat(FrameworkCommandResults.failure("update", List.of("5"), null))
                .isEmpty();
        assertThat(FrameworkCommandResults.failure("update", List.of("5", "x"), "Unable to parse URL"))
                .contains("Unable to parse URL");
    }

    @Test
    void installSucceedsOnlyWithABundleId() {
        assertThat(FrameworkCommandResults.failure("install", List.of("file:/a.jar"), "Bundle ID: 12"))
                .isEmpty();
        assertThat(FrameworkCommandResults.failure(
                        "install", List.of("file:/nope.jar"), "java.io.FileNotFoundException: /nope.jar\n"))
                .contains("java.io.FileNotFoundException: /nope.jar");
    }

    @Test
    void resolveReadsGogosInvertedResultTheRightWayRound() {
        // Gogo 1.1.2 returns null when resolveBundles answered false (some not resolved)
        assertThat(FrameworkCommandResults.failure("resolve", List.of(), null))
                .get()
                .asString()
                .startsWith("Not all bundles could be resolved");
        assertThat(FrameworkCommandResults.failure("resolve", List.of(), "Not all bundles could be resolved."))
                .isEmpty();
        assertThat(FrameworkCommandResults.shown("resolve", "Not all bundles could be resolved."))
                .isNull();
    }

    @Test
    void bundlelevelFailsOnlyWhenSettingALevel() {
        assertThat(FrameworkCommandResults.failure("bundlelevel", List.of("5"), "bundle [5] is level 1"))
                .isEmpty();
        assertThat(FrameworkCommandResults.failure(
                        "bundlelevel", List.of("-s", "0", "5"), "Specified start level must be greater than zero."))
                .contains("Specified start level must be greater than zero.");
        assertThat(FrameworkCommandResults.failure("bundlelevel", List.of("-s", "2", "5"), null))
                .isEmpty();
    }

    @Test
    void theOtherCommandsFailOnlyWithTheirOwnFailureText() {
        assertThat(FrameworkCommandResults.failure("help", List.of("nosuch"), "No methods found matching: nosuch"))
                .isPresent();
        assertThat(FrameworkCommandResults.failure("help", List.of("lb"), "lb - list all installed bundles\n"))
                .isEmpty();
        assertThat(FrameworkCommandResults.failure("which", List.of("5", "x.Y"), "Class not found"))
                .isPresent();
        assertThat(FrameworkCommandResults.failure("which", List.of("5", "x.Y"), "Loaded from: bundle [5]"))
                .isEmpty();
        assertThat(FrameworkCommandResults.failure("lb", List.of("-l", "-s"), "Only one of -l, -s, -u should be used."))
                .isPresent();
        assertThat(FrameworkCommandResults.failure("lb", List.of("nosuch"), "No matching bundles found."))
                .isEmpty();
        assertThat(FrameworkCommandResults.failure("log", List.of("info"), "Log reader service is unavailable."))
                .isPresent();
        assertThat(FrameworkCommandResults.failure("inspect", List.of("x", "y"), "Invalid argument: x"))
                .isPresent();
        assertThat(FrameworkCommandResults.failure("headers", List.of("5"), "Invalid argument: x"))
                .as("a rule is the command's own: headers' output is data")
                .isEmpty();
    }

    @Test
    void anEmptySuccessTextShowsNothing() {
        assertThat(FrameworkCommandResults.shown("start", "")).isNull();
        assertThat(FrameworkCommandResults.shown("lb", "START LEVEL 1")).isEqualTo("START LEVEL 1");
    }

    @Test
    void numbersThatNameNoBundleAreNamed() {
        assertThat(FrameworkCommandResults.unknownBundles(List.of("-t", "3", "999"), id -> id < 10))
                .contains("No bundle with ID 999 is installed; 'lb' lists the bundles");
        assertThat(FrameworkCommandResults.unknownBundles(List.of("998", "999"), id -> false))
                .contains("No bundles with IDs 998, 999 are installed; 'lb' lists the bundles");
        assertThat(FrameworkCommandResults.unknownBundles(List.of("3", "x"), id -> true))
                .isEmpty();
    }
}
