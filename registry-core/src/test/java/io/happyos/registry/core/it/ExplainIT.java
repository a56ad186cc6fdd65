package io.happyos.registry.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.Cause;
import io.happyos.registry.CauseKind;
import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentNotFoundException;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.Explanation;
import io.happyos.registry.spi.LifecyclePhase;
import io.happyos.registry.testing.TestBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * {@code explain}: for each reason a component can be down, a bundle set that produces it, and the
 * root cause and fix the explanation must name.
 */
class ExplainIT extends FrameworkTestSupport {

    @TempDir
    Path dir;

    private Bundle manifestOnly(String name, Map<String, String> headers) throws Exception {
        return felix.install(TestBundle.builder(name).headers(headers).writeToFolder(dir));
    }

    private static Cause onlyRoot(Explanation explanation) {
        assertThat(explanation.healthy()).as(explanation.summary()).isFalse();
        List<Cause> roots = explanation.rootCauses();
        assertThat(roots).as("roots of %s", explanation).isNotEmpty();
        return roots.get(0);
    }

    @Test
    void anActiveComponentWithNothingWrongIsHealthy() throws Exception {
        startRegistry();
        install("base-util");
        join(registry.activateComponent("base-util"));

        Explanation why = registry.diagnostics().explain("base-util");

        assertThat(why.healthy()).isTrue();
        assertThat(why.causes()).isEmpty();
        assertThat(why.summary()).contains("base-util is ACTIVE");
        assertThatThrownBy(() -> registry.diagnostics().explain("no-such-thing"))
                .isInstanceOf(ComponentNotFoundException.class);
    }

    @Test
    void dynamicImportsNeverBlockAndTheRealBlockerIsTheOnlyRoot() throws Exception {
        startRegistry();
        manifestOnly(
                "console",
                Map.of(
                        "Import-Package",
                        "org.acme.logging;version=\"[1.7.0,2.0.0)\"",
                        "DynamicImport-Package",
                        "org.acme.obr,org.acme.prefs;version=\"[1.0,2)\",org.acme.extra.*"));

        Explanation why = registry.diagnostics().explain("console");

        assertThat(why.rootCauses()).extracting(Cause::kind).containsExactly(CauseKind.MISSING_REQUIREMENT);
        assertThat(why.rootCauses().get(0).fix()).contains("org.acme.logging");
        assertThat(why.toString()).doesNotContain("org.acme.obr").doesNotContain("org.acme.prefs");

        // with the blocker there, a console merely not activated yet is explained as such
        manifestOnly("logging", Map.of("Export-Package", "org.acme.logging;version=1.7.36"));
        Explanation registered = registry.diagnostics().explain("console");
        assertThat(registered.rootCauses()).extracting(Cause::kind).containsExactly(CauseKind.NOT_ACTIVATED);
        assertThat(registered.toString()).doesNotContain("org.acme.obr");
    }

    @Test
    void aDependencyInErrorByHandWhileItRunsIsTheRootOfADependentThatCannotStart() throws Exception {
        startRegistry();
        manifestOnly("chain-c", Map.of("Export-Package", "chain.c"));
        manifestOnly("chain-b", Map.of("Export-Package", "chain.b", "Import-Package", "chain.c"));
        manifestOnly("chain-a", Map.of("Import-Package", "chain.b"));
        join(registry.activateComponent("chain-a"));
        join(registry.lifecycle().markComponentError("chain-c", "boom"));
        join(registry.deactivateComponent("chain-a"));

        List<Cause> roots = registry.diagnostics().explain("chain-a").rootCauses();

        assertThat(roots).extracting(Cause::componentId).containsExactly("chain-c");
        assertThat(roots.get(0).kind()).isEqualTo(CauseKind.MARKED_ERROR);
    }

    @Test
    void aPackageNobodyExportsIsTheRootWithTheRangeAskedFor() throws Exception {
        startRegistry();
        manifestOnly("needs-log", Map.of("Import-Package", "com.acme.log;version=\"[1.2,2)\""));

        Cause root = onlyRoot(registry.diagnostics().explain("needs-log"));

        assertThat(root.kind()).isEqualTo(CauseKind.MISSING_REQUIREMENT);
        assertThat(root.componentId()).isEqualTo("needs-log");
        assertThat(root.fix()).isEqualTo("install a bundle providing package com.acme.log in [1.2.0,2.0.0)");
        assertThat(root.evidence()).anyMatch(e -> e.contains("nothing installed provides com.acme.log"));
    }

    @Test
    void aPackageInstalledInAnotherVersionNamesWhatIsInstalledInstead() throws Exception {
        startRegistry();
        manifestOnly("old-log", Map.of("Export-Package", "com.acme.log;version=1.0.0"));
        manifestOnly("needs-log", Map.of("Import-Package", "com.acme.log;version=\"[1.2,2)\""));

        Cause root = onlyRoot(registry.diagnostics().explain("needs-log"));

        assertThat(root.kind()).isEqualTo(CauseKind.WRONG_VERSION);
        assertThat(root.message())
                .contains("package com.acme.log in [1.2.0,2.0.0)")
                .contains("only package com.acme.log 1.0.0 from old-log 1.0.0 is installed");
        assertThat(root.fix()).contains("install a bundle providing package com.acme.log in [1.2.0,2.0.0)");
    }

    @Test
    void aProviderThatCannotResolveIsFollowedDownToItsOwnMissingRequirement() throws Exception {
        startRegistry();
        manifestOnly(
                "middle",
                Map.of(
                        "Export-Package",
                        "com.acme.api;version=1.0",
                        "Require-Capability",
                        "acme.storage;filter:=\"(acme.storage=sql)\""));
        manifestOnly("top", Map.of("Import-Package", "com.acme.api"));

        Explanation why = registry.diagnostics().explain("top");

        assertThat(why.causes().get(0).kind()).isEqualTo(CauseKind.PROVIDER_NOT_RESOLVED);
        Cause root = onlyRoot(why);
        assertThat(root.componentId()).isEqualTo("middle");
        assertThat(root.kind()).isEqualTo(CauseKind.MISSING_REQUIREMENT);
        assertThat(root.fix()).isEqualTo("install a bundle providing capability acme.storage sql");
    }

    @Test
    void aUsesConflictIsExplainedAsTwoVersionsOfOnePackage() throws Exception {
        startRegistry();
        manifestOnly("lib-v1", Map.of("Export-Package", "com.acme.model;version=1.0.0"));
        manifestOnly("lib-v2", Map.of("Export-Package", "com.acme.model;version=2.0.0"));
        Bundle api = manifestOnly(
                "api",
                Map.of(
                        "Export-Package",
                        "com.acme.api;version=1.0.0;uses:=\"com.acme.model\"",
                        "Import-Package",
                        "com.acme.model;version=\"[1,2)\""));
        Bundle consumer =
                manifestOnly("consumer", Map.of("Import-Package", "com.acme.api,com.acme.model;version=\"[2,3)\""));
        FrameworkWiring wiring = felix.framework().adapt(FrameworkWiring.class);
        assertThat(wiring.resolveBundles(List.of(api))).isTrue();
        assertThat(wiring.resolveBundles(List.of(consumer)))
                .as("the resolver must refuse consumer")
                .isFalse();

        Explanation why = registry.diagnostics().explain("consumer");
        Cause root = onlyRoot(why);

        assertThat(root.kind()).as(why.toString()).isEqualTo(CauseKind.USES_CONFLICT);
        assertThat(root.message())
                .contains("uses conflict on package com.acme.model")
                .contains("imports com.acme.api from api 1.0.0")
                .contains("package com.acme.model 1.0.0 from lib-v1 1.0.0")
                .contains("package com.acme.model 2.0.0 from lib-v2 1.0.0");
        assertThat(root.fix()).contains("make consumer import com.acme.model in a range that includes 1.0.0");
    }

    @Test
    void aDependencyChainIsFollowedToTheActivatorThatThrew() throws Exception {
        startRegistry();
        install("failing-activator");
        String middle = join(registry.registerComponent(ComponentInfo.of("middle", "service")));
        String top = join(registry.registerComponent(ComponentInfo.of("top", "service")));
        join(registry.dependencies().addDependency(middle, "failing-activator"));
        join(registry.dependencies().addDependency(top, middle));
        assertThatThrownBy(() -> join(registry.activateComponent(top))).hasMessageContaining("failing-activator");

        Explanation why = registry.diagnostics().explain(top);

        assertThat(why.causes()).extracting(Cause::kind).contains(CauseKind.DEPENDENCY_NOT_ACTIVE);
        Cause root = onlyRoot(why);
        assertThat(root.componentId()).isEqualTo("failing-activator");
        assertThat(root.kind()).isEqualTo(CauseKind.ACTIVATION_FAILED);
        assertThat(root.message()).contains("simulated start failure");
        assertThat(root.fix()).contains("fix the exception in failing-activator's activator");
        assertThat(why.summary()).startsWith("top is ERROR: ").contains("simulated start failure");
    }

    @Test
    void aHookThatVetoesIsNamedWithItsMessage() throws Exception {
        startRegistry();
        String id = join(registry.registerComponent(ComponentInfo.of("guarded", "service")));
        registry.lifecycle().registerLifecycleHook(LifecyclePhase.PRE_ACTIVATION, e -> {
            throw new IllegalStateException("maintenance window");
        });
        assertThatThrownBy(() -> join(registry.activateComponent(id))).hasMessageContaining("maintenance window");

        Cause root = onlyRoot(registry.diagnostics().explain(id));

        assertThat(root.kind()).isEqualTo(CauseKind.HOOK_FAILED);
        assertThat(root.message()).contains("maintenance window");
        assertThat(root.fix()).startsWith("fix the lifecycle hook ").endsWith("then registry:activate guarded");
    }

    @Test
    void anActivatorThatTimesOutIsNamed() throws Exception {
        startRegistry(Map.of(
                "happyos.activation.timeout",
                "1s",
                "happyos.test.slow.gate",
                dir.resolve("never").toString()));
        install("slow-activator");
        assertThatThrownBy(() -> join(registry.activateComponent("slow-activator")))
                .hasMessageContaining("timed out");

        Cause root = onlyRoot(registry.diagnostics().explain("slow-activator"));

        assertThat(root.kind()).isEqualTo(CauseKind.TIMED_OUT);
        assertThat(root.fix()).contains("happyos.activation.timeout");
    }

    @Test
    void anErrorSetByHandSaysWhoAndHowToClearIt() throws Exception {
        startRegistry();
        String id = join(registry.registerComponent(ComponentInfo.of("flaky", "service")));
        join(registry.lifecycle().markComponentError(id, "disk checks failing"));

        Cause root = onlyRoot(registry.diagnostics().explain(id));

        assertThat(root.kind()).isEqualTo(CauseKind.MARKED_ERROR);
        assertThat(root.message()).contains("disk checks failing");
        assertThat(root.fix()).endsWith("registry:clear flaky");
    }

    @Test
    void aComponentNeverActivatedSaysSo() throws Exception {
        startRegistry();
        install("base-util");

        Explanation why = registry.diagnostics().explain("base-util");

        assertThat(why.causes()).as(why.toString()).hasSize(1);
        assertThat(why.causes().get(0).kind()).isEqualTo(CauseKind.NOT_ACTIVATED);
        assertThat(why.causes().get(0).fix()).isEqualTo("activate it: registry:activate base-util");
    }

    @Test
    void aManifestCycleShowsItsPathAndTheRequirementsBehindIt() throws Exception {
        startRegistry();
        manifestOnly(
                "ping",
                Map.of(
                        "Provide-Capability",
                        "acme.peer;acme.peer=ping",
                        "Require-Capability",
                        "acme.peer;filter:=\"(acme.peer=pong)\""));
        manifestOnly(
                "pong",
                Map.of(
                        "Provide-Capability",
                        "acme.peer;acme.peer=pong",
                        "Require-Capability",
                        "acme.peer;filter:=\"(acme.peer=ping)\""));
        await().atMost(WAIT)
                .until(() -> registry.dependencies().getDependencies("ping").contains("pong"));

        Cause cycle = cycleCause("ping");

        assertThat(cycle.message()).contains("ping -> pong -> ping");
        assertThat(cycle.evidence())
                .anyMatch(e -> e.startsWith("ping -> pong: ") && e.contains("(acme.peer=pong)"))
                .anyMatch(e -> e.startsWith("pong -> ping: ") && e.contains("(acme.peer=ping)"));
        assertThat(cycle.fix()).startsWith("break the cycle ping -> pong -> ping");
    }

    @Test
    void aCycleClosedByAnExplicitDependencyNamesTheEdgeToRemoveAndWhoAddedIt() throws Exception {
        startRegistry();
        Bundle ping = manifestOnly("ping", Map.of("Provide-Capability", "acme.peer;acme.peer=ping"));
        manifestOnly("pong", Map.of("Provide-Capability", "acme.peer;acme.peer=pong"));
        join(registry.dependencies().addDependency("pong", "ping"));
        // ping's next version requires pong: with the explicit pong -> ping, a cycle
        Path next = TestBundle.builder("ping")
                .provideCapability("acme.peer;acme.peer=ping")
                .requireCapability("acme.peer;filter:=\"(acme.peer=pong)\"")
                .writeToFolder(dir.resolve("v2"));
        try (var in = Files.newInputStream(next)) {
            ping.update(in);
        }
        await().atMost(WAIT)
                .until(() -> registry.dependencies().getDependencies("ping").contains("pong"));

        Cause cycle = cycleCause("ping");

        assertThat(cycle.evidence()).anyMatch(e -> e.startsWith("pong -> ping: explicit dependency added at "));
        assertThat(cycle.fix())
                .startsWith("remove the explicit dependency pong -> ping added at ")
                .endsWith("(registry:undepend pong ping)");
    }

    @Test
    void anUnsatisfiedReferenceNamesTheServiceTheFilterAndTheCardinality() throws Exception {
        startRegistry(Map.of(), true);
        Bundle needy = felix.install(dsBundle(
                "needy-bundle",
                "needy",
                "<reference name=\"log\" interface=\"com.acme.Log\" cardinality=\"1..1\" target=\"(flavour=loud)\"/>"));
        join(registry.activateComponent("needy-bundle"));
        assertThat(needy.getState()).isEqualTo(Bundle.ACTIVE);
        awaitStatus("needy", ComponentStatus.REGISTERED);

        Cause root = onlyRoot(registry.diagnostics().explain("needy"));
        assertThat(root.kind()).isEqualTo(CauseKind.UNSATISFIED_REFERENCE);
        assertThat(root.message())
                .contains("reference log (1..1)")
                .contains("service com.acme.Log matching (flavour=loud)")
                .contains("no service of that interface is registered");
        assertThat(root.fix())
                .isEqualTo("install and start a bundle that registers a service com.acme.Log matching"
                        + " (flavour=loud) (the reference is mandatory)");

        Explanation bundle = registry.diagnostics().explain("needy-bundle");
        assertThat(bundle.status()).isEqualTo(ComponentStatus.ACTIVE);
        assertThat(bundle.healthy())
                .as("active, but its DS component is not satisfied")
                .isFalse();
        assertThat(onlyRoot(bundle).kind()).isEqualTo(CauseKind.UNSATISFIED_REFERENCE);
    }

    @Test
    void aQuarantinedFileGivesTheReason() throws Exception {
        startRegistry(Map.of(
                "happyos.bundles.dir",
                dir.toString(),
                "happyos.bundles.settle",
                "200ms",
                "happyos.bundles.rescan",
                "500ms"));
        await().atMost(WAIT)
                .until(() -> felix.context()
                                .getServiceReferences(DynamicRegistry.class, "(happyos.registry.state=ready)")
                                .size()
                        == 1);
        Files.write(dir.resolve("corrupt.jar"), new byte[] {1, 2, 3, 4, 5});
        awaitStatus("corrupt.jar", ComponentStatus.ERROR);

        Cause root = onlyRoot(registry.diagnostics().explain("corrupt.jar"));

        assertThat(root.kind()).isEqualTo(CauseKind.QUARANTINED);
        assertThat(root.message()).contains("quarantined").contains("not a ZIP");
        assertThat(root.fix()).startsWith("repair or rebuild corrupt.jar");
        assertThat(root.evidence()).anyMatch(e -> e.contains(".quarantine"));
    }

    /** A bundle with one DS component whose class never loads: it stays unsatisfied. */
    private Path dsBundle(String symbolicName, String component, String references) throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"" + component + "\">\n"
                + "  <implementation class=\"com.acme." + component + ".Impl\"/>\n  " + references + "\n"
                + "</scr:component>\n";
        return TestBundle.builder(symbolicName).component(component, xml).writeToFolder(dir);
    }

    /** The cycle cause {@code explain} gives for a component; fails when there is none. */
    private Cause cycleCause(String id) {
        return registry.diagnostics().explain(id).causes().stream()
                .filter(c -> c.kind() == CauseKind.CYCLE)
                .findFirst()
                .orElseThrow();
    }
}
