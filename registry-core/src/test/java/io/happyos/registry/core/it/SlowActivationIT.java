package io.happyos.registry.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.ComponentStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/** Reads never wait for a lifecycle operation, however slow its activator. */
class SlowActivationIT extends FrameworkTestSupport {

    @Test
    void queriesAnswerWhileAnActivatorIsStillStarting(@TempDir Path dir) throws Exception {
        Path gate = dir.resolve("gate");
        startRegistry(Map.of("happyos.test.slow.gate", gate.toString()));
        installDemo();
        Bundle slow = install("slow-activator");

        CompletableFuture<Boolean> activation =
                registry.activateComponent("slow-activator").toCompletableFuture();
        await().atMost(Duration.ofSeconds(10)).until(() -> slow.getState() == Bundle.STARTING);

        CompletableFuture<Object> reads = CompletableFuture.supplyAsync(() -> {
            registry.listComponents();
            registry.getComponent("slow-activator");
            registry.getComponentsByStatus(ComponentStatus.REGISTERED);
            registry.dependencies().getActivationOrder(List.of("calculator-skill"));
            return registry.dependencies().findCircularDependencies();
        });
        reads.get(5, TimeUnit.SECONDS); // would time out if reads waited for the activator
        assertThat(activation).isNotDone();
        assertThat(registry.getComponent("slow-activator").status()).isEqualTo(ComponentStatus.REGISTERED);

        Files.createFile(gate);
        assertThat(activation.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(registry.getComponent("slow-activator").status()).isEqualTo(ComponentStatus.ACTIVE);
    }
}
