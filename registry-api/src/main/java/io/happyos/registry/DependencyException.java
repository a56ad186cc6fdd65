package io.happyos.registry;

/** A dependency cannot be added, removed or satisfied. */
public class DependencyException extends RegistryException {

    private static final long serialVersionUID = 1L;

    /**
     * An error with a message.
     *
     * @param message what went wrong and what to do
     */
    public DependencyException(String message) {
        super(message);
    }
}
