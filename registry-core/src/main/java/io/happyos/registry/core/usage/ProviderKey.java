package io.happyos.registry.core.usage;

import io.happyos.registry.DynamicRegistry;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * What a use is counted against. Service lookups are counted by what a service reference says of
 * itself, so that the find hook never touches the registry's entries: a DS component by its bundle
 * and {@code component.name}, a named service by its bundle and
 * {@value DynamicRegistry#COMPONENT_NAME_PROPERTY}. Such a key outlives the service registration,
 * so a component whose service comes and goes keeps its counts. Instance calls are counted by
 * component id.
 *
 * @param kind what kind of provider
 * @param bundleId the bundle that registers the service, or -1 for an instance key
 * @param name the component name the service carries, or the component id for an instance key
 */
record ProviderKey(Kind kind, long bundleId, String name) {

    /** The service property Service Component Runtime sets to a DS component's name. */
    static final String DS_NAME = "component.name";

    /** What kind of provider a key stands for. */
    enum Kind {
        /** A DS component's services. */
        DS,
        /** Services registered with {@value DynamicRegistry#COMPONENT_NAME_PROPERTY}. */
        NAMED,
        /** A component's instance, obtained through the registry. */
        INSTANCE
    }

    /**
     * The key of a service reference.
     *
     * @param ref the reference
     * @return its key, or {@code null} when the service belongs to no component (or is gone)
     */
    static ProviderKey of(ServiceReference<?> ref) {
        Object ds = ref.getProperty(DS_NAME);
        Object named = ds == null ? ref.getProperty(DynamicRegistry.COMPONENT_NAME_PROPERTY) : null;
        if (ds == null && named == null) {
            return null;
        }
        Bundle bundle = ref.getBundle();
        if (bundle == null) {
            return null;
        }
        return ds != null
                ? new ProviderKey(Kind.DS, bundle.getBundleId(), ds.toString())
                : new ProviderKey(Kind.NAMED, bundle.getBundleId(), named.toString());
    }

    /**
     * The key of a component's instance calls.
     *
     * @param componentId the component
     * @return the key
     */
    static ProviderKey instance(String componentId) {
        return new ProviderKey(Kind.INSTANCE, -1, componentId);
    }

    /**
     * The filter that finds the services of a service key now.
     *
     * @return an LDAP filter
     * @throws IllegalStateException for an instance key
     */
    String filter() {
        String bundle = "(service.bundleid=" + bundleId + ")";
        return switch (kind) {
            case DS -> "(&(" + DS_NAME + "=" + escape(name) + ")" + bundle + ")";
            case NAMED ->
                "(&(" + DynamicRegistry.COMPONENT_NAME_PROPERTY + "=" + escape(name) + ")" + bundle + "(!(" + DS_NAME
                        + "=*)))";
            case INSTANCE -> throw new IllegalStateException("an instance key has no services");
        };
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\")
                .replace("*", "\\*")
                .replace("(", "\\(")
                .replace(")", "\\)");
    }
}
