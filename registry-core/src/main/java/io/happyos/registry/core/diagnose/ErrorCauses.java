package io.happyos.registry.core.diagnose;

import io.happyos.registry.AuditQuery;
import io.happyos.registry.AuditRecord;
import io.happyos.registry.Cause;
import io.happyos.registry.CauseKind;
import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.ErrorRecord;
import io.happyos.registry.core.model.ComponentRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a component's error history (and the audit log) as causes: a quarantined file, an
 * activator that threw, a call that timed out, a hook that vetoed, an error set by hand.
 */
final class ErrorCauses {

    /** How many history entries a cause quotes as evidence. */
    static final int EVIDENCE_ENTRIES = 3;

    private static final Pattern HOOK = Pattern.compile("hook (\\S+) vetoed");
    private static final Pattern DEPENDENCY = Pattern.compile("its dependency (\\S+) failed to start");

    private final Function<AuditQuery, List<AuditRecord>> audit;

    ErrorCauses(Function<AuditQuery, List<AuditRecord>> audit) {
        this.audit = audit;
    }

    /**
     * Whether the component stands for a file the bundles folder quarantined.
     *
     * @param record the component
     * @return {@code true} for a quarantine entry
     */
    static boolean quarantined(ComponentRecord record) {
        return !record.hasBundle() && "true".equals(record.info().metadata().get("Quarantined"));
    }

    /**
     * A quarantined file as a cause.
     *
     * @param record the quarantine entry
     * @return the cause
     */
    Cause quarantine(ComponentRecord record) {
        ComponentInfo info = record.info();
        String reason = info.error() == null ? lastMessage(record) : info.error();
        List<String> evidence = new ArrayList<>();
        evidence.add("reason: " + reason);
        if (info.path() != null) {
            evidence.add("moved to " + info.path() + " (the reason is beside it in " + info.name() + ".reason.txt)");
        }
        return Cause.root(
                CauseKind.QUARANTINED,
                record.id(),
                info.name() + " was quarantined by the bundles folder: " + reason,
                "repair or rebuild " + info.name() + " (" + reason
                        + "), then copy the good JAR into the bundles folder",
                evidence);
    }

    /**
     * The component's last error as a cause, when it is in ERROR.
     *
     * @param record the component
     * @return the cause; empty when it is not in ERROR, or when the error only says a dependency failed
     *     (the dependency's own causes say more)
     */
    Optional<Cause> lastError(ComponentRecord record) {
        List<ErrorRecord> errors = record.errors();
        if (record.status() != ComponentStatus.ERROR || errors.isEmpty()) {
            return Optional.empty();
        }
        ErrorRecord last = errors.get(errors.size() - 1);
        String message = last.message();
        String id = record.id();
        List<String> evidence = evidence(errors);
        if (DEPENDENCY.matcher(message).find()) {
            return Optional.empty();
        }
        boolean setStatus = message.contains("set to ERROR by hand");
        Optional<AuditRecord> byHand = markedByHand(id, last.at(), setStatus ? "set-status" : "mark-error");
        if (byHand.isPresent() || setStatus) {
            String who = byHand.map(a -> " by " + a.actor() + " at " + a.at()).orElse("");
            return Optional.of(Cause.root(
                    CauseKind.MARKED_ERROR,
                    id,
                    id + " was put in ERROR" + who + ": " + message,
                    "deal with what the message says, then take it out of ERROR: registry:clear " + id,
                    evidence));
        }
        Matcher hook = HOOK.matcher(message);
        if (hook.find()) {
            return Optional.of(Cause.root(
                    CauseKind.HOOK_FAILED,
                    id,
                    message,
                    "fix the lifecycle hook " + hook.group(1) + " (or unregister it), then registry:activate " + id,
                    evidence));
        }
        if (message.contains("timed out after")) {
            return Optional.of(Cause.root(
                    CauseKind.TIMED_OUT,
                    id,
                    message,
                    "make " + id + "'s start return promptly (start long work on a thread of its own), or raise"
                            + " happyos.activation.timeout; then registry:activate " + id,
                    evidence));
        }
        if (message.contains("failed to start")
                || message.contains("activator")
                || message.contains("failed to activate")) {
            return Optional.of(Cause.root(
                    CauseKind.ACTIVATION_FAILED,
                    id,
                    message,
                    "fix the exception in " + id + "'s activator (the message above is its root cause), then"
                            + " registry:activate " + id,
                    evidence));
        }
        return Optional.of(Cause.root(
                CauseKind.OTHER_ERROR,
                id,
                message,
                "see " + id + "'s error history (registry:info " + id + "); once fixed, registry:clear " + id
                        + " and registry:activate " + id,
                evidence));
    }

    /**
     * The newest audit record of an explicit dependency being added.
     *
     * @param dependent the dependent
     * @param dependency the dependency
     * @return the record, when the audit log has it
     */
    Optional<AuditRecord> explicitAdded(String dependent, String dependency) {
        return audit.apply(new AuditQuery(dependent, "add-dependency", null, null, null, false, 50)).stream()
                .filter(r -> r.ok() && r.details() != null && r.details().equals(dependency))
                .findFirst();
    }

    /**
     * The newest audit record of a deactivation of the component, for a component simply inactive.
     *
     * @param id the component
     * @return the record, when the audit log has it
     */
    Optional<AuditRecord> lastDeactivation(String id) {
        return audit.apply(new AuditQuery(id, "deactivate", null, null, null, false, 1)).stream()
                .findFirst();
    }

    private Optional<AuditRecord> markedByHand(String id, Instant errorAt, String operation) {
        // the audit record is written once the change is durable: just after the error's own time
        return audit.apply(new AuditQuery(id, operation, null, errorAt.minusSeconds(2), null, false, 1)).stream()
                .filter(AuditRecord::ok)
                .findFirst();
    }

    static List<String> evidence(List<ErrorRecord> errors) {
        List<String> evidence = new ArrayList<>();
        for (int i = Math.max(0, errors.size() - EVIDENCE_ENTRIES); i < errors.size(); i++) {
            evidence.add("error at " + errors.get(i).at() + ": " + errors.get(i).message());
        }
        return evidence;
    }

    private static String lastMessage(ComponentRecord record) {
        List<ErrorRecord> errors = record.errors();
        return errors.isEmpty()
                ? "not a valid bundle"
                : errors.get(errors.size() - 1).message();
    }
}
