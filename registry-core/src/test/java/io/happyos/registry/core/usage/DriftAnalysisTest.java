package io.happyos.registry.core.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.happyos.registry.ConsumerUsage;
import io.happyos.registry.Dependency;
import io.happyos.registry.DependencyOrigin;
import io.happyos.registry.DriftItem;
import io.happyos.registry.DriftReport;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.ServiceUsage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriftAnalysisTest {

    private static final Instant T0 = Instant.parse("2025-01-02T03:04:05Z");

    private final List<ComponentFacts> components = new ArrayList<>();
    private final Map<String, List<ConsumerUsage>> uses = new HashMap<>();

    /** A bundle entry (its own owner). */
    private DriftAnalysisTest bundle(String id, long bundleId, boolean observable, Dependency... deps) {
        components.add(new ComponentFacts(
                id,
                true,
                false,
                bundleId,
                id,
                observable,
                observable ? List.of("service com.acme.Api (service.id " + bundleId + ")") : List.of(),
                List.of(deps)));
        return this;
    }

    /** A service component of a bundle. */
    private DriftAnalysisTest service(String id, String owner, long ownerBundle, boolean active, Dependency... deps) {
        components.add(new ComponentFacts(
                id,
                active,
                false,
                ownerBundle,
                owner,
                active,
                active ? List.of("service com.acme." + id) : List.of(),
                List.of(deps)));
        return this;
    }

    private DriftAnalysisTest system(String id, long bundleId) {
        components.add(new ComponentFacts(id, true, true, bundleId, id, false, List.of(), List.of()));
        return this;
    }

    private DriftAnalysisTest used(String component, String consumer, long consumerBundle, long lookups, long calls) {
        uses.computeIfAbsent(component, k -> new ArrayList<>())
                .add(new ConsumerUsage(
                        consumer,
                        consumerBundle,
                        consumer == null ? "gone-" + consumerBundle : consumer,
                        lookups,
                        calls,
                        false,
                        T0.plusSeconds(1),
                        T0.plusSeconds(2)));
        return this;
    }

    private DriftReport report() {
        Map<String, ServiceUsage> usage = new HashMap<>();
        uses.forEach((id, list) -> usage.put(id, new ServiceUsage(id, T0, true, List.of(), list)));
        return new DriftAnalysis(T0, components, usage).report();
    }

    private static Dependency declared(String id) {
        return new Dependency(
                id, DependencyOrigin.DECLARED, "osgi.wiring.package;filter:=\"(osgi.wiring.package=" + id + ")\"");
    }

    private static Dependency explicit(String id) {
        return new Dependency(id, DependencyOrigin.EXPLICIT, null);
    }

    @Test
    void aUseWithoutAnEdgeIsUndeclaredAndAnEdgeToTheComponentOrItsBundleOrFromASiblingDeclaresIt() {
        bundle("provider", 10, false)
                .service("echo", "provider", 10, true)
                .bundle("sneaky", 11, false)
                .bundle("direct", 12, false, explicit("echo"))
                .bundle("via-bundle", 13, false, declared("provider"))
                .bundle("via-ds", 14, false)
                .service("ds-of-14", "via-ds", 14, true, declared("echo"))
                .used("echo", "sneaky", 11, 12, 1)
                .used("echo", "direct", 12, 1, 0)
                .used("echo", "via-bundle", 13, 1, 0)
                .used("echo", "via-ds", 14, 1, 0)
                .used("echo", "provider", 10, 3, 0); // its own bundle: no dependency needed

        DriftReport report = report();

        assertThat(report.undeclared())
                .extracting(DriftItem::consumer, DriftItem::component, DriftItem::lookups, DriftItem::instanceCalls)
                .containsExactly(tuple("sneaky", "echo", 12L, 1L));
        assertThat(report.undeclared().get(0).evidence())
                .isEqualTo("sneaky used echo: looked up its service 12 times,"
                        + " obtained its instance from the registry 1 time, holds none of its services now (first seen"
                        + " 2025-01-02T03:04:06Z, last seen 2025-01-02T03:04:07Z); but neither sneaky nor any component of it"
                        + " declares a dependency on echo or on provider, which provides it. Fix: declare it (Import-Package,"
                        + " Require-Capability or a DS reference), or run registry:depend sneaky echo");
    }

    @Test
    void theContainersOwnBundlesAndConsumersWithoutAnEntryMakeNoUndeclaredItem() {
        bundle("provider", 10, true)
                .system("io.happyos.registry.shell", 3)
                .used("provider", "io.happyos.registry.shell", 3, 0, 5)
                .used("provider", null, 99, 4, 0);
        assertThat(report().undeclared()).isEmpty();
        assertThat(report().neverUsed()).isEmpty(); // the shell's use is a use
    }

    @Test
    void aDeclaredDependencyIsUnusedOnlyWhenItsUseIsObservableAndNothingOfItWasObtained() {
        bundle("library", 20, false) // exports packages only: not observable
                .bundle("provider", 21, false)
                .service("echo", "provider", 21, true)
                .bundle("logger", 22, true)
                .bundle(
                        "user",
                        23,
                        false,
                        declared("library"),
                        declared("provider"),
                        declared("logger"),
                        explicit("logger"))
                .used("echo", "user", 23, 2, 0);

        DriftReport report = report();

        assertThat(report.unused())
                .extracting(DriftItem::consumer, DriftItem::component)
                .containsExactly(tuple("user", "logger"));
        assertThat(report.unused().get(0).evidence())
                .contains(
                        "user declares a dependency on logger (declared: osgi.wiring.package;filter:=\"(osgi.wiring.package=logger)\";"
                                + " explicit) but it obtained nothing logger offers (logger: service com.acme.Api (service.id 22))",
                        "since 2025-01-02T03:04:05Z: 0 lookups, 0 instance calls",
                        "It also imports code from logger (Import-Package or Require-Bundle)",
                        "registry:undepend user logger");
    }

    @Test
    void aDependencyThatOnlyImportsCodeIsNeverReportedUnused() {
        // the demo's calculator-skill requires base-util's bundle for its classes, and never looks up its service
        bundle("base-util", 24, true)
                .bundle(
                        "calculator",
                        25,
                        false,
                        new Dependency(
                                "base-util",
                                DependencyOrigin.DECLARED,
                                "osgi.wiring.bundle;filter:=\"(osgi.wiring.bundle=base-util)\""),
                        declared("base-util"));

        assertThat(report().unused()).isEmpty();
    }

    @Test
    void aDependentThatIsNotActiveCannotHaveUsedAnythingAndIsNotReported() {
        bundle("logger", 60, true);
        components.add(new ComponentFacts(
                "stopped", false, false, 61, "stopped", false, List.of(), List.of(declared("logger"))));
        assertThat(report().unused()).isEmpty();
    }

    @Test
    void aServiceComponentsUnusedDependencyNamesItsBundleAndEdgesToItsOwnBundleDoNotCount() {
        bundle("logger", 30, true)
                .bundle("greeting-skill", 31, false)
                .service(
                        "greeting",
                        "greeting-skill",
                        31,
                        true,
                        new Dependency(
                                "greeting-skill", DependencyOrigin.DECLARED, "declared by bundle greeting-skill"),
                        new Dependency("logger", DependencyOrigin.DECLARED, "reference log: com.acme.Log (1..1)"));

        DriftReport report = report();

        assertThat(report.unused())
                .extracting(DriftItem::consumer, DriftItem::component)
                .containsExactly(tuple("greeting", "logger"));
        assertThat(report.unused().get(0).evidence())
                .contains("but its bundle greeting-skill obtained nothing", "remove the requirement from the manifest")
                .doesNotContain("imports code");
    }

    @Test
    void neverUsedListsActiveObservableComponentsThatOnlyTheirOwnBundleUsed() {
        bundle("quiet", 40, true)
                .bundle("busy", 41, true)
                .bundle("plain", 42, false)
                .service("off", "plain", 42, false)
                .service("self-used", "plain", 42, true)
                .used("busy", "plain", 42, 1, 0)
                .used("self-used", "plain", 42, 9, 0);

        assertThat(report().neverUsed()).extracting(DriftItem::component).containsExactly("quiet", "self-used");
        assertThat(report().neverUsed().get(0).evidence())
                .isEqualTo(
                        "quiet is active and offers service com.acme.Api"
                                + " (service.id 40), but no other bundle looked it up, held it or obtained its instance since"
                                + " 2025-01-02T03:04:05Z (0 lookups, 0 instance calls). Fix: if nothing needs it, deactivate or remove it");
    }

    @Test
    void componentsRegisteredFromCodeAreNeverDependentsInTheUnusedList() {
        bundle("logger", 50, true);
        components.add(new ComponentFacts(
                "planner", true, false, RegistryEntry.NO_BUNDLE, null, false, List.of(), List.of(declared("logger"))));
        used("logger", "other", 51, 1, 0);
        assertThat(report().unused()).isEmpty();
        assertThat(report().isEmpty()).isTrue();
    }
}
