package io.happyos.registry.core.usage;

import io.happyos.registry.Dependency;
import io.happyos.registry.RegistryEntry;
import java.util.List;

/**
 * What drift analysis needs to know of one component, taken from the registry and the framework at
 * one moment.
 *
 * @param id the component
 * @param active whether it is ACTIVE
 * @param system whether it is one of the container's own (type {@code system})
 * @param ownerBundle the bundle behind it: its own, or the one that declares or registers it (a DS
 *     component, a named service); {@link RegistryEntry#NO_BUNDLE} for a component registered from
 *     code
 * @param ownerEntry the id of that bundle's entry (its own id for a bundle), or {@code null}
 * @param observable whether its use can be observed now (it offers services, or a factory makes its
 *     instances)
 * @param offers what it offers now, in words (one item per service, and the factory)
 * @param dependencies its dependency edges, every origin
 */
record ComponentFacts(
        String id,
        boolean active,
        boolean system,
        long ownerBundle,
        String ownerEntry,
        boolean observable,
        List<String> offers,
        List<Dependency> dependencies) {

    ComponentFacts {
        offers = List.copyOf(offers);
        dependencies = List.copyOf(dependencies);
    }
}
