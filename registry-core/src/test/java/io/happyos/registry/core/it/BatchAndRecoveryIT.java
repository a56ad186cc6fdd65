package io.happyos.registry.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.BatchOutcome;
import io.happyos.registry.BatchResult;
import io.happyos.registry.ComponentActivationException;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DependencyProblem;
import io.happyos.registry.RetryPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch activation, retries, the activation timeout and dependency validation. */
class BatchAndRecoveryIT extends FrameworkTestSupport {

    @TempDir
    Path dir;

    private void start() throws Exception {
        startRegistry(Map.of(
                "happyos.activation.timeout",
                "1s",
                "happyos.test.slow.gate",
                dir.resolve("gate").toString()));
        installDemo();
        install("failing-activator");
    }

    @Test
    void batchActivationStartsEverythingThatDoesNotDependOnTheFailure() throws Exception {
        start();
        join(registry.dependencies().addDependency("weather-skill", "failing-activator"));

        BatchResult result = join(registry.lifecycle()
                .activateComponentsBatch(List.of("calculator-skill", "weather-skill", "failing-activator")));

        assertThat(result.item("failing-activator").outcome()).isEqualTo(BatchOutcome.FAILED);
        assertThat(result.item("failing-activator").message()).contains("simulated start failure");
        assertThat(result.item("weather-skill").outcome()).isEqualTo(BatchOutcome.SKIPPED);
        assertThat(result.item("weather-skill").message()).contains("its dependency failing-activator failed");
        for (String id : List.of("config-manager", "base-util", "logger", "calculator-skill")) {
            assertThat(result.item(id).outcome()).as(id).isEqualTo(BatchOutcome.DONE);
            assertThat(registry.getComponent(id).status()).isEqualTo(ComponentStatus.ACTIVE);
        }
        assertThat(registry.getComponent("weather-skill").status()).isEqualTo(ComponentStatus.REGISTERED);
        assertThat(result.successCount()).isEqualTo(4);
        List<String> started = recorded("started");
        assertThat(started.indexOf("logger")).isGreaterThan(started.indexOf("config-manager"));
        assertThat(started.indexOf("calculator-skill")).isGreaterThan(started.indexOf("logger"));

        BatchResult stop = join(registry.lifecycle().deactivateComponentsBatch(List.of("config-manager")));
        assertThat(stop.items())
                .extracting(i -> i.key())
                .containsExactly("calculator-skill", "logger", "config-manager");
    }

    @Test
    void aBatchNeverStartsADependencyInErrorOnTheWay() throws Exception {
        start();
        join(registry.lifecycle().markComponentError("logger", "disk full"));

        BatchResult result = join(registry.lifecycle().activateComponentsBatch(List.of("calculator-skill")));

        assertThat(result.item("logger").outcome()).isEqualTo(BatchOutcome.FAILED);
        assertThat(result.item("logger").message()).contains("logger is in ERROR (disk full)");
        assertThat(result.item("calculator-skill").outcome()).isEqualTo(BatchOutcome.SKIPPED);
        assertThat(result.item("calculator-skill").message()).isEqualTo("its dependency logger failed");
        assertThat(recorded("started")).doesNotContain("logger", "calculator-skill");
    }

    @Test
    void retriesBackOffAndLeaveEveryAttemptInTheHistory() throws Exception {
        start();
        long begin = System.nanoTime();

        assertThatThrownBy(() -> join(registry.lifecycle()
                        .activateComponent(
                                "failing-activator",
                                new RetryPolicy(3, Duration.ofMillis(50), 2.0, Duration.ofSeconds(1)))))
                .isInstanceOf(ComponentActivationException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(registry.getComponent("failing-activator").status()).isEqualTo(ComponentStatus.ERROR);
        assertThat(registry.getComponent("failing-activator").errorHistory())
                .hasSize(3)
                .allSatisfy(e -> assertThat(e.message()).contains("simulated start failure"));
        assertThat(RetryPolicy.exponential(5, Duration.ofSeconds(1)).delayBefore(4))
                .isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void anActivatorPastTheTimeoutFailsTheActivationAndTheRegistryStaysResponsive() throws Exception {
        start();
        install("slow-activator");

        assertThatThrownBy(() -> join(registry.activateComponent("slow-activator")))
                .isInstanceOf(ComponentActivationException.class)
                .hasMessageContaining("timed out after 1 s");
        assertThat(registry.getComponent("slow-activator").status()).isEqualTo(ComponentStatus.ERROR);

        CompletableFuture<Boolean> other =
                registry.activateComponent("calculator-skill").toCompletableFuture();
        assertThat(join(other)).isTrue();
        Files.createFile(dir.resolve("gate")); // let the stuck activator finish
    }

    @Test
    void validateDependenciesListsEachProblemAndMarksTheComponent() throws Exception {
        start();
        join(registry.activateComponent("config-manager"));
        join(registry.lifecycle().markComponentError("base-util", "broken on purpose"));

        List<DependencyProblem> problems = join(registry.dependencies().validateDependencies("calculator-skill"));

        assertThat(problems)
                .extracting(DependencyProblem::dependency, DependencyProblem::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("base-util", DependencyProblem.Kind.IN_ERROR),
                        org.assertj.core.groups.Tuple.tuple("logger", DependencyProblem.Kind.NOT_ACTIVE));
        assertThat(registry.getComponent("calculator-skill").status()).isEqualTo(ComponentStatus.ERROR);
        assertThat(join(registry.dependencies().validateDependencies("logger"))).isEmpty();
    }
}
