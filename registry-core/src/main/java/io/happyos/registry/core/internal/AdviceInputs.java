package io.happyos.registry.core.internal;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.ConsumerUsage;
import io.happyos.registry.DriftReport;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.ErrorRecord;
import io.happyos.registry.ResourceUsage;
import io.happyos.registry.ServiceUsage;
import io.happyos.registry.StatusChange;
import io.happyos.registry.core.advice.ComponentFacts;
import io.happyos.registry.core.advice.Observations;
import io.happyos.registry.core.model.ComponentRecord;
import io.happyos.registry.core.quota.ResourceMonitor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Gathers what the {@link io.happyos.registry.core.advice.Advisor} reads from the live registry. */
final class AdviceInputs {

    private AdviceInputs() {}

    static Observations gather(RegistryCore core, DriftReport drift) {
        Map<String, Instant> activeSince = new HashMap<>();
        for (StatusChange change : core.statusHistory.recent(Integer.MAX_VALUE)) {
            if (change.to() == ComponentStatus.ACTIVE) {
                activeSince.put(change.id(), change.at());
            }
        }
        List<ComponentFacts> facts = new ArrayList<>();
        for (ComponentRecord r : core.store.records()) {
            String type = r.info().type();
            if (DynamicRegistry.TYPE_SYSTEM.equals(type)) {
                continue;
            }
            ServiceUsage usage = core.usage.usage(r.id());
            Set<String> consumers = new TreeSet<>();
            long uses = 0;
            Instant lastUsed = null;
            for (ConsumerUsage c : usage.consumers()) {
                consumers.add(c.symbolicName() == null ? c.consumer() : c.symbolicName());
                uses += c.lookups() + c.instanceCalls();
                if (c.lastSeen() != null && (lastUsed == null || c.lastSeen().isAfter(lastUsed))) {
                    lastUsed = c.lastSeen();
                }
            }
            ResourceUsage now = core.monitor.usage(r);
            ResourceMonitor.Peaks peaks = core.monitor.peaks(r.id());
            boolean active = r.status() == ComponentStatus.ACTIVE;
            facts.add(new ComponentFacts(
                    r.id(),
                    type,
                    r.status(),
                    active ? activeSince.getOrDefault(r.id(), r.registeredAt()) : null,
                    r.activationTimes(),
                    r.errors().stream().map(ErrorRecord::at).sorted().toList(),
                    uses,
                    lastUsed,
                    consumers,
                    now.accounted() ? now.threads() : -1,
                    now.accounted() ? now.allocationRate() : -1,
                    now.instances(),
                    peaks.threads(),
                    peaks.cpuPercent(),
                    peaks.allocationRate(),
                    peaks.callsPerSecond()));
        }
        return new Observations(
                Instant.now(), facts, drift, core.quotas.statuses(core.monitor), core.monitor.peakActiveByType());
    }
}
