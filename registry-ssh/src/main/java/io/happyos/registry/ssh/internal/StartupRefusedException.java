package io.happyos.registry.ssh.internal;

/**
 * The SSH bundle refuses to start, for a reason written for the user (an authorized_keys file that
 * cannot be read, an address that cannot be bound). The launcher recognises it by its simple name and
 * prints its message as the reason the container did not start.
 */
final class StartupRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    StartupRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
