package io.happyos.registry.shell.internal;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.StatusChange;
import java.time.temporal.ChronoUnit;

/** Status changes as people and scripts read them. */
final class EventText {

    private EventText() {}

    /**
     * One change on one line: {@code 2025-01-02T03:04:05.123Z  logger  REGISTERED → ACTIVE}; a
     * registration comes from {@code (new)}, a removal goes to {@code (removed)}.
     *
     * @param change the change
     * @param ansi what the output can show
     * @return the line
     */
    static String line(StatusChange change, Ansi ansi) {
        return change.at().truncatedTo(ChronoUnit.MILLIS) + "  " + change.id() + "  "
                + status(change.from(), "(new)", ansi) + " " + ansi.glyph("\u2192", "->") + " "
                + status(change.to(), "(removed)", ansi);
    }

    private static String status(ComponentStatus status, String none, Ansi ansi) {
        return status == null ? none : ansi.value(status);
    }

    /**
     * One change as JSON.
     *
     * @param change the change
     * @return {@code {"sequence","id","from","to","at"}}, {@code from} null for a registration,
     *     {@code to} null for a removal, {@code at} ISO-8601
     */
}
