/**
 * The HappyOS registry API: the {@link io.happyos.registry.DynamicRegistry} service, the values it
 * returns ({@link io.happyos.registry.RegistryEntry}, {@link io.happyos.registry.ComponentInfo},
 * {@link io.happyos.registry.ComponentStatus}, {@link io.happyos.registry.Dependency}) and the
 * exceptions it reports.
 *
 * <p>Obtain the registry as an OSGi service from a {@code BundleContext}; every method may be called
 * from any thread.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.3.0")
package io.happyos.registry;
