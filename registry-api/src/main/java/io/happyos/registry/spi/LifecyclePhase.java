package io.happyos.registry.spi;

/** The moments of a lifecycle operation at which {@link LifecycleHook}s are called. */
public enum LifecyclePhase {
    /** Before a component is registered; a hook that throws vetoes the registration. */
    PRE_REGISTRATION,
    /** After a component was registered. */
    POST_REGISTRATION,
    /** Before a component is activated (after its dependencies); a hook that throws vetoes it. */
    PRE_ACTIVATION,
    /** After a component was activated. */
    POST_ACTIVATION,
    /** Before a component is deactivated; a hook that throws vetoes the deactivation. */
    PRE_DEACTIVATION,
    /** After a component was deactivated. */
    POST_DEACTIVATION,
    /** Before a component is unregistered; a hook that throws vetoes it. */
    PRE_UNREGISTRATION,
    /** After a component was unregistered. */
    POST_UNREGISTRATION,
    /** A lifecycle operation on a component failed. */
    ON_ERROR;

    /** @return whether a hook that throws in this phase vetoes the operation */
    public boolean isPre() {
        return name().startsWith("PRE_");
    }
}
