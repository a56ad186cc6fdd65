package io.happyos.registry.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.Registration;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Status callbacks: every change, in order per component, off the caller's thread, isolated from each other. */
class StatusCallbackIT extends FrameworkTestSupport {

    @Test
    void callbacksSeeEveryChangeInOrderAndOneThatThrowsDoesNotStopTheOthers() throws Exception {
        startRegistry();
        List<String> seen = new CopyOnWriteArrayList<>();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        Registration failing = registry.lifecycle().addStatusListener((id, from, to) -> {
            throw new IllegalStateException("callback failure on purpose");
        });
        Registration recording = registry.lifecycle().addStatusListener((id, from, to) -> {
            seen.add(id + ":" + from + "->" + to);
            threads.add(Thread.currentThread());
        });
        installDemo();

        join(registry.activateComponent("calculator-skill"));
        join(registry.deactivateComponent("logger"));
        join(registry.lifecycle().markComponentError("logger", "broken on purpose"));

        List<String> expectedLogger = List.of(
                "logger:null->REGISTERED",
                "logger:REGISTERED->ACTIVE",
                "logger:ACTIVE->INACTIVE",
                "logger:INACTIVE->ERROR");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> onlyFor("logger", seen).size() == expectedLogger.size());
        assertThat(onlyFor("logger", seen)).containsExactlyElementsOf(expectedLogger);
        assertThat(onlyFor("calculator-skill", seen))
                .containsExactly(
                        "calculator-skill:null->REGISTERED",
                        "calculator-skill:REGISTERED->ACTIVE",
                        "calculator-skill:ACTIVE->INACTIVE");
        assertThat(threads).doesNotContain(Thread.currentThread());

        recording.close();
        failing.close();
        int before = seen.size();
        join(registry.activateComponent("base-util"));
        join(registry.deactivateComponent("base-util"));
        Thread.onSpinWait();
        assertThat(seen).hasSize(before);
        assertThat(registry.getComponent("base-util").status()).isEqualTo(ComponentStatus.INACTIVE);
    }

    private static List<String> onlyFor(String id, List<String> seen) {
        return seen.stream().filter(s -> s.startsWith(id + ":")).toList();
    }
}
