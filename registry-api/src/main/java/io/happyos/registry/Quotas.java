package io.happyos.registry;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Limits on what components may use. Reached through {@link DynamicRegistry#quotas()}.
 *
 * <p>Quotas are kept in the registry database, so they hold after a restart; setting and removing
 * one is audited. Those of the {@code happyos.quotas} setting are applied at each start (and then
 * replace a quota of the same scope and limit set before). See {@link QuotaLimit} for what each limit
 * does.
 *
 * @since 2.3
 */
@ProviderType
public interface Quotas {

    /**
     * Sets a quota, replacing the one of the same scope and limit. It applies to what happens next:
     * nothing running is stopped because an admission limit is now lower than the use.
     *
     * @param quota the quota
     * @return the quota set; fails with {@link RegistryException} when it cannot be recorded
     */
    CompletionStage<Quota> setQuota(Quota quota);

    /**
     * Removes a quota.
     *
     * @param scope its scope
     * @param limit its limit
     * @return {@code true} when there was one; never fails for a quota that does not exist
     */
    CompletionStage<Boolean> removeQuota(String scope, QuotaLimit limit);

    /**
     * Every quota and where its scope stands, ordered by scope and limit.
     *
     * @return snapshots, unmodifiable
     */
    List<QuotaStatus> listQuotas();

    /**
     * The components over a rate or resource limit for longer than its grace period now, ordered by
     * component.
     *
     * @return snapshots, unmodifiable; empty when none
     */
    List<QuotaViolation> getViolations();
}
