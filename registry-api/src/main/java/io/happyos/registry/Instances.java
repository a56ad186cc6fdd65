package io.happyos.registry;

import io.happyos.registry.spi.InstanceFactory;
import java.time.Duration;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Component instances: the instance cache, disposal of instances, and instance factories for code
 * that is not a bundle (bundles publish an {@link InstanceFactory} service instead).
 * Reached through {@link DynamicRegistry#instances()}; the instances themselves are looked up with
 * {@link DynamicRegistry#getComponentInstance(String)}.
 */
@ProviderType
public interface Instances {

    /**
     * Keeps at most {@code maxSize} instances, evicting the least recently used and every instance
     * {@code ttl} after it was created; an evicted instance is disposed of and created again on the
     * next access. Without this call instances are kept until their component is deactivated.
     *
     * @param maxSize the most instances kept, at least 1
     * @param ttl how long an instance is kept after creation, positive
     * @throws IllegalArgumentException for a size below 1 or a non-positive ttl
     */
    void enableInstanceCaching(int maxSize, Duration ttl);

    /**
     * Disposes of a component's instance, if it has one.
     *
     * @param id the component's id
     * @return whether there was one
     * @throws ComponentNotFoundException for an unknown id
     */
    boolean cleanupComponentInstance(String id);

    /**
     * Disposes of the instances not accessed for a while.
     *
     * @param idleFor how long without an access
     * @return the ids whose instances were disposed of
     */
    List<String> cleanupIdleInstances(Duration idleFor);

    /**
     * Registers a factory for a component type, for code that is not a bundle (bundles publish a
     * {@link InstanceFactory} service). It ranks above every factory service of the type.
     *
     * @param type the component type
     * @param factory the factory
     * @return a handle whose {@link Registration#close()} removes it and disposes of its instances
     */
    Registration registerInstanceFactory(String type, InstanceFactory factory);
}
