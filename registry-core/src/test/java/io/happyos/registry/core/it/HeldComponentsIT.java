package io.happyos.registry.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.AuditQuery;
import io.happyos.registry.AuditRecord;
import io.happyos.registry.Cause;
import io.happyos.registry.CauseKind;
import io.happyos.registry.ComponentActivationException;
import io.happyos.registry.ComponentHeldException;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.Explanation;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.RetryPolicy;
import io.happyos.registry.spi.LifecyclePhase;
import io.happyos.registry.testing.EmbeddedFelix;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PRE_ACTIVATION hook that throws {@link ComponentHeldException} holds a component back without an
 * error: it stays INACTIVE with no error, is explained as HELD, and is activated once the hook lets it.
 */
class HeldComponentsIT extends FrameworkTestSupport {

    private static final String REASON = "singleton running on node beta";

    @TempDir
    Path folder;

    private final AtomicBoolean holding = new AtomicBoolean(true);
    private final AtomicInteger asked = new AtomicInteger();
    private final List<String> onError = new CopyOnWriteArrayList<>();

    /** Holds {@code held} back while {@link #holding}, and notes every ON_ERROR call. */
    private void holdBack(String held) {
        registry.lifecycle().registerLifecycleHook(LifecyclePhase.PRE_ACTIVATION, event -> {
            if (event.componentId().equals(held)) {
                asked.incrementAndGet();
                if (holding.get()) {
                    throw new ComponentHeldException(held, REASON);
                }
            }
        });
        registry.lifecycle().registerLifecycleHook(LifecyclePhase.ON_ERROR, event -> onError.add(event.componentId()));
    }

    @Test
    void aHeldComponentStaysInactiveWithoutAnErrorAndIsActivatedOnceTheHookLetsIt() throws Exception {
        startRegistry();
        installDemo();
        holdBack("base-util");

        assertThatThrownBy(() -> join(registry.activateComponent("base-util")))
                .isInstanceOf(ComponentHeldException.class)
                .hasMessage("base-util is held: " + REASON);

        RegistryEntry entry = registry.getComponent("base-util");
        assertThat(entry.status()).isEqualTo(ComponentStatus.INACTIVE);
        assertThat(entry.errorHistory()).isEmpty();
        assertThat(recorded("started")).isEmpty();
        assertThat(onError).isEmpty();
        Explanation why = registry.diagnostics().explain("base-util");
        assertThat(why.causes()).first().satisfies(cause -> {
            assertThat(cause.kind()).isEqualTo(CauseKind.HELD);
            assertThat(cause.message()).isEqualTo(REASON);
            assertThat(cause.fix()).contains("when the hook lets it");
        });
        assertThat(why.summary()).contains(REASON);
        assertThat(registry.diagnostics().getAuditLog(AuditQuery.latest().forComponent("base-util")))
                .first()
                .satisfies(r -> assertThat(r.error()).isEqualTo("base-util is held: " + REASON));

        holding.set(false);
        assertThat(join(registry.activateComponent("base-util"))).isTrue();

        assertThat(registry.getComponent("base-util").status()).isEqualTo(ComponentStatus.ACTIVE);
        assertThat(registry.getComponent("base-util").errorHistory()).isEmpty();
        join(registry.deactivateComponent("base-util"));
        assertThat(kinds(registry.diagnostics().explain("base-util").causes()))
                .doesNotContain(CauseKind.HELD)
                .contains(CauseKind.NOT_ACTIVATED);
    }

    @Test
    void aComponentWhoseDependencyIsHeldIsHeldTooAndNothingStarts() throws Exception {
        startRegistry();
        installDemo();
        holdBack("logger");

        assertThatThrownBy(() -> join(registry.activateComponent("calculator-skill")))
                .isInstanceOf(ComponentHeldException.class)
                .hasMessage("calculator-skill is held: its dependency logger is held: " + REASON);

        assertThat(recorded("started")).isEmpty();
        for (String id : List.of("logger", "calculator-skill")) {
            assertThat(registry.getComponent(id).status()).as(id).isEqualTo(ComponentStatus.INACTIVE);
            assertThat(registry.getComponent(id).errorHistory()).as(id).isEmpty();
        }
        assertThat(registry.diagnostics().explain("calculator-skill").rootCauses())
                .extracting(Cause::kind)
                .containsExactly(CauseKind.HELD);
        // tried again with a policy, a held component is not tried again: holding is no error
        assertThatThrownBy(() -> join(registry.lifecycle()
                        .activateComponent("logger", RetryPolicy.exponential(5, Duration.ofMillis(10)))))
                .isInstanceOf(ComponentHeldException.class);
        assertThat(asked).hasValue(2);
        assertThat(onError).isEmpty();
    }

    @Test
    void aHookThatThrowsAnythingElseStillPutsTheComponentInError() throws Exception {
        startRegistry();
        installDemo();
        registry.lifecycle().registerLifecycleHook(LifecyclePhase.PRE_ACTIVATION, event -> {
            throw new IllegalStateException("no activations today");
        });
        registry.lifecycle().registerLifecycleHook(LifecyclePhase.ON_ERROR, event -> onError.add(event.componentId()));

        assertThatThrownBy(() -> join(registry.activateComponent("base-util")))
                .isInstanceOf(ComponentActivationException.class)
                .isNotInstanceOf(ComponentHeldException.class)
                .hasMessageContaining("no activations today");

        assertThat(registry.getComponent("base-util").status()).isEqualTo(ComponentStatus.ERROR);
        assertThat(registry.getComponent("base-util").errorHistory()).hasSize(1);
        assertThat(onError).containsExactly("base-util");
        assertThat(registry.diagnostics().explain("base-util").rootCauses())
                .extracting(Cause::kind)
                .containsExactly(CauseKind.HOOK_FAILED);
    }

    @Test
    void aHeldComponentDroppedInTheBundlesFolderEndsInactiveAndIsNotTriedAgain() throws Exception {
        startWithFolder(folder);
        holdBack("base-util");

        drop(EmbeddedFelix.sampleBundle("base-util"), folder, "base-util.jar");

        RegistryEntry entry = awaitStatus("base-util", ComponentStatus.INACTIVE);
        assertThat(entry.errorHistory()).isEmpty();
        // the watcher rescans every 500 ms: the held component is asked for once, not again and again
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() ->
                        asked.get() == 1 && registry.getComponent("base-util").status() == ComponentStatus.INACTIVE);
        assertThat(recorded("started")).doesNotContain("base-util");
        assertThat(registry.diagnostics().getAuditLog(AuditQuery.latest().forComponent("base-util")))
                .extracting(AuditRecord::operation)
                .containsExactly("deploy");
    }

    private static List<CauseKind> kinds(List<Cause> causes) {
        return causes.stream().map(Cause::kind).toList();
    }
}
