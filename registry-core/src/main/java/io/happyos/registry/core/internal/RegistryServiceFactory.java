package io.happyos.registry.core.internal;

import io.happyos.registry.DynamicRegistry;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;

/**
 * Hands each bundle its own {@link BundleRegistry}, naming the bundle as the caller; the framework
 * caches it per bundle while the bundle uses the service.
 */
final class RegistryServiceFactory implements ServiceFactory<DynamicRegistry> {

    private final RegistryCore core;

    RegistryServiceFactory(RegistryCore core) {
        this.core = core;
    }

    @Override
    public DynamicRegistry getService(Bundle bundle, ServiceRegistration<DynamicRegistry> registration) {
        return new BundleRegistry(core, Caller.of(bundle));
    }

    @Override
    public void ungetService(
            Bundle bundle, ServiceRegistration<DynamicRegistry> registration, DynamicRegistry service) {
        // a bundle's registry object holds nothing of its own
    }
}
