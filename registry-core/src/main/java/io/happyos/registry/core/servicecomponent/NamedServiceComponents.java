package io.happyos.registry.core.servicecomponent;

import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.RegistryException;
import io.happyos.registry.core.model.ComponentControl;
import io.happyos.registry.core.model.ComponentRecord;
import io.happyos.registry.core.model.ComponentStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Services registered with {@value DynamicRegistry#COMPONENT_NAME_PROPERTY} under a name of their
 * own (not their bundle's, which makes them that bundle's instance, nor a DS component's) are
 * components: active while registered, depending on the bundle that registers them.
 */
final class NamedServiceComponents {

    private static final String DS_NAME = "component.name";

    private final BundleContext context;
    private final ComponentStore store;

    NamedServiceComponents(BundleContext context, ComponentStore store) {
        this.context = context;
        this.store = store;
    }

    List<DesiredComponent> read() {
        ServiceReference<?>[] refs;
        try {
            refs = context.getAllServiceReferences(null, "(" + DynamicRegistry.COMPONENT_NAME_PROPERTY + "=*)");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<DesiredComponent> result = new ArrayList<>();
        for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
            String name = String.valueOf(ref.getProperty(DynamicRegistry.COMPONENT_NAME_PROPERTY));
            ComponentRecord owner = ref.getBundle() == null
                    ? null
                    : store.findByBundle(ref.getBundle().getBundleId()).orElse(null);
            if (owner == null || owner.info().name().equals(name) || ref.getProperty(DS_NAME) != null) {
                continue;
            }
            Object type = ref.getProperty(DynamicRegistry.COMPONENT_TYPE_PROPERTY);
            Map<String, String> metadata = new TreeMap<>();
            metadata.put("Service-Id", String.valueOf(ref.getProperty("service.id")));
            metadata.put("Registered-By", owner.id());
            ComponentInfo info = new ComponentInfo(
                    name,
                    type == null ? DynamicRegistry.TYPE_SERVICE : type.toString(),
                    owner.info().path(),
                    owner.info().moduleName(),
                    owner.info().lastModified(),
                    owner.info().version(),
                    metadata,
                    null);
            result.add(new DesiredComponent(
                    "service:" + ref.getProperty("service.id"),
                    info,
                    ComponentStatus.ACTIVE,
                    null,
                    new FixedService(ref, owner.id()),
                    Map.of(owner.id(), List.of("registered by bundle " + owner.id()))));
        }
        return result;
    }

    /** A plain service: on while registered; it is switched with the bundle that registers it. */
    private record FixedService(ServiceReference<?> ref, String owner) implements ComponentControl {

        @Override
        public ComponentStatus enable(Duration timeout) {
            return ref.getBundle() == null ? ComponentStatus.INACTIVE : ComponentStatus.ACTIVE;
        }

        @Override
        public void disable(Duration timeout) {
            throw new RegistryException("a plain service cannot be deactivated on its own: deactivate the bundle"
                    + " that registers it (" + owner + ")");
        }

        @Override
        public String switchedWith() {
            return owner;
        }

        @Override
        public ServiceReference<?> service() {
            return ref.getBundle() == null ? null : ref;
        }
    }
}
