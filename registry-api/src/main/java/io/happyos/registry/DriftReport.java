package io.happyos.registry;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Declared versus observed dependencies: where the dependency graph and usage telemetry (see
 * {@link ServiceUsage}) disagree, since the registry started.
 *
 * <p>Use is observable only for components that offer something: services (a DS component, a
 * service named with {@value DynamicRegistry#COMPONENT_NAME_PROPERTY}, a bundle's own named
 * service) or instances made by a {@code InstanceFactory}. A dependency on a component that offers
 * neither (a library bundle that only exports packages, say) is never reported as unused, and a
 * dependency used only through classes is invisible: {@link #unused()} means "no service or instance
 * of it was obtained", not "its packages are not loaded". The container's own bundles (type
 * {@value DynamicRegistry#TYPE_SYSTEM}: the shell, Gogo, SCR, the framework, and so an application
 * embedding the container) cannot declare dependencies: their uses count as uses but never make an
 * undeclared item, and their own components are not reported. A bundle using its own components
 * is not a dependency, and does not count as a use.
 *
 * @param observedSince when telemetry started counting (the registry's start)
 * @param undeclared used but not declared: a consumer bundle looked up, held or obtained the
 *     instance of a component, but neither its entry nor any component it declares has a dependency
 *     (of any origin, explicit ones included) on that component or on the bundle that provides it;
 *     sorted by consumer, then component
 * @param unused declared but never used: an active component has a dependency on a component whose
 *     use is observable, but its bundle obtained none of the services or instances of it (or, for a
 *     bundle, of the service components it provides); sorted by consumer, then component
 * @param neverUsed active components whose use is observable that no other bundle looked up, held
 *     or obtained since the registry started; sorted by component
 */
public record DriftReport(
        Instant observedSince, List<DriftItem> undeclared, List<DriftItem> unused, List<DriftItem> neverUsed) {

    /**
     * Checks and copies the fields.
     *
     * @param observedSince when telemetry started counting
     * @param undeclared used but not declared
     * @param unused declared but never used
     * @param neverUsed never used since the start
     * @throws NullPointerException when {@code observedSince} is null
     */
    public DriftReport {
        Objects.requireNonNull(observedSince, "observedSince");
        undeclared = undeclared == null ? List.of() : List.copyOf(undeclared);
        unused = unused == null ? List.of() : List.copyOf(unused);
        neverUsed = neverUsed == null ? List.of() : List.copyOf(neverUsed);
    }

    /**
     * Whether declarations and observations agree.
     *
     * @return {@code true} when all three lists are empty
     */
    public boolean isEmpty() {
        return undeclared.isEmpty() && unused.isEmpty() && neverUsed.isEmpty();
    }
}
