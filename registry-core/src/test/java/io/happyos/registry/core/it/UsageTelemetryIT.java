package io.happyos.registry.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.ComponentNotFoundException;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.ConsumerUsage;
import io.happyos.registry.DriftItem;
import io.happyos.registry.DriftReport;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.ServiceUsage;
import io.happyos.registry.core.it.usage.EchoProvider;
import io.happyos.registry.core.it.usage.ServiceUser;
import io.happyos.registry.core.it.usage.api.Echo;
import io.happyos.registry.testing.TestBundle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Usage telemetry in a real framework: lookups counted by the find hook per consumer bundle,
 * instance calls per calling bundle, services held, and drift between declared and observed use.
 * The provider and consumer bundles are written by the test from classes compiled with it.
 */
class UsageTelemetryIT extends FrameworkTestSupport {

    private static final String ECHO = Echo.class.getName();
    private static final String API_PACKAGE = Echo.class.getPackageName();

    @TempDir
    Path dir;

    /** usage-provider: exports the Echo interface and registers the named services echo and spare. */
    private Bundle startProvider() throws Exception {
        Bundle provider = felix.install(TestBundle.builder("usage-provider")
                .activator(EchoProvider.class)
                .importPackage("org.osgi.framework")
                .exportPackage(API_PACKAGE + ";version=1.0.0")
                .provideCapability("happyos.service;happyos.service=usage")
                .classes(Echo.class)
                .writeToFolder(dir));
        provider.start();
        awaitActive("echo");
        awaitActive("spare");
        return provider;
    }

    /** A consumer bundle running {@link ServiceUser} with these headers. */
    private Bundle startUser(String name, Map<String, String> headers) throws Exception {
        Map<String, String> all = new HashMap<>(Map.of(
                "Bundle-Activator",
                ServiceUser.class.getName(),
                "Import-Package",
                "org.osgi.framework,io.happyos.registry"));
        all.putAll(headers);
        Bundle user = felix.install(
                TestBundle.builder(name).headers(all).classes(ServiceUser.class).writeToFolder(dir));
        user.start();
        return user;
    }

    private void awaitActive(String id) {
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        registry.findComponent(id).map(RegistryEntry::status).orElse(null) == ComponentStatus.ACTIVE);
    }

    @Test
    void countsTheLookupsAndInstanceCallsOfAKnownConsumerBundleAndWhetherItHoldsTheService() throws Exception {
        startRegistry();
        startProvider();
        Bundle consumer = startUser(
                "usage-counter",
                Map.of(
                        ServiceUser.SERVICE,
                        ECHO,
                        ServiceUser.LOOKUPS,
                        "7",
                        ServiceUser.HOLD,
                        "true",
                        ServiceUser.INSTANCE_OF,
                        "echo",
                        ServiceUser.INSTANCE_CALLS,
                        "3"));

        ServiceUsage usage = registry.diagnostics().getServiceUsage("echo");
        assertThat(usage.consumers())
                .extracting(
                        ConsumerUsage::consumer,
                        ConsumerUsage::bundleId,
                        ConsumerUsage::lookups,
                        ConsumerUsage::instanceCalls,
                        ConsumerUsage::inUse)
                .containsExactly(tuple("usage-counter", consumer.getBundleId(), 7L, 3L, true));
        ConsumerUsage counter = usage.consumer("usage-counter");
        assertThat(counter.firstSeen()).isAfterOrEqualTo(usage.observedSince()).isBeforeOrEqualTo(counter.lastSeen());
        assertThat(usage.observable()).isTrue();
        assertThat(usage.services()).singleElement().asString().contains(ECHO);

        // lookups through the consumer's own context go on counting; a listing of everything does not
        BundleContext context = consumer.getBundleContext();
        for (int i = 0; i < 5; i++) {
            context.getServiceReferences(ECHO, null);
        }
        context.getServiceReferences((String) null, "(happyos.component.name=echo)");
        context.getAllServiceReferences(null, null);
        assertThat(registry.diagnostics()
                        .getServiceUsage("echo")
                        .consumer("usage-counter")
                        .lookups())
                .isEqualTo(13);

        // the test calls through the system bundle's view of the registry
        registry.getComponentInstance("echo");
        registry.getComponentInstance("echo", Object.class); // the typed call counts once
        assertThat(registry.diagnostics().getServiceUsage("echo").consumer("org.apache.felix.framework"))
                .extracting(ConsumerUsage::lookups, ConsumerUsage::instanceCalls)
                .containsExactly(0L, 2L);
        // a bundle's instance call increments its usage counter only; the entry's access count and
        // the registry's lookups count what that counter counts, once
        assertThat(registry.getComponent("echo").accessCount()).isEqualTo(5);
        assertThat(registry.diagnostics().getPerformanceMetrics().lookups()).isEqualTo(5);
        registry.getComponentInstance("echo");
        assertThat(registry.getComponent("echo").accessCount()).isEqualTo(6);
        assertThat(registry.diagnostics().getPerformanceMetrics().lookups()).isEqualTo(6);

        ServiceUsage spare = registry.diagnostics().getServiceUsage("spare");
        assertThat(spare.consumers()).isEmpty();
        assertThat(spare.observable()).isTrue();

        consumer.stop(); // the framework releases what it held; the counts stay
        assertThat(registry.diagnostics().getServiceUsage("echo").consumer("usage-counter"))
                .extracting(ConsumerUsage::lookups, ConsumerUsage::instanceCalls, ConsumerUsage::inUse)
                .containsExactly(13L, 3L, false);
        assertThatThrownBy(() -> registry.diagnostics().getServiceUsage("nope"))
                .isInstanceOf(ComponentNotFoundException.class);
    }

    @Test
    void driftNamesTheUndeclaredUseTheUnusedDependencyAndTheComponentNobodyUses() throws Exception {
        startRegistry();
        startProvider();
        // looks echo up by interface name, declaring nothing on the provider
        startUser("usage-sneaky", Map.of(ServiceUser.SERVICE, ECHO, ServiceUser.LOOKUPS, "4"));
        // imports the interface's package: declared, and used
        startUser(
                "usage-declared",
                Map.of(
                        ServiceUser.SERVICE,
                        ECHO,
                        ServiceUser.LOOKUPS,
                        "2",
                        "Import-Package",
                        "org.osgi.framework,io.happyos.registry," + API_PACKAGE));
        // requires the provider's capability and never uses it
        felix.install(TestBundle.builder("usage-idle")
                        .requireCapability("happyos.service;filter:=\"(happyos.service=usage)\"")
                        .writeToFolder(dir))
                .start();
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        registry.dependencies().getDependencies("usage-idle").contains("usage-provider")
                                && registry.dependencies()
                                        .getDependencies("usage-declared")
                                        .contains("usage-provider"));
        assertThat(registry.dependencies().getDependencies("usage-sneaky")).isEmpty();

        DriftReport drift = registry.diagnostics().getDrift();

        assertThat(drift.undeclared())
                .extracting(DriftItem::consumer, DriftItem::component, DriftItem::lookups, DriftItem::instanceCalls)
                .containsExactly(tuple("usage-sneaky", "echo", 4L, 0L));
        assertThat(drift.undeclared().get(0).evidence())
                .contains(
                        "usage-sneaky used echo",
                        "looked up its service 4 times",
                        "on usage-provider, which provides it",
                        "registry:depend usage-sneaky echo");
        assertThat(drift.unused())
                .extracting(DriftItem::consumer, DriftItem::component)
                .containsExactly(tuple("usage-idle", "usage-provider"));
        assertThat(drift.unused().get(0).evidence())
                .contains(
                        "usage-idle declares a dependency on usage-provider",
                        "(happyos.service=usage)",
                        "echo: service " + ECHO,
                        "0 lookups");
        assertThat(drift.neverUsed()).extracting(DriftItem::component).containsExactly("spare");
        assertThat(drift.neverUsed().get(0).evidence())
                .contains("spare is active and offers service java.lang.Runnable");

        // an explicit dependency is a declaration too
        join(registry.dependencies().addDependency("usage-sneaky", "echo"));
        assertThat(registry.diagnostics().getDrift().undeclared()).isEmpty();
    }

    @Test
    void aDsComponentsUseIsSeenThroughItsBundleAndItsDeclaredReferenceIsNoDrift() throws Exception {
        startRegistry(Map.of(), true);
        for (String sample : new String[] {"config-manager", "logger", "greeting-skill"}) {
            install(sample);
        }
        join(registry.activateComponent("greeting-skill"));
        awaitActive("greeting");

        // SCR looks the reference up through greeting-skill's own context; greeting is a delayed
        // component, so the logger's service is got only when something asks for the greeting service
        ConsumerUsage tracked = registry.diagnostics().getServiceUsage("logger").consumer("greeting-skill");
        assertThat(tracked.lookups()).isPositive();
        assertThat(tracked.inUse()).isFalse();
        // the logger's ServiceTracker on the config service
        assertThat(registry.diagnostics()
                        .getServiceUsage("config-manager")
                        .consumer("logger")
                        .lookups())
                .isPositive();
        DriftReport before = registry.diagnostics().getDrift();
        assertThat(before.undeclared()).isEmpty();
        assertThat(before.unused()).isEmpty();
        assertThat(before.neverUsed()).extracting(DriftItem::component).containsExactly("greeting");

        registry.getComponentInstance("greeting"); // SCR activates it and binds the logger's service

        assertThat(registry.diagnostics()
                        .getServiceUsage("logger")
                        .consumer("greeting-skill")
                        .inUse())
                .isTrue();
        assertThat(registry.diagnostics()
                        .getServiceUsage("greeting")
                        .consumer("org.apache.felix.framework")
                        .instanceCalls())
                .isEqualTo(1);
        DriftReport after = registry.diagnostics().getDrift();
        assertThat(after.undeclared()).isEmpty();
        assertThat(after.unused()).isEmpty();
        assertThat(after.neverUsed()).isEmpty();
    }
}
