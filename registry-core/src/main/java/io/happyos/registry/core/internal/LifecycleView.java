package io.happyos.registry.core.internal;

import io.happyos.registry.BatchResult;
import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.Lifecycle;
import io.happyos.registry.Registration;
import io.happyos.registry.RetryPolicy;
import io.happyos.registry.spi.LifecycleHook;
import io.happyos.registry.spi.LifecyclePhase;
import io.happyos.registry.spi.StatusListener;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** {@link Lifecycle} for one caller: every operation is audited under the caller's name. */
final class LifecycleView implements Lifecycle {

    private final RegistryCore core;
    private final String actor;
    private final Function<String, CompletionStage<Boolean>> activate;

    LifecycleView(RegistryCore core, Caller caller, Function<String, CompletionStage<Boolean>> activate) {
        this.core = core;
        this.actor = caller.actor();
        this.activate = activate;
    }

    @Override
    public CompletionStage<Boolean> activateComponent(String id, RetryPolicy policy) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(policy, "policy");
        return core.recovery.withRetries(id, policy, activate);
    }

    @Override
    public CompletionStage<BatchResult> registerComponentsBatch(List<ComponentInfo> components) {
        List<ComponentInfo> copy = List.copyOf(components);
        return core.operations.run(actor, "register-batch", null, () -> core.batches.register(copy));
    }

    @Override
    public CompletionStage<BatchResult> activateComponentsBatch(Collection<String> ids) {
        List<String> copy = List.copyOf(ids);
        return core.operations.run(actor, "activate-batch", null, () -> core.batch.activate(copy));
    }

    @Override
    public CompletionStage<BatchResult> deactivateComponentsBatch(Collection<String> ids) {
        List<String> copy = List.copyOf(ids);
        return core.operations.run(actor, "deactivate-batch", null, () -> core.batches.deactivate(copy));
    }

    @Override
    public CompletionStage<BatchResult> updateComponentStatusBatch(Map<String, ComponentStatus> statuses) {
        Map<String, ComponentStatus> copy = new LinkedHashMap<>(statuses);
        return core.operations.run(
                actor, "status-batch", null, () -> core.batches.updateStatus(copy, core.statuses::change));
    }

    @Override
    public CompletionStage<Void> setComponentStatus(String id, ComponentStatus status) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        return core.operations.run(actor, "set-status", id, "status set to " + status + " by hand", () -> {
            if (status != ComponentStatus.ACTIVE) {
                core.waiting.remove(id);
            }
            core.statuses.change(id, status);
            return null;
        });
    }

    @Override
    public CompletionStage<Void> markComponentError(String id, String message) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(message, "message");
        return core.operations.run(actor, "mark-error", id, "marked in ERROR by hand: " + message, () -> {
            core.waiting.remove(id);
            core.statuses.markError(id, message);
            return null;
        });
    }

    @Override
    public CompletionStage<Void> clearComponentError(String id) {
        Objects.requireNonNull(id, "id");
        return core.operations
                .<ComponentStatus>run(
                        actor,
                        "clear-error",
                        id,
                        now -> "ERROR cleared by hand; status now " + now,
                        () -> core.statuses.clearError(id))
                .thenApply(now -> null);
    }

    @Override
    public Registration addStatusListener(StatusListener listener) {
        return core.notifier.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public Registration registerLifecycleHook(LifecyclePhase phase, LifecycleHook hook) {
        return core.whiteboard.registerHook(
                Objects.requireNonNull(phase, "phase"), Objects.requireNonNull(hook, "hook"));
    }
}
