package io.happyos.registry.core.advice;

import io.happyos.registry.ComponentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Facts of one component for tests, quiet unless told otherwise: active for a day, used a hundred
 * times by a consumer of its own just now, twenty activations of 100 to 119 ms, no errors, nothing
 * measured.
 */
final class Facts {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final String id;
    private String type = "skill";
    private ComponentStatus status = ComponentStatus.ACTIVE;
    private Instant activeSince = NOW.minus(Duration.ofDays(1));
    private List<Duration> activationTimes = new ArrayList<>();
    private List<Instant> errorTimes = new ArrayList<>();
    private long lookups = 100;
    private Instant lastUsed = NOW.minusSeconds(5);
    private Set<String> consumers;
    private int threads = -1;
    private double allocationRate = -1;
    private int instances = 1;
    private int peakThreads = -1;
    private double peakCpuPercent = -1;
    private double peakAllocationRate = -1;
    private double peakCallsPerSecond = 0;

    private Facts(String id) {
        this.id = id;
        this.consumers = Set.of(id + "-client");
        for (int i = 0; i < 20; i++) {
            activationTimes.add(Duration.ofMillis(100 + i));
        }
    }

    static Facts of(String id) {
        return new Facts(id);
    }

    Facts type(String t) {
        type = t;
        return this;
    }

    Facts status(ComponentStatus s) {
        status = s;
        if (s != ComponentStatus.ACTIVE) {
            activeSince = null;
        }
        return this;
    }

    Facts activeSince(Instant at) {
        activeSince = at;
        return this;
    }

    Facts activations(long... millis) {
        activationTimes = new ArrayList<>();
        for (long ms : millis) {
            activationTimes.add(Duration.ofMillis(ms));
        }
        return this;
    }

    Facts errors(List<Instant> at) {
        errorTimes = new ArrayList<>(at);
        return this;
    }

    Facts used(long count, Instant last, String... by) {
        lookups = count;
        lastUsed = last;
        consumers = Set.of(by);
        return this;
    }

    Facts unused() {
        return used(0, null);
    }

    Facts now(int threadsNow, double allocationNow, int instancesNow) {
        threads = threadsNow;
        allocationRate = allocationNow;
        instances = instancesNow;
        return this;
    }

    Facts peaks(int threadsPeak, double cpuPeak, double allocationPeak, double callsPeak) {
        peakThreads = threadsPeak;
        peakCpuPercent = cpuPeak;
        peakAllocationRate = allocationPeak;
        peakCallsPerSecond = callsPeak;
        return this;
    }

    ComponentFacts build() {
        return new ComponentFacts(
                id,
                type,
                status,
                activeSince,
                activationTimes,
                errorTimes,
                lookups,
                lastUsed,
                consumers,
                threads,
                allocationRate,
                instances,
                peakThreads,
                peakCpuPercent,
                peakAllocationRate,
                peakCallsPerSecond);
    }
}
