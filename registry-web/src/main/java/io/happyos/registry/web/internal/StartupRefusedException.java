package io.happyos.registry.web.internal;

/**
 * The web bundle refuses to start, for a reason written for the user (a token file others may
 * read, a setting that cannot be used). The launcher recognises it by its simple name and prints
 * its message as the reason the container did not start.
 */
final class StartupRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    StartupRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
