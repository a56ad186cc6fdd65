package io.happyos.registry.core.internal;

import io.happyos.registry.ProvisionResult;
import io.happyos.registry.ProvisionedSet;
import io.happyos.registry.Provisioning;
import io.happyos.registry.RegistryException;
import io.happyos.registry.core.provision.ProvisionPlan;
import io.happyos.registry.core.provision.Provisioner;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * {@link Provisioning} for one caller: the plan is worked out (artifacts downloaded and checked) on
 * the provisioning thread, then carried out on the lifecycle thread as one audited operation under
 * the caller's name; a plan that cannot be made is audited as a failure of the same operation.
 */
final class ProvisioningView implements Provisioning {

    private final RegistryCore core;
    private final String actor;

    ProvisioningView(RegistryCore core, Caller caller) {
        this.core = core;
        this.actor = caller.actor();
    }

    @Override
    public CompletionStage<ProvisionResult> install(String location) {
        Objects.requireNonNull(location, "location");
        return planThenApply("install", location, () -> core.provisioner.planInstall(location));
    }

    @Override
    public CompletionStage<ProvisionResult> provision(Path file, List<String> features) {
        Objects.requireNonNull(file, "file");
        List<String> names = List.copyOf(features);
        return planThenApply("provision", file.toString(), () -> core.provisioner.planProvision(file, names));
    }

    @Override
    public CompletionStage<ProvisionResult> unprovision(String name) {
        Objects.requireNonNull(name, "name");
        return core.operations.run(
                actor, "unprovision", null, Provisioner::summary, () -> core.provisioner.unprovision(name));
    }

    @Override
    public List<ProvisionedSet> getProvisionedSets() {
        return core.provisioner.sets();
    }

    private CompletionStage<ProvisionResult> planThenApply(
            String operation, String what, Supplier<ProvisionPlan> planning) {
        CompletableFuture<ProvisionPlan> plan;
        try {
            plan = CompletableFuture.supplyAsync(planning, core.provisionThread);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new RegistryException("the registry is stopping", e));
        }
        return plan.handle((made, error) -> {
                    if (error == null) {
                        return core.operations.run(
                                actor,
                                operation,
                                null,
                                Provisioner::summary,
                                () -> core.provisioner.apply(made, actor));
                    }
                    Throwable cause =
                            error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                    // audited like a failed operation, then failed with the same error
                    return core.journal
                            .audit(actor, operation, null, String.valueOf(cause.getMessage()), what)
                            .handle((ok, auditError) -> (ProvisionResult) null)
                            .thenCompose(ignored -> CompletableFuture.<ProvisionResult>failedFuture(cause));
                })
                .thenCompose(stage -> stage);
    }
}
