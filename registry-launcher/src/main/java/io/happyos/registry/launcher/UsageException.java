package io.happyos.registry.launcher;

/** A command line the launcher cannot make sense of; its message says what is wrong. */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
