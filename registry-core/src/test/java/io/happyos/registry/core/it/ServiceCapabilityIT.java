package io.happyos.registry.core.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.testing.EmbeddedFelix;
import io.happyos.registry.testing.TestBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The registry bundle declares the service it registers ({@code Provide-Capability: osgi.service}),
 * so a bundle can require the registry service and a resolver can find who provides it.
 */
class ServiceCapabilityIT extends FrameworkTestSupport {

    private static final String SERVICE_NAMESPACE = "osgi.service";
    private static final String REQUIREMENT =
            "osgi.service;filter:=\"(objectClass=" + DynamicRegistry.class.getName() + ")\"";

    private Bundle registryBundle() {
        return felix.context().getServiceReference(DynamicRegistry.class).getBundle();
    }

    private static Bundle installRequirer(EmbeddedFelix framework, String name, String requirement) throws Exception {
        Path dir = Files.createTempDirectory("service-capability-");
        return framework.install(TestBundle.builder(name)
                .importPackage("io.happyos.registry")
                .requireCapability(requirement)
                .writeToFolder(dir));
    }

    private static boolean resolve(EmbeddedFelix framework, Bundle bundle) {
        return framework.context().getBundle(0).adapt(FrameworkWiring.class).resolveBundles(List.of(bundle));
    }

    @Test
    void theRegistryBundleProvidesTheServiceCapabilityItRegisters() throws Exception {
        startRegistry();
        Bundle core = registryBundle();

        List<BundleCapability> declared = core.adapt(BundleRevision.class).getDeclaredCapabilities(SERVICE_NAMESPACE);
        assertThat(declared).hasSize(1);
        BundleCapability capability = declared.get(0);
        assertThat(capability.getAttributes()).containsEntry("objectClass", List.of(DynamicRegistry.class.getName()));
        assertThat(capability.getDirectives()).containsEntry("uses", "io.happyos.registry");
        assertThat(core.adapt(BundleWiring.class).getCapabilities(SERVICE_NAMESPACE))
                .hasSize(1);
    }

    @Test
    void aBundleRequiringTheRegistryServiceAtRuntimeStartsAndFindsIt() throws Exception {
        startRegistry();
        Bundle client = installRequirer(felix, "needs-registry-active", REQUIREMENT + ";effective:=active");
        client.start();

        assertThat(client.getState()).isEqualTo(Bundle.ACTIVE);
        BundleRequirement requirement = client.adapt(BundleRevision.class)
                .getDeclaredRequirements(SERVICE_NAMESPACE)
                .get(0);
        List<BundleCapability> provided =
                registryBundle().adapt(BundleWiring.class).getCapabilities(SERVICE_NAMESPACE);
        assertThat(provided).anyMatch(requirement::matches);
        ServiceReference<DynamicRegistry> ref = client.getBundleContext().getServiceReference(DynamicRegistry.class);
        assertThat(ref.getBundle()).isEqualTo(registryBundle());
    }

    @Test
    void aResolveTimeRequirementIsWiredToTheRegistryBundle() throws Exception {
        startRegistry();
        Bundle client = installRequirer(felix, "needs-registry", REQUIREMENT);

        assertThat(resolve(felix, client)).isTrue();
        List<BundleWire> wires = client.adapt(BundleWiring.class).getRequiredWires(SERVICE_NAMESPACE);
        assertThat(wires).extracting(wire -> wire.getProvider().getBundle()).containsExactly(registryBundle());
    }

    @Test
    void withoutTheRegistryTheSameRequirementDoesNotResolve() throws Exception {
        felix = EmbeddedFelix.start(Map.of()); // the API packages from the system bundle, no registry bundle
        Bundle client = installRequirer(felix, "needs-registry", REQUIREMENT);
        Bundle control = installRequirer(
                felix, "needs-nothing", "happyos.test;filter:=\"(!(absent=*))\";" + "resolution:=optional");

        assertThat(resolve(felix, control)).as("the API package alone resolves").isTrue();
        assertThat(resolve(felix, client)).isFalse();
        assertThat(client.getState()).isEqualTo(Bundle.INSTALLED);
    }
}
