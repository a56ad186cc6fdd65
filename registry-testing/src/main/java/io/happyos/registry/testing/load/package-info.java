/**
 * Generated bundles that load the JVM in known ways, for tests and benchmarks of resource
 * accounting: copy {@link io.happyos.registry.testing.load.LoadActivator} into a bundle with
 * {@code TestBundle.builder(name).activator(LoadActivator.class)}.
 */
package io.happyos.registry.testing.load;
