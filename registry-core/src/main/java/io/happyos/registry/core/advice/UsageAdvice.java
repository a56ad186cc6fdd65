package io.happyos.registry.core.advice;

import io.happyos.registry.Advice;
import io.happyos.registry.AdviceKind;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DriftItem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Advice from usage telemetry: components not used since they were activated, and components always
 * used together.
 *
 * <p>A component counts as unused when it has been {@link ComponentStatus#ACTIVE} for at least
 * {@link #MIN_IDLE} and no other bundle used it since it became active. Only components whose use can
 * be observed are judged: those the drift report lists as never used, and those used before their
 * latest activation. A library bundle that only exports packages is therefore never called unused:
 * deactivating it would stop what imports it.
 *
 * <p>Components are used together when the same consumer bundles, and no others, used each of them,
 * each at least {@value #MIN_USES} times; at least two components make a group.
 */
final class UsageAdvice {

    /** How long a component must have been active and unused before it is called unused. */
    static final Duration MIN_IDLE = Duration.ofMinutes(10);

    /** Uses each component of a group needs at least, so that one chance lookup makes no group. */
    static final long MIN_USES = 3;

    private UsageAdvice() {}

    /**
     * The unused components, those that would free the most first.
     *
     * @param observations what was observed
     * @return one advice per unused component
     */
    static List<Advice> unused(Observations observations) {
        Map<String, DriftItem> neverUsed = observations.drift().neverUsed().stream()
                .collect(Collectors.toMap(DriftItem::component, Function.identity(), (a, b) -> a));
        Instant now = observations.now();
        List<ComponentFacts> found = new ArrayList<>();
        for (ComponentFacts c : observations.components()) {
            if (c.status() != ComponentStatus.ACTIVE
                    || c.activeSince() == null
                    || Duration.between(c.activeSince(), now).compareTo(MIN_IDLE) < 0) {
                continue;
            }
            boolean usedBefore =
                    c.lookups() > 0 && c.lastUsed() != null && c.lastUsed().isBefore(c.activeSince());
            boolean never = (c.lookups() == 0 || c.lastUsed() == null) && neverUsed.containsKey(c.id());
            if (usedBefore || never) {
                found.add(c);
            }
        }
        found.sort(Comparator.comparingInt((ComponentFacts c) -> Math.max(c.threads(), 0))
                .thenComparingDouble(c -> Math.max(c.allocationRate(), 0))
                .thenComparingInt(ComponentFacts::instances)
                .reversed()
                .thenComparing(ComponentFacts::id));
        List<Advice> advice = new ArrayList<>();
        for (ComponentFacts c : found) {
            advice.add(unusedAdvice(c, now, neverUsed.get(c.id())));
        }
        return advice;
    }

    private static Advice unusedAdvice(ComponentFacts c, Instant now, DriftItem drift) {
        Duration idle = Duration.between(c.activeSince(), now);
        List<String> frees = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        evidence.add("active since " + c.activeSince() + " (" + idleText(idle) + ")");
        evidence.add(
                c.lastUsed() == null
                        ? "never used by another bundle since the registry started (0 lookups, 0 instance calls)"
                        : "last used at " + c.lastUsed() + ", before its latest activation ("
                                + Wording.count(c.lookups(), "use") + " in all)");
        if (c.threads() >= 0) {
            evidence.add("owns " + Wording.count(c.threads(), "live thread") + " now");
            if (c.threads() > 0) {
                frees.add(Wording.count(c.threads(), "thread"));
            }
        }
        if (c.allocationRate() >= 0) {
            evidence.add("allocates " + Wording.rate(c.allocationRate()) + " now");
            if (c.allocationRate() > 0) {
                frees.add(Wording.rate(c.allocationRate()) + " of allocation");
            }
        }
        if (c.threads() < 0 && c.allocationRate() < 0) {
            evidence.add("threads and allocation not measured: resource accounting is off");
        } else if (c.threads() < 0 || c.allocationRate() < 0) {
            evidence.add((c.threads() < 0 ? "threads" : "allocation") + " not measured");
        }
        evidence.add("the registry holds " + Wording.count(c.instances(), "instance") + " of it");
        if (c.instances() > 0) {
            frees.add(Wording.count(c.instances(), "instance"));
        }
        if (drift != null) {
            evidence.add(drift.evidence());
        }
        String summary = c.id() + " has not been used in the " + idleText(idle) + " since it was activated: deactivate"
                + " it" + (frees.isEmpty() ? "" : " to free " + join(frees));
        return new Advice(AdviceKind.UNUSED, List.of(c.id()), summary, evidence, "registry:deactivate " + c.id());
    }

    private static String idleText(Duration idle) {
        long minutes = idle.toMinutes();
        if (minutes < 120) {
            return Wording.count(minutes, "minute");
        }
        long hours = idle.toHours();
        return hours < 48 ? Wording.count(hours, "hour") : Wording.count(idle.toDays(), "day");
    }

    private static String join(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    /**
     * The groups of components always used together, the largest first.
     *
     * @param components what was observed
     * @return one advice per group
     */
    static List<Advice> usedTogether(List<ComponentFacts> components) {
        Map<String, List<ComponentFacts>> byConsumers = new TreeMap<>();
        for (ComponentFacts c : components) {
            if (c.consumers().isEmpty() || c.lookups() < MIN_USES) {
                continue;
            }
            byConsumers
                    .computeIfAbsent(String.join(", ", new TreeSet<>(c.consumers())), k -> new ArrayList<>())
                    .add(c);
        }
        List<List<ComponentFacts>> groups = new ArrayList<>();
        for (List<ComponentFacts> group : byConsumers.values()) {
            if (group.size() >= 2) {
                group.sort(Comparator.comparing(ComponentFacts::id));
                groups.add(group);
            }
        }
        groups.sort(Comparator.comparingInt((List<ComponentFacts> g) -> g.size())
                .reversed()
                .thenComparing(g -> g.get(0).id()));
        List<Advice> advice = new ArrayList<>();
        for (List<ComponentFacts> group : groups) {
            List<String> ids = group.stream().map(ComponentFacts::id).toList();
            Set<String> consumers = new TreeSet<>(group.get(0).consumers());
            String names = String.join(", ", consumers);
            String summary = join(ids) + " are always used together, by the same "
                    + (consumers.size() == 1 ? "bundle (" + names + ")" : consumers.size() + " bundles (" + names + ")")
                    + ": activate them as one batch, or provision them as one set";
            List<String> evidence = new ArrayList<>();
            for (ComponentFacts c : group) {
                evidence.add(c.id() + ": " + Wording.count(c.lookups(), "use") + ", by " + names + " only");
            }
            advice.add(new Advice(
                    AdviceKind.USED_TOGETHER, ids, summary, evidence, "registry:activate " + String.join(" ", ids)));
        }
        return advice;
    }
}
