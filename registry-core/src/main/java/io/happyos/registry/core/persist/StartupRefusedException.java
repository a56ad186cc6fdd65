package io.happyos.registry.core.persist;

import java.nio.file.Path;

/**
 * The container must not start: its database cannot be used as it is, and starting anyway would
 * lose or damage what it holds. The message is one line saying which file, what is wrong and
 * what to do; show it to the user as it is and stop.
 */
public class StartupRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message which file, what is wrong, what to do; one line
     * @param cause the underlying failure, or {@code null}
     */
    public StartupRefusedException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The file is not a database, or is damaged.
     *
     * @param file the database file
     * @param problem what SQLite found
     * @param backup the newest backup beside it, or {@code null} when there is none
     * @param cause the underlying failure, or {@code null}
     * @return the exception
     */
    static StartupRefusedException corrupt(Path file, String problem, Path backup, Throwable cause) {
        String restore =
                backup == null ? "restore it from a backup" : "restore the backup " + backup.getFileName() + " over it";
        return new StartupRefusedException(
                "Cannot start: " + file + " is not a usable registry database (" + oneLine(problem) + "); " + restore
                        + ", or start with --clean to begin with an empty registry.",
                cause);
    }

    /**
     * The file was written by a newer container.
     *
     * @param file the database file
     * @param found the schema version in the file
     * @param known the newest schema version this container knows
     * @param backup the newest backup beside it, or {@code null} when there is none
     * @return the exception
     */
    static StartupRefusedException newer(Path file, int found, int known, Path backup) {
        String restore = backup == null
                ? "restore the backup written before the last upgrade (none found beside it)"
                : "restore the backup written before the last upgrade (" + backup.getFileName() + ")";
        return new StartupRefusedException(
                "Cannot start: " + file + " has schema version " + found
                        + " but this container knows only up to version " + known + "; run a newer container, or "
                        + restore + ".",
                null);
    }

    /**
     * The file is locked by another container.
     *
     * @param file the database file
     * @param cause the underlying failure, or {@code null}
     * @return the exception
     */
    static StartupRefusedException inUse(Path file, Throwable cause) {
        return new StartupRefusedException(
                "Cannot start: " + file + " is in use by another container; stop that "
                        + "container first, or give this one another storage folder.",
                cause);
    }

    /**
     * The file cannot be opened or upgraded for another reason.
     *
     * @param file the database file
     * @param problem what went wrong
     * @param advice what to do
     * @param cause the underlying failure, or {@code null}
     * @return the exception
     */
    static StartupRefusedException unusable(Path file, String problem, String advice, Throwable cause) {
        return new StartupRefusedException(
                "Cannot start: " + file + ": " + oneLine(problem) + "; " + advice + ".", cause);
    }

    private static String oneLine(String text) {
        return text == null ? "unknown error" : text.replaceAll("\\s+", " ").trim();
    }
}
