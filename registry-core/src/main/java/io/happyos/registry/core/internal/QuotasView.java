package io.happyos.registry.core.internal;

import io.happyos.registry.Quota;
import io.happyos.registry.QuotaLimit;
import io.happyos.registry.QuotaStatus;
import io.happyos.registry.QuotaViolation;
import io.happyos.registry.Quotas;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/** {@link Quotas} for one caller: quotas are set and removed under its name, audited. */
final class QuotasView implements Quotas {

    private final RegistryCore core;
    private final String actor;

    QuotasView(RegistryCore core, Caller caller) {
        this.core = core;
        this.actor = caller.actor();
    }

    @Override
    public CompletionStage<Quota> setQuota(Quota quota) {
        Objects.requireNonNull(quota, "quota");
        return core.operations.run(
                actor,
                "set-quota",
                null,
                q -> quota.scope() + " " + quota.limit().key() + " " + quota.valueText()
                        + (quota.enforce() ? " enforce" : "") + " grace="
                        + quota.grace().toMillis() + "ms",
                () -> core.quotas.set(quota, actor));
    }

    @Override
    public CompletionStage<Boolean> removeQuota(String scope, QuotaLimit limit) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(limit, "limit");
        return core.operations.run(
                actor,
                "remove-quota",
                null,
                removed -> removed ? scope + " " + limit.key() : "no quota " + limit.key() + " of " + scope,
                () -> core.quotas.remove(scope, limit));
    }

    @Override
    public List<QuotaStatus> listQuotas() {
        return List.copyOf(core.quotas.statuses(core.monitor));
    }

    @Override
    public List<QuotaViolation> getViolations() {
        return List.copyOf(core.quotas.violations());
    }
}
