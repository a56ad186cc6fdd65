package io.happyos.registry.cluster.internal;

import io.happyos.registry.Cause;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.Explanation;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.cluster.RemoteResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Carries out, on this node's own registry, what a node of the cluster asked for: activate,
 * deactivate or explain one of this node's components, audited under the asker
 * ({@code node:NODE/ACTOR}).
 */
final class LocalOperations {

    static final String ACTIVATE = "activate";
    static final String DEACTIVATE = "deactivate";
    static final String EXPLAIN = "explain";

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final String self;
    private final DynamicRegistry registry;

    LocalOperations(String self, DynamicRegistry registry) {
        this.self = self;
        this.registry = registry;
    }

    /**
     * @param operation {@value #ACTIVATE}, {@value #DEACTIVATE} or {@value #EXPLAIN}
     * @param reference the component's id or name here
     * @param actor who asked, as the audit log names them ({@code node:alpha/shell})
     * @return what happened; never throws for a failure of the operation itself
     */
    RemoteResult carryOut(String operation, String reference, String actor) {
        Optional<RegistryEntry> found = find(reference);
        if (found.isEmpty()) {
            return new RemoteResult(
                    self,
                    reference,
                    operation,
                    false,
                    null,
                    "node " + self + " has no component '" + reference + "'; cluster:list --node " + self
                            + " lists its components");
        }
        String id = found.get().id();
        DynamicRegistry acting = registry.actingFor(actor);
        try {
            return switch (operation) {
                case ACTIVATE -> {
                    boolean changed = await(acting.activateComponent(id));
                    yield result(id, operation, true, changed ? "activated" : "already ACTIVE");
                }
                case DEACTIVATE -> {
                    await(acting.deactivateComponent(id));
                    yield result(id, operation, true, "deactivated");
                }
                case EXPLAIN ->
                    result(id, operation, true, text(acting.diagnostics().explain(id)));
                default -> result(id, operation, false, "unknown operation '" + operation + "'");
            };
        } catch (RuntimeException e) {
            return result(id, operation, false, message(e));
        }
    }

    Optional<RegistryEntry> find(String reference) {
        Optional<RegistryEntry> byId = registry.findComponent(reference);
        if (byId.isPresent()) {
            return byId;
        }
        return registry.listComponents().stream()
                .filter(e -> e.component().name().equals(reference))
                .findFirst();
    }

    private RemoteResult result(String id, String operation, boolean ok, String message) {
        ComponentStatus status =
                registry.findComponent(id).map(RegistryEntry::status).orElse(null);
        return new RemoteResult(self, id, operation, ok, status, message);
    }

    /**
     * The explanation's gist: its summary (which names the first root cause and its fix), then any
     * further root cause with its fix.
     */
    static String text(Explanation explanation) {
        StringBuilder out = new StringBuilder(explanation.summary());
        List<Cause> roots = explanation.rootCauses();
        for (Cause cause : roots.subList(Math.min(1, roots.size()), roots.size())) {
            out.append("\n  also ").append(cause.kind()).append(": ").append(cause.message());
            if (cause.fix() != null && !cause.fix().isBlank()) {
                out.append(" (fix: ").append(cause.fix()).append(')');
            }
        }
        return out.toString();
    }

    private static <T> T await(java.util.concurrent.CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new CompletionException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer from the registry within " + WAIT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String message(Throwable e) {
        Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
