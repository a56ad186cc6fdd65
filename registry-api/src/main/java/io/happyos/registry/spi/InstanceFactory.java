package io.happyos.registry.spi;

import io.happyos.registry.RegistryEntry;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Creates, and disposes of, the instances of the components of one or more types. (Named so as not
 * to be mistaken for Declarative Services' {@code org.osgi.service.component.ComponentFactory}.)
 *
 * <p>Publish it as an OSGi service with the property {@value #TYPE_PROPERTY} (a string or an array
 * of strings); when several factories serve a type the one with the highest service ranking wins.
 * Or register it with {@link io.happyos.registry.Instances#registerInstanceFactory}. When a
 * factory goes away, the instances it made are disposed of; the next request uses the next factory.
 */
@ConsumerType
public interface InstanceFactory {

    /** The service property naming the component types a factory serves. */
    String TYPE_PROPERTY = "happyos.factory.type";

    /**
     * Creates the instance of an active component. Called at most once per component until the
     * instance is disposed of, on a registry thread, with a timeout.
     *
     * @param entry the component
     * @return its instance, never {@code null}
     * @throws Exception when it cannot be created; the caller of
     *     {@link io.happyos.registry.DynamicRegistry#getComponentInstance(String)} gets a
     *     {@link io.happyos.registry.RegistryException} with this as its cause
     */
    Object create(RegistryEntry entry) throws Exception;

    /**
     * Releases an instance this factory created: the component was deactivated or unregistered,
     * its cache entry expired, or the factory is going away. Does nothing by default.
     *
     * @param entry the component, as it was when the instance was disposed of
     * @param instance what {@link #create} returned
     * @throws Exception logged; the instance is forgotten all the same
     */
    default void dispose(RegistryEntry entry, Object instance) throws Exception {
        // nothing to release by default
    }
}
