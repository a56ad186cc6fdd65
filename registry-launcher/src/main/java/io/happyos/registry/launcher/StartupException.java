package io.happyos.registry.launcher;

/**
 * The container could not be started. The message says why and what to do, on one line (it is
 * what the launcher prints); the cause, when there is one, has the details.
 */
public final class StartupException extends Exception {

    private static final long serialVersionUID = 1L;

    StartupException(String message) {
        super(message);
    }

    StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
