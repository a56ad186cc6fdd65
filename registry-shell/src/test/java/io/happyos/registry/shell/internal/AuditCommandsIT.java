package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.AuditQuery;
import io.happyos.registry.AuditRecord;
import io.happyos.registry.testing.TestBundle;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The audit log of the real registry, kept in its database; "now" is fixed by each test. */
class AuditCommandsIT {

    private static final String SYSTEM = "bundle:org.apache.felix.framework";

    @RegisterExtension
    final ShellFixture shell = new ShellFixture().persistent();

    /** The query the command made last. */
    private final AtomicReference<AuditQuery> lastQuery = new AtomicReference<>();
    /** Why flaky failed to start, as the registry said. */
    private String flakyError;

    /**
     * Fills the log, some 50 ms apart, after the registry's own start (1): weather-skill activated
     * (2), logger put in error by hand (3), flaky failing to start (4), old-plugin unregistered (5).
     */
    @BeforeEach
    void fillTheLog() throws Exception {
        shell.answer("getAuditLog", (method, args, result) -> {
            lastQuery.set((AuditQuery) args[0]);
            return null;
        });
        shell.install(TestBundle.builder("old-plugin").version("1.0.0"), "old-plugin");
        shell.failing("flaky");
        Thread.sleep(50);
        shell.activate("weather-skill");
        Thread.sleep(50);
        ShellFixture.join(shell.registry.lifecycle().markComponentError("logger", "disk full\nfor now"));
        Thread.sleep(50);
        try {
            shell.activate("flaky");
        } catch (RuntimeException expected) {
            flakyError = Completion.unwrap(expected).getMessage();
        }
        Thread.sleep(50);
        ShellFixture.join(shell.registry.unregisterComponent("old-plugin"));
        assertThat(flakyError).contains("its activator threw");
        assertThat(sequences("", "", false, 50)).containsExactly(5L, 4L, 3L, 2L, 1L);
    }

    /** When record {@code sequence} was made. */
    private Instant at(long sequence) {
        return shell
                .registry
                .diagnostics()
                .getAuditLog(new AuditQuery(null, null, null, null, null, false, 50))
                .stream()
                .filter(r -> r.sequence() == sequence)
                .map(AuditRecord::at)
                .findFirst()
                .orElseThrow();
    }

    private void audit(String component, String since, boolean failed, int limit) {
        shell.audit.audit(false, component, since, failed, String.valueOf(limit));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> auditJson(String component, String since, boolean failed, int limit) {
        shell.audit.audit(true, component, since, failed, String.valueOf(limit));
        return (List<Map<String, Object>>) shell.json();
    }

    private List<Object> sequences(String component, String since, boolean failed, int limit) {
        return auditJson(component, since, failed, limit).stream()
                .map(m -> m.get("sequence"))
                .toList();
    }

    @Test
    void printsAnAlignedTableNewestFirst() {
        audit("", "", false, AuditCommands.DEFAULT_LIMIT);
        String failed = "FAILED: " + flakyError;
        String outcome = "OUTCOME" + " ".repeat(failed.length() - "OUTCOME".length());
        String ok = "ok" + " ".repeat(failed.length() - "ok".length());
        assertThat(shell.output()).matches(ShellFixture.pattern("""
                TIME                  ACTOR                              OPERATION   COMPONENT                 %s  DETAILS
                <time>  %s  unregister  old-plugin                %s  unregistered old-plugin
                <time>  %s  activate    flaky                     %s  -
                <time>  %s  mark-error  logger                    %s  marked in ERROR by hand: disk full for now
                <time>  %s  activate    weather-skill             %s  activated weather-skill
                <time>  framework                          started     io.happyos.registry.core  %s  outside the registry, on thread main
                """.formatted(
                        outcome, SYSTEM, ok, SYSTEM, failed, SYSTEM, ok, SYSTEM, ok, ok)));
        assertThat(lastQuery.get().limit()).isEqualTo(50);
    }

    @Test
    void saysSoWhenNothingMatches() {
        audit("", "2999-01-01T00:00:00Z", false, 50);
        assertThat(shell.output()).isEqualTo("no audit records\n");
        assertThat(auditJson("", "2999-01-01T00:00:00Z", false, 50)).isEmpty();
    }

    @Test
    void jsonHasEveryField() {
        List<Map<String, Object>> json = auditJson("", "", false, 50);
        assertThat(json).hasSize(5);
        Map<String, Object> failure = new HashMap<>();
        failure.put("sequence", 4L);
        failure.put("at", at(4).toString());
        failure.put("actor", SYSTEM);
        failure.put("operation", "activate");
        failure.put("component", "flaky");
        failure.put("ok", false);
        failure.put("error", flakyError);
        failure.put("details", null);
        assertThat(json.get(1)).isEqualTo(failure);
        assertThat((String) json.get(1).get("at")).matches(ShellFixture.INSTANT);
        assertThat(json.get(1).keySet())
                .containsExactly("sequence", "at", "actor", "operation", "component", "ok", "error", "details");
        assertThat(json.get(2))
                .containsEntry("ok", true)
                .containsEntry("error", null)
                .containsEntry("details", "marked in ERROR by hand: disk full\nfor now");
    }

    @Test
    void componentAcceptsAnIdANameOrABundleNumberAndARemovedComponentsId() {
        assertThat(sequences("logger", "", false, 50)).containsExactly(3L);
        assertThat(sequences(shell.bundle("weather-skill"), "", false, 50)).containsExactly(2L);
        assertThat(lastQuery.get().componentId()).isEqualTo("weather-skill");
        assertThat(sequences(" old-plugin ", "", false, 50)).containsExactly(5L);
        assertThat(lastQuery.get().componentId()).isEqualTo("old-plugin");
        assertThat(sequences("never-there", "", false, 50)).isEmpty();
        audit("never-there", "", false, 50);
        assertThat(shell.output()).isEqualTo("no audit records\n");
    }

    @Test
    void sinceTakesADurationBackFromNow() {
        shell.fixedNow = at(4).plus(Duration.ofMinutes(10));
        assertThat(sequences("", "10m", false, 50)).containsExactly(5L, 4L);
        assertThat(lastQuery.get().since()).isEqualTo(at(4));
        shell.fixedNow = at(3).plus(Duration.ofMinutes(30));
        assertThat(sequences("", "30m", false, 50)).containsExactly(5L, 4L, 3L);
        assertThat(sequences("", "PT3H", false, 50)).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(sequences("", "30s", false, 50)).isEmpty();
        shell.fixedNow = at(2).plus(Duration.ofHours(2));
        assertThat(sequences("", "2h", false, 50)).containsExactly(5L, 4L, 3L, 2L);
    }

    @Test
    void sinceTakesAnInstant() {
        assertThat(sequences("", at(3).toString(), false, 50)).containsExactly(5L, 4L, 3L);
        assertThat(lastQuery.get().since()).isEqualTo(at(3));
    }

    @Test
    void aBadSinceNamesTheAcceptedForms() {
        for (String bad : List.of("yesterday", "10 minutes", "2025-01-02", "-5m")) {
            assertThatThrownBy(() -> audit("", bad, false, 50))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("bad --since '" + bad + "': give a duration back from now (30s, 10m, 2h, PT30S) "
                            + "or an ISO-8601 instant (2026-11-25T10:42:00Z)");
        }
    }

    @Test
    void failedKeepsOnlyFailures() {
        assertThat(sequences("", "", true, 50)).containsExactly(4L);
        assertThat(lastQuery.get().failedOnly()).isTrue();
        assertThat(sequences("logger", "", true, 50)).isEmpty();
    }

    @Test
    void limitKeepsTheNewest() {
        assertThat(sequences("", "", false, 2)).containsExactly(5L, 4L);
        assertThat(sequences("", "", false, 1)).containsExactly(5L);
        assertThatThrownBy(() -> audit("", "", false, 0))
                .hasMessage("registry:audit: --limit must be a whole number of at least 1, got '0'");
    }

    @Test
    void filtersCombine() {
        shell.fixedNow = at(3).plus(Duration.ofMinutes(10));
        assertThat(sequences("flaky", "10m", true, 5)).containsExactly(4L);
        assertThat(lastQuery.get()).isEqualTo(new AuditQuery("flaky", null, null, at(3), null, true, 5));
    }
}
