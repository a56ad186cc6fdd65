package io.happyos.registry.shell.internal;

import static io.happyos.registry.shell.internal.FakeRegistry.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditCommandsTest {

    private final FakeShellFixture shell = new FakeShellFixture();

    @BeforeEach
    void fillTheLog() {
        shell.registry
                .audit(
                        T0.minus(Duration.ofHours(2)),
                        "folder-watcher",
                        "register",
                        "weather-skill",
                        null,
                        "from /jars/weather-skill.jar")
                .audit(T0.minus(Duration.ofMinutes(30)), "shell", "activate", "logger", null, null)
                .audit(
                        T0.minus(Duration.ofMinutes(5)).plusMillis(250),
                        "shell",
                        "activate",
                        "calculator-skill",
                        "activator threw\nat line 3",
                        null)
                .audit(
                        T0.minus(Duration.ofMinutes(1)),
                        "registry",
                        "quarantine",
                        "old-plugin",
                        "crashed 3 times",
                        "after 3 failures");
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
        assertThat(shell.output()).isEqualTo("""
                TIME                  ACTOR           OPERATION   COMPONENT         OUTCOME                            DETAILS
                2025-01-02T03:03:05Z  registry        quarantine  old-plugin        FAILED: crashed 3 times            after 3 failures
                2025-01-02T02:59:05Z  shell           activate    calculator-skill  FAILED: activator threw at line 3  -
                2025-01-02T02:34:05Z  shell           activate    logger            ok                                 -
                2025-01-02T01:04:05Z  folder-watcher  register    weather-skill     ok                                 from /jars/weather-skill.jar
                """);
        assertThat(shell.registry.lastAuditQuery.limit()).isEqualTo(50);
    }

    @Test
    void saysSoWhenNothingMatches() {
        shell.registry.auditLog.clear();
        audit("", "", false, 50);
        assertThat(shell.output()).isEqualTo("no audit records\n");
        assertThat(auditJson("", "", false, 50)).isEmpty();
    }

    @Test
    void jsonHasEveryField() {
        List<Map<String, Object>> json = auditJson("", "", false, 50);
        assertThat(json).hasSize(4);
        Map<String, Object> failure = new HashMap<>();
        failure.put("sequence", 3L);
        failure.put("at", "2025-01-02T02:59:05.250Z");
        failure.put("actor", "shell");
        failure.put("operation", "activate");
        failure.put("component", "calculator-skill");
        failure.put("ok", false);
        failure.put("error", "activator threw\nat line 3");
        failure.put("details", null);
        assertThat(json.get(1)).isEqualTo(failure);
        assertThat(json.get(1).keySet())
                .containsExactly("sequence", "at", "actor", "operation", "component", "ok", "error", "details");
        assertThat(json.get(2)).containsEntry("ok", true).containsEntry("error", null);
    }

    @Test
    void componentAcceptsAnIdANameOrABundleNumberAndARemovedComponentsId() {
        assertThat(sequences("logger", "", false, 50)).containsExactly(2L);
        assertThat(sequences("6", "", false, 50)).containsExactly(3L);
        assertThat(shell.registry.lastAuditQuery.componentId()).isEqualTo("calculator-skill");
        assertThat(sequences(" old-plugin ", "", false, 50)).containsExactly(4L);
        assertThat(shell.registry.lastAuditQuery.componentId()).isEqualTo("old-plugin");
        assertThat(sequences("never-there", "", false, 50)).isEmpty();
        audit("never-there", "", false, 50);
        assertThat(shell.output()).isEqualTo("no audit records\n");
    }

    @Test
    void sinceTakesADurationBackFromNow() {
        assertThat(sequences("", "10m", false, 50)).containsExactly(4L, 3L);
        assertThat(shell.registry.lastAuditQuery.since()).isEqualTo(T0.minus(Duration.ofMinutes(10)));
        assertThat(sequences("", "30m", false, 50)).containsExactly(4L, 3L, 2L);
        assertThat(sequences("", "PT3H", false, 50)).containsExactly(4L, 3L, 2L, 1L);
        assertThat(sequences("", "30s", false, 50)).isEmpty();
        shell.registry.advance(Duration.ofHours(1));
        assertThat(sequences("", "2h", false, 50)).containsExactly(4L, 3L, 2L);
    }

    @Test
    void sinceTakesAnInstant() {
        assertThat(sequences("", "2025-01-02T02:34:05Z", false, 50)).containsExactly(4L, 3L, 2L);
        assertThat(shell.registry.lastAuditQuery.since()).isEqualTo(Instant.parse("2025-01-02T02:34:05Z"));
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
        assertThat(sequences("", "", true, 50)).containsExactly(4L, 3L);
        assertThat(shell.registry.lastAuditQuery.failedOnly()).isTrue();
        assertThat(sequences("logger", "", true, 50)).isEmpty();
    }

    @Test
    void limitKeepsTheNewest() {
        assertThat(sequences("", "", false, 2)).containsExactly(4L, 3L);
        assertThat(sequences("", "", false, 1)).containsExactly(4L);
        assertThatThrownBy(() -> audit("", "", false, 0))
                .hasMessage("registry:audit: --limit must be a whole number of at least 1, got '0'");
    }

    @Test
    void filtersCombine() {
        assertThat(sequences("calculator-skill", "10m", true, 5)).containsExactly(3L);
        assertThat(shell.registry.lastAuditQuery)
                .isEqualTo(new io.happyos.registry.AuditQuery(
                        "calculator-skill", null, null, T0.minus(Duration.ofMinutes(10)), null, true, 5));
    }
}
