package io.happyos.registry;

/**
 * A component is held back from activating for a reason that is not an error: a singleton that
 * runs on another node of a cluster, a quota reached. A {@link io.happyos.registry.spi.LifecycleHook}
 * of the {@code PRE_ACTIVATION} phase throws it to keep a component from activating; the component
 * then stays (or becomes) {@link ComponentStatus#INACTIVE}, nothing is added to its error history,
 * and the activation fails with a {@code ComponentHeldException} whose message is
 * {@code "ID is held: REASON"}. {@link Diagnostics#explain} reports the reason as a
 * {@link CauseKind#HELD} cause until the component is activated or unregistered.
 *
 * @since 2.1
 */
public class ComponentHeldException extends ComponentActivationException {

    private static final long serialVersionUID = 1L;

    /** Why the component is held back. */
    private final String reason;

    /**
     * The exception for a component held back.
     *
     * @param componentId the component held back
     * @param reason why, in words ("singleton running on node beta")
     */
    public ComponentHeldException(String componentId, String reason) {
        super(componentId, componentId + " is held: " + reason, null);
        this.reason = reason;
    }

    /**
     * Why the component is held back.
     *
     * @return the reason, as given
     */
    public String reason() {
        return reason;
    }
}
