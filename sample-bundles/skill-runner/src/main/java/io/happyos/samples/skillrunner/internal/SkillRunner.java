package io.happyos.samples.skillrunner.internal;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.RegistryException;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks up the active components of type {@code skill} in the registry, gets each one's instance
 * through the registry (which counts the access) and calls it. {@link #get()} runs them now and
 * returns what each said; {@link #toString()} shows the latest run, which is what
 * {@code registry:instance skill-runner} prints.
 */
final class SkillRunner implements Supplier<Map<String, String>> {

    /** The component type looked up. */
    static final String SKILL = "skill";

    private static final Logger LOG = LoggerFactory.getLogger(SkillRunner.class);
    /** How long {@link #toString()} waits for the first run, which starts when the registry is ready. */
    private static final long FIRST_RUN_WAIT_SECONDS = 10;

    private final Supplier<DynamicRegistry> registry;
    private final CountDownLatch firstRun = new CountDownLatch(1);
    private volatile Map<String, String> results = Map.of();
    private volatile Instant ranAt;

    /**
     * A runner.
     *
     * @param registry gives the ready registry, or {@code null} while there is none
     */
    SkillRunner(Supplier<DynamicRegistry> registry) {
        this.registry = registry;
    }

    /**
     * Calls every active skill now.
     *
     * @return what each skill said, by component id, sorted; a skill that failed says
     *     {@code failed: <why>}, one without an instance {@code no instance}, one of a kind this runner
     *     cannot call {@code skipped: <its class>}
     * @throws IllegalStateException when the registry is not there or not ready yet
     */
    @Override
    public Map<String, String> get() {
        DynamicRegistry current = registry.get();
        if (current == null) {
            throw new IllegalStateException("the registry is not ready yet: wait for happyos.registry.state=ready");
        }
        return run(current);
    }

    /**
     * Calls every active skill, logging a failure instead of throwing; for the run when the registry
     * becomes ready.
     *
     * @param current the registry
     */
    void runAll(DynamicRegistry current) {
        try {
            run(current);
        } catch (RuntimeException e) {
            LOG.warn("skill-runner could not run the skills: {}", e.getMessage(), e);
        } finally {
            firstRun.countDown();
        }
    }

    private synchronized Map<String, String> run(DynamicRegistry current) {
        Map<String, String> said = new TreeMap<>();
        for (RegistryEntry skill : current.getComponentsByType(SKILL)) {
            if (skill.status() == ComponentStatus.ACTIVE) {
                said.put(skill.id(), call(current, skill.id()));
            }
        }
        said.forEach((id, result) -> LOG.info("skill-runner: {} -> {}", id, result));
        LOG.info("skill-runner ran {} skills", said.size());
        results = Collections.unmodifiableMap(said);
        ranAt = Instant.now();
        return results;
    }

    private static String call(DynamicRegistry registry, String id) {
        Object instance;
        try {
            instance = registry.getComponentInstance(id);
        } catch (RegistryException e) {
            LOG.debug("no instance of {}: {}", id, e.getMessage());
            return "no instance";
        }
        try {
            Optional<String> said = SkillCalls.call(instance);
            return said.orElse("skipped: " + instance.getClass().getName());
        } catch (RuntimeException e) {
            return "failed: " + e.getMessage();
        }
    }

    /** The latest run's results on one line; waits a little for the first run if it has not finished. */
    @Override
    public String toString() {
        try {
            firstRun.await(FIRST_RUN_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Map<String, String> latest = results;
        if (ranAt == null) {
            return "skill-runner: no run yet";
        }
        return "skill-runner ran " + latest.size() + " skills: "
                + latest.entrySet().stream()
                        .map(e -> e.getKey() + " -> " + e.getValue())
                        .collect(Collectors.joining("; "));
    }
}
