package io.happyos.registry;

/** The base of every error the registry reports. Unchecked. */
public class RegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An error with a message.
     *
     * @param message what went wrong and, where it helps, what to do
     */
    public RegistryException(String message) {
        super(message);
    }

    /**
     * An error with a message and a cause.
     *
     * @param message what went wrong and, where it helps, what to do
     * @param cause the underlying failure
     */
    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
