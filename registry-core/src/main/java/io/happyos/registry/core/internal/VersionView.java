package io.happyos.registry.core.internal;

import io.happyos.registry.JarVersion;
import io.happyos.registry.RegistryException;
import io.happyos.registry.Versions;
import io.happyos.registry.core.deploy.FolderDeployer;
import io.happyos.registry.core.model.ComponentRecord;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/** {@link Versions} for one caller: a rollback is audited under its name. */
final class VersionView implements Versions {

    private final RegistryCore core;
    private final String actor;

    VersionView(RegistryCore core, Caller caller) {
        this.core = core;
        this.actor = caller.actor();
    }

    @Override
    public List<JarVersion> getVersionHistory(String id) {
        ComponentRecord record = core.store.record(Objects.requireNonNull(id, "id"));
        return record.hasBundle() ? core.history.list(record.info().name()) : List.of();
    }

    @Override
    public CompletionStage<String> rollbackComponent(String id) {
        return rollbackComponent(id, null);
    }

    @Override
    public CompletionStage<String> rollbackComponent(String id, String version) {
        Objects.requireNonNull(id, "id");
        return core.operations.run(actor, "rollback", id, () -> {
            ComponentRecord record = core.store.record(id);
            List<JarVersion> versions = getVersionHistory(id);
            JarVersion target = versions.stream()
                    .skip(1)
                    .filter(v -> version == null || v.version().equals(version))
                    .findFirst()
                    .orElseThrow(() -> new RegistryException(
                            version == null
                                    ? id + " has no earlier version to roll back to (registry:history " + id + ")"
                                    : id + " has no kept version " + version + " (registry:history " + id
                                            + " lists them)"));
            FolderDeployer current = core.deployer;
            List<String> failures = current != null
                    ? current.rollBackTo(record, target, List.of())
                    : core.reloads.reinstate(record, target, file -> {}, List.of());
            core.store.recordError(record, "rolled back " + id + " to " + target.version() + " by request");
            if (!failures.isEmpty()) {
                throw new RegistryException(
                        "rolled back " + id + " to " + target.version() + ", but " + String.join("; ", failures));
            }
            return target.version();
        });
    }
}
