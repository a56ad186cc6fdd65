package io.happyos.registry.core.servicecomponent;

import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.core.diagnose.ReferenceGap;
import io.happyos.registry.core.model.ComponentControl;
import io.happyos.registry.core.model.ComponentRecord;
import io.happyos.registry.core.model.ComponentStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * DS components, as Service Component Runtime describes them, as components: id = the component's
 * name, type = its {@value DynamicRegistry#COMPONENT_TYPE_PROPERTY} property or {@code service};
 * ACTIVE when satisfied, REGISTERED when enabled but unsatisfied, INACTIVE when disabled after being
 * active, ERROR when its activation failed. It depends on its bundle and on the components that
 * provide the services it references. The only class that touches the SCR API, which is optional.
 */
final class ScrComponents {

    private final BundleContext context;
    private final ComponentStore store;
    private final ServiceComponentRuntime scr;

    ScrComponents(BundleContext context, ComponentStore store, Object scr) {
        this.context = context;
        this.store = store;
        this.scr = (ServiceComponentRuntime) scr;
    }

    List<DesiredComponent> read() {
        List<DesiredComponent> result = new ArrayList<>();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            ComponentRecord bundle = store.findByBundle(d.bundle.id).orElse(null);
            if (bundle == null) {
                continue;
            }
            Object type = d.properties == null ? null : d.properties.get(DynamicRegistry.COMPONENT_TYPE_PROPERTY);
            Map<String, String> metadata = new TreeMap<>();
            metadata.put("DS-Component", d.implementationClass);
            metadata.put("Declared-By", bundle.id());
            ComponentInfo info = new ComponentInfo(
                    d.name,
                    type == null ? DynamicRegistry.TYPE_SERVICE : type.toString(),
                    bundle.info().path(),
                    bundle.info().moduleName(),
                    bundle.info().lastModified(),
                    bundle.info().version(),
                    metadata,
                    null);
            Collection<ComponentConfigurationDTO> configurations = scr.getComponentConfigurationDTOs(d);
            result.add(new DesiredComponent(
                    "ds:" + d.bundle.id + ":" + d.name,
                    info,
                    status(d, configurations),
                    failure(d, configurations),
                    new DsControl(d),
                    dependencies(d, bundle)));
        }
        return result;
    }

    /**
     * The references that keep a DS component from being satisfied.
     *
     * @param bundleId the declaring bundle
     * @param name the component's name
     * @return one gap per unsatisfied reference of each of its configurations
     */
    List<ReferenceGap> gaps(long bundleId, String name) {
        org.osgi.framework.Bundle bundle = context.getBundle(bundleId);
        ComponentDescriptionDTO d = bundle == null ? null : scr.getComponentDescriptionDTO(bundle, name);
        if (d == null) {
            return List.of();
        }
        List<ReferenceGap> gaps = new ArrayList<>();
        for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
            if (c.state != ComponentConfigurationDTO.UNSATISFIED_REFERENCE || c.unsatisfiedReferences == null) {
                continue;
            }
            for (UnsatisfiedReferenceDTO u : c.unsatisfiedReferences) {
                ReferenceDTO declared = null;
                for (ReferenceDTO r : d.references) {
                    if (r.name.equals(u.name)) {
                        declared = r;
                    }
                }
                String type = declared == null ? "(unknown interface)" : declared.interfaceName;
                gaps.add(new ReferenceGap(
                        d.name,
                        u.name,
                        type,
                        u.target,
                        declared == null ? "1..1" : declared.cardinality,
                        registered(type),
                        providersOf(type, d.name)));
            }
        }
        return gaps;
    }

    private int registered(String type) {
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(type, null);
            return refs == null ? 0 : refs.length;
        } catch (InvalidSyntaxException e) {
            return 0;
        }
    }

    private List<String> providersOf(String type, String self) {
        List<String> names = new ArrayList<>();
        for (ComponentDescriptionDTO other : scr.getComponentDescriptionDTOs()) {
            if (!other.name.equals(self)
                    && other.serviceInterfaces != null
                    && java.util.Arrays.asList(other.serviceInterfaces).contains(type)) {
                names.add(other.name);
            }
        }
        return names;
    }

    private ComponentStatus status(ComponentDescriptionDTO d, Collection<ComponentConfigurationDTO> configurations) {
        if (!scr.isComponentEnabled(d)) {
            return ComponentStatus.REGISTERED; // INACTIVE when it was active before, see ServiceComponents
        }
        boolean failed = false;
        for (ComponentConfigurationDTO c : configurations) {
            if (c.state == ComponentConfigurationDTO.ACTIVE || c.state == ComponentConfigurationDTO.SATISFIED) {
                return ComponentStatus.ACTIVE;
            }
            failed |= c.state == ComponentConfigurationDTO.FAILED_ACTIVATION;
        }
        return failed ? ComponentStatus.ERROR : ComponentStatus.REGISTERED;
    }

    private static String failure(ComponentDescriptionDTO d, Collection<ComponentConfigurationDTO> configurations) {
        for (ComponentConfigurationDTO c : configurations) {
            if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                return d.name + " failed to activate: " + c.failure;
            }
        }
        return null;
    }

    private Map<String, List<String>> dependencies(ComponentDescriptionDTO d, ComponentRecord bundle) {
        Map<String, List<String>> dependencies = new LinkedHashMap<>();
        dependencies.computeIfAbsent(bundle.id(), k -> new ArrayList<>()).add("declared by bundle " + bundle.id());
        for (ReferenceDTO reference : d.references) {
            String why = "reference " + reference.name + ": " + reference.interfaceName
                    + (reference.target == null ? "" : " " + reference.target) + " (" + reference.cardinality + ")";
            for (String provider : providers(reference, d)) {
                dependencies.computeIfAbsent(provider, k -> new ArrayList<>()).add(why);
            }
        }
        return dependencies;
    }

    /**
     * The components whose services match a reference: a DS component's own entry, else its
     * bundle; services of the framework itself are not dependencies.
     */
    private List<String> providers(ReferenceDTO reference, ComponentDescriptionDTO self) {
        ServiceReference<?>[] refs;
        try {
            refs = context.getAllServiceReferences(reference.interfaceName, reference.target);
        } catch (InvalidSyntaxException e) {
            return List.of();
        }
        List<String> providers = new ArrayList<>();
        for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
            Object dsName = ref.getProperty("component.name");
            String id = null;
            if (dsName != null && !dsName.equals(self.name)) {
                id = store.find(dsName.toString()).map(ComponentRecord::id).orElse(null);
            }
            if (id == null && ref.getBundle() != null && ref.getBundle().getBundleId() != 0) {
                id = store.findByBundle(ref.getBundle().getBundleId())
                        .map(ComponentRecord::id)
                        .orElse(null);
            }
            if (id != null && !providers.contains(id)) {
                providers.add(id);
            }
        }
        return providers;
    }

    /** Enables and disables a DS component through SCR. */
    private final class DsControl implements ComponentControl {
        private final ComponentDescriptionDTO description;

        DsControl(ComponentDescriptionDTO description) {
            this.description = description;
        }

        @Override
        public ComponentStatus enable(Duration timeout) throws Exception {
            scr.enableComponent(description).timeout(timeout.toMillis()).getValue();
            ComponentDescriptionDTO now =
                    scr.getComponentDescriptionDTO(context.getBundle(description.bundle.id), description.name);
            return now == null ? ComponentStatus.REGISTERED : status(now, scr.getComponentConfigurationDTOs(now));
        }

        @Override
        public void disable(Duration timeout) throws Exception {
            scr.disableComponent(description).timeout(timeout.toMillis()).getValue();
        }

        @Override
        public ServiceReference<?> service() {
            try {
                ServiceReference<?>[] refs = context.getAllServiceReferences(
                        null,
                        "(&(component.name=" + description.name + ")(service.bundleid=" + description.bundle.id + "))");
                return refs == null || refs.length == 0 ? null : refs[0];
            } catch (InvalidSyntaxException e) {
                return null;
            }
        }
    }
}
