package io.happyos.registry.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.ComponentActivationException;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.ErrorRecord;
import io.happyos.registry.spi.LifecycleEvent;
import io.happyos.registry.spi.LifecycleHook;
import io.happyos.registry.spi.LifecyclePhase;
import io.happyos.registry.spi.StatusListener;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;

/** Lifecycle hooks and status listeners, from the whiteboard and from the API. */
class HooksAndListenersIT extends FrameworkTestSupport {

    @BeforeEach
    void start() throws Exception {
        startRegistry(Map.of("happyos.activation.timeout", "1s", "happyos.listener.timeout", "1s"));
        installDemo();
    }

    private void publishHook(LifecycleHook hook, int ranking, String... phases) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(LifecycleHook.PHASE_PROPERTY, phases);
        props.put(Constants.SERVICE_RANKING, ranking);
        felix.context().registerService(LifecycleHook.class, hook, props);
    }

    @Test
    void aPreActivationHookVetoesWithItsExceptionAsCauseAndNothingStarts() {
        publishHook(
                event -> {
                    if (event.componentId().equals("logger")) {
                        throw new SecurityException("logger may not start on Sundays");
                    }
                },
                0,
                "PRE_ACTIVATION");

        assertThatThrownBy(() -> join(registry.activateComponent("calculator-skill")))
                .isInstanceOf(ComponentActivationException.class)
                .hasMessageContaining("cannot activate calculator-skill")
                .hasMessageContaining("logger may not start on Sundays")
                .hasCauseInstanceOf(SecurityException.class);

        assertThat(recorded("started")).isEmpty();
        assertThat(registry.getComponent("calculator-skill").status()).isEqualTo(ComponentStatus.ERROR);
        assertThat(registry.getComponent("calculator-skill").lastError().message())
                .contains("Sundays");
    }

    @Test
    void hooksRunInRankingOrderThenTheApiOnesAndAFailingPostHookIsRecordedOnly() throws Exception {
        List<String> calls = new CopyOnWriteArrayList<>();
        publishHook(e -> calls.add("low:" + e.componentId()), 1, "POST_ACTIVATION");
        publishHook(e -> calls.add("high:" + e.componentId()), 10, "POST_ACTIVATION", "PRE_ACTIVATION");
        registry.lifecycle().registerLifecycleHook(LifecyclePhase.POST_ACTIVATION, e -> {
            calls.add("api:" + e.componentId());
            throw new IllegalStateException("post hook trouble");
        });

        assertThat(join(registry.activateComponent("base-util"))).isTrue();

        assertThat(calls).containsExactly("high:base-util", "high:base-util", "low:base-util", "api:base-util");
        assertThat(registry.getComponent("base-util").status()).isEqualTo(ComponentStatus.ACTIVE);
        assertThat(registry.getComponent("base-util").errorHistory())
                .extracting(ErrorRecord::message)
                .singleElement()
                .asString()
                .contains("POST_ACTIVATION")
                .contains("post hook trouble");
    }

    @Test
    void aPreDeactivationVetoStopsNothingAndAHangingHookTimesOut() throws Exception {
        join(registry.activateComponent("calculator-skill"));
        List<LifecycleEvent> seen = new CopyOnWriteArrayList<>();
        var veto = registry.lifecycle().registerLifecycleHook(LifecyclePhase.PRE_DEACTIVATION, e -> {
            seen.add(e);
            throw new IllegalStateException("busy");
        });
        assertThatThrownBy(() -> join(registry.deactivateComponent("config-manager")))
                .isInstanceOf(ComponentActivationException.class)
                .hasMessageContaining("busy");
        assertThat(registry.getComponent("calculator-skill").status()).isEqualTo(ComponentStatus.ACTIVE);
        assertThat(seen.get(0).entry().status()).isEqualTo(ComponentStatus.ACTIVE);
        veto.close();

        registry.lifecycle().registerLifecycleHook(LifecyclePhase.PRE_DEACTIVATION, e -> Thread.sleep(20_000));
        assertThatThrownBy(() -> join(registry.deactivateComponent("calculator-skill")))
                .hasMessageContaining("timed out after 1 s");
        assertThat(registry.getComponent("calculator-skill").status()).isEqualTo(ComponentStatus.ACTIVE);
        assertThat(registry.getComponent("logger").status()).isEqualTo(ComponentStatus.ACTIVE);
    }

    @Test
    void registrationHooksSeeTheComponentAndAPreRegistrationVetoRegistersNothing() throws Exception {
        List<String> calls = new CopyOnWriteArrayList<>();
        registry.lifecycle()
                .registerLifecycleHook(
                        LifecyclePhase.POST_REGISTRATION,
                        e -> calls.add("post:" + e.entry().id()));
        registry.lifecycle()
                .registerLifecycleHook(LifecyclePhase.POST_UNREGISTRATION, e -> calls.add("gone:" + e.componentId()));
        var veto = registry.lifecycle().registerLifecycleHook(LifecyclePhase.PRE_REGISTRATION, e -> {
            if (e.component().name().startsWith("forbidden")) {
                throw new IllegalArgumentException("names starting with forbidden are reserved");
            }
        });

        assertThatThrownBy(() -> join(
                        registry.registerComponent(io.happyos.registry.ComponentInfo.of("forbidden-fruit", "skill"))))
                .hasMessageContaining("names starting with forbidden are reserved")
                .hasCauseInstanceOf(IllegalArgumentException.class);
        assertThat(registry.findComponent("forbidden-fruit")).isEmpty();

        String id = join(registry.registerComponent(io.happyos.registry.ComponentInfo.of("planner", "skill")));
        join(registry.unregisterComponent(id));
        veto.close();
        assertThat(calls).containsExactly("post:planner", "gone:planner");
    }

    @Test
    void statusListenerServicesAreToldAndOneThatThrowsOrHangsDoesNotStopTheOthers() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        felix.context()
                .registerService(
                        StatusListener.class,
                        (id, from, to) -> {
                            throw new IllegalStateException("listener failure on purpose");
                        },
                        null);
        felix.context()
                .registerService(
                        StatusListener.class,
                        (id, from, to) -> {
                            if (id.equals("config-manager") && to == ComponentStatus.ACTIVE) {
                                sleepQuietly(5_000);
                            }
                        },
                        null);
        felix.context().registerService(StatusListener.class, (id, from, to) -> seen.add(id + "->" + to), null);

        join(registry.activateComponent("logger"));

        await().atMost(Duration.ofSeconds(20)).until(() -> seen.contains("logger->ACTIVE"));
        assertThat(seen).containsSubsequence("config-manager->ACTIVE", "logger->ACTIVE");
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the registry gave up on this listener
        }
    }
}
