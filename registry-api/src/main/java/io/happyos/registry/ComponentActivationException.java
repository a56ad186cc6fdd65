package io.happyos.registry;

/** A component could not be activated (or deactivated). */
public class ComponentActivationException extends RegistryException {

    private static final long serialVersionUID = 1L;

    /** The id of the component concerned. */
    private final String componentId;

    /**
     * The error for a failed activation.
     *
     * @param componentId the component that failed
     * @param message what went wrong and what to do
     * @param cause the underlying failure, or {@code null}
     */
    public ComponentActivationException(String componentId, String message, Throwable cause) {
        super(message, cause);
        this.componentId = componentId;
    }

    /**
     * The component that failed.
     *
     * @return its id
     */
    public String componentId() {
        return componentId;
    }
}
