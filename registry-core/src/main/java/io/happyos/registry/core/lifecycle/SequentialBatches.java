package io.happyos.registry.core.lifecycle;

import io.happyos.registry.BatchItem;
import io.happyos.registry.BatchOutcome;
import io.happyos.registry.BatchResult;
import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.RegistryException;
import io.happyos.registry.core.model.ComponentStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The batch operations that run one item after the other (batch activation, which runs in
 * parallel, is {@link ParallelActivation}). Each item's failure is reported in the result and does
 * not stop the others. Run on the lifecycle thread.
 */
public final class SequentialBatches {

    private final ComponentStore store;
    private final Installation installation;
    private final Deactivation deactivation;

    /**
     * @param store the entries
     * @param installation how one component is registered
     * @param deactivation how one component is deactivated
     */
    public SequentialBatches(ComponentStore store, Installation installation, Deactivation deactivation) {
        this.store = store;
        this.installation = installation;
        this.deactivation = deactivation;
    }

    /**
     * Registers components, keyed by path (or name when there is none).
     *
     * @param components the components
     * @return per component, its id or why it failed
     */
    public BatchResult register(List<ComponentInfo> components) {
        List<BatchItem> items = new ArrayList<>();
        for (ComponentInfo component : components) {
            String key = component.path() == null ? component.name() : component.path();
            try {
                items.add(new BatchItem(key, installation.register(component), BatchOutcome.DONE, null));
            } catch (RegistryException e) {
                items.add(new BatchItem(key, null, BatchOutcome.FAILED, e.getMessage()));
            }
        }
        return new BatchResult(items);
    }

    /**
     * Deactivates components, each with its dependents first.
     *
     * @param ids the components
     * @return per component stopped (dependents included), what happened
     */
    public BatchResult deactivate(List<String> ids) {
        ids.forEach(store::record);
        Map<String, BatchItem> items = new LinkedHashMap<>();
        for (String id : ids) {
            try {
                for (String stopped : deactivation.deactivate(id)) {
                    items.put(stopped, new BatchItem(stopped, stopped, BatchOutcome.DONE, null));
                }
                items.putIfAbsent(id, new BatchItem(id, id, BatchOutcome.UNCHANGED, null));
            } catch (RegistryException e) {
                items.put(id, new BatchItem(id, id, BatchOutcome.FAILED, e.getMessage()));
            }
        }
        return new BatchResult(new ArrayList<>(items.values()));
    }

    /**
     * Brings components to a status each.
     *
     * @param statuses the status wanted per id
     * @param change how one component is brought to a status
     * @return per component, what happened
     */
    public BatchResult updateStatus(Map<String, ComponentStatus> statuses, BiConsumer<String, ComponentStatus> change) {
        List<BatchItem> items = new ArrayList<>();
        statuses.forEach((id, status) -> {
            try {
                ComponentStatus before = store.record(id).status();
                change.accept(id, status);
                items.add(statusItem(id, status, before, store.record(id).status()));
            } catch (RegistryException e) {
                items.add(new BatchItem(id, id, BatchOutcome.FAILED, e.getMessage()));
            }
        });
        return new BatchResult(items);
    }

    /**
     * What setting a status did: DONE when it changed to it; UNCHANGED when it was that status
     * already, or when it stays where it was, saying why (INACTIVE asked of a component that was
     * never active: it stays REGISTERED, as there is nothing to stop).
     */
    private static BatchItem statusItem(
            String id, ComponentStatus wanted, ComponentStatus before, ComponentStatus after) {
        if (before == wanted) {
            return new BatchItem(id, id, BatchOutcome.UNCHANGED, null);
        }
        if (after == before && after != wanted) {
            String why = wanted == ComponentStatus.INACTIVE && after == ComponentStatus.REGISTERED
                    ? ": it was never active, so there is nothing to deactivate"
                    : "";
            return new BatchItem(id, id, BatchOutcome.UNCHANGED, "stays " + after + why);
        }
        return new BatchItem(id, id, BatchOutcome.DONE, null);
    }
}
