package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.ComponentNotFoundException;
import io.happyos.registry.RegistryException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class CompletionTest {

    private final Completion completion = new Completion(Duration.ofMillis(50));

    @Test
    void returnsTheResult() {
        assertThat(completion.await(CompletableFuture.completedFuture("id"), "x"))
                .isEqualTo("id");
    }

    @Test
    void rethrowsTheRegistrysOwnException() {
        ComponentNotFoundException failure = new ComponentNotFoundException("nope");
        assertThatThrownBy(() -> completion.await(CompletableFuture.failedFuture(failure), "x"))
                .isSameAs(failure);
        CompletableFuture<Object> wrapped = CompletableFuture.failedFuture(new CompletionException(failure));
        assertThatThrownBy(() -> completion.await(wrapped, "x")).isSameAs(failure);
    }

    @Test
    void unwrapsNestedWrappers() {
        IllegalStateException inner = new IllegalStateException("boom");
        assertThat(Completion.unwrap(new ExecutionException(new CompletionException(inner))))
                .isSameAs(inner);
    }

    @Test
    void givesACheckedCauseARegistryExceptionWithItsMessage() {
        RuntimeException e = Completion.unwrap(new CompletionException(new IOException("disk gone")));
        assertThat(e).isInstanceOf(RegistryException.class).hasMessage("disk gone");
    }

    @Test
    void reportsATimeoutClearly() {
        assertThatThrownBy(() -> completion.await(new CompletableFuture<>(), "activate logger"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("gave up waiting for activate logger after 50 ms");
    }

    @Test
    void reportsAMissingRegistry() {
        RegistryLookup lookup = new RegistryLookup(() -> null);
        assertThatThrownBy(lookup::registry)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("registry service is not available");
    }
}
