/**
 * Extension points of the registry, implemented by plugin authors and published as OSGi services
 * (the whiteboard pattern) or registered through {@link io.happyos.registry.DynamicRegistry}:
 * {@link io.happyos.registry.spi.InstanceFactory}, {@link io.happyos.registry.spi.LifecycleHook}
 * and {@link io.happyos.registry.spi.StatusListener}.
 *
 * <p>The registry calls them on threads of its own, with a timeout; one that throws, hangs or goes
 * away in the middle of a call never takes the registry down.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.1.0")
package io.happyos.registry.spi;
