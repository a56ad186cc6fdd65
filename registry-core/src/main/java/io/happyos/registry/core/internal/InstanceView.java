package io.happyos.registry.core.internal;

import io.happyos.registry.Instances;
import io.happyos.registry.Registration;
import io.happyos.registry.spi.InstanceFactory;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** {@link Instances}: the instance cache, disposal and factories registered through the API. */
final class InstanceView implements Instances {

    private final RegistryCore core;

    InstanceView(RegistryCore core) {
        this.core = core;
    }

    @Override
    public void enableInstanceCaching(int maxSize, Duration ttl) {
        core.instances.enableCaching(maxSize, Objects.requireNonNull(ttl, "ttl"));
    }

    @Override
    public boolean cleanupComponentInstance(String id) {
        core.store.record(id);
        return core.instances.cleanup(id);
    }

    @Override
    public List<String> cleanupIdleInstances(Duration idleFor) {
        return core.instances.cleanupIdle(Objects.requireNonNull(idleFor, "idleFor"));
    }

    @Override
    public Registration registerInstanceFactory(String type, InstanceFactory factory) {
        return core.whiteboard.registerFactory(
                Objects.requireNonNull(type, "type"), Objects.requireNonNull(factory, "factory"));
    }
}
