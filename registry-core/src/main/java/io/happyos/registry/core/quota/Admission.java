package io.happyos.registry.core.quota;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.Quota;
import io.happyos.registry.QuotaExceededException;
import io.happyos.registry.QuotaLimit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * The admission limits, as pure counting over the components: what would exceed a quota is refused
 * with a {@link QuotaExceededException} naming the quota, its value, the use and the fix. The
 * container's own components never count and are never refused.
 */
public final class Admission {

    /**
     * A component as admission counts it.
     *
     * @param id its id
     * @param type its type
     * @param status its status
     */
    public record Counted(String id, String type, ComponentStatus status) {

        boolean system() {
            return DynamicRegistry.TYPE_SYSTEM.equals(type);
        }
    }

    private static final int NAMED = 5;

    private Admission() {}

    /**
     * Checks that one more component may be registered.
     *
     * @param book the quotas
     * @param id the new component's id (its name, for a bundle its symbolic name)
     * @param type its type
     * @param components every component now
     * @throws QuotaExceededException when a max-components quota covering it is reached
     */
    public static void register(QuotaBook book, String id, String type, Collection<Counted> components) {
        if (DynamicRegistry.TYPE_SYSTEM.equals(type)) {
            return;
        }
        for (Quota quota : book.covering(QuotaLimit.MAX_COMPONENTS, id, type)) {
            List<String> in = ids(components, c -> quota.covers(c.id(), c.type()));
            if (in.size() + 1 > quota.value()) {
                throw new QuotaExceededException(
                        quota,
                        id,
                        in.size(),
                        "quota max-components of " + quota.scope() + " is " + quota.valueText() + " and " + in.size()
                                + " " + are(in.size(), "is", "are") + " registered" + named(in) + ": registering "
                                + id + " would make " + (in.size() + 1) + "; unregister one, or raise the quota with "
                                + raise(quota, in.size() + 1));
            }
        }
    }

    /**
     * Checks that components may be activated together (a component and the dependencies it needs).
     * Counts this node only; a {@code cluster:} scope is counted across the nodes by the caller.
     *
     * @param book the quotas
     * @param target the component asked for
     * @param starting the components that would start (the target and its inactive dependencies)
     * @param components every component now
     * @throws QuotaExceededException when a max-active quota would be exceeded
     */
    public static void activate(
            QuotaBook book, String target, Collection<Counted> starting, Collection<Counted> components) {
        List<Quota> checked = new ArrayList<>();
        for (Counted c : starting) {
            if (c.system()) {
                continue;
            }
            for (Quota quota : book.covering(QuotaLimit.MAX_ACTIVE, c.id(), c.type())) {
                if (quota.clusterScoped() || checked.contains(quota)) {
                    continue;
                }
                checked.add(quota);
                List<String> active =
                        ids(components, x -> x.status() == ComponentStatus.ACTIVE && quota.covers(x.id(), x.type()));
                List<String> more = new ArrayList<>(); // in the order they would start
                for (Counted x : starting) {
                    if (!x.system() && quota.covers(x.id(), x.type()) && !active.contains(x.id())) {
                        more.add(x.id());
                    }
                }
                if (active.size() + more.size() > quota.value()) {
                    throw activeRefusal(quota, target, active, more, "active");
                }
            }
        }
    }

    /**
     * The refusal of a max-active quota.
     *
     * @param quota the quota
     * @param target the component asked for
     * @param active the components of the scope active now (or their count, as names, across a cluster)
     * @param more the components of the scope the activation would start
     * @param where {@code active} or {@code active across the cluster}
     * @return the exception
     */
    static QuotaExceededException activeRefusal(
            Quota quota, String target, List<String> active, List<String> more, String where) {
        int after = active.size() + more.size();
        String which = more.size() == 1 && more.get(0).equals(target) ? "" : " (" + String.join(", ", more) + ")";
        return new QuotaExceededException(
                quota,
                target,
                active.size(),
                "quota max-active of " + quota.scope() + " is " + quota.valueText() + " and " + active.size() + " "
                        + are(active.size(), "is", "are") + " " + where + named(active) + ": activating " + target
                        + " would make " + after + which + "; deactivate one"
                        + (active.isEmpty() ? "" : " (registry:deactivate " + active.get(0) + ")")
                        + ", or raise the quota with " + raise(quota, after));
    }

    /**
     * Checks that the registry may make one more instance.
     *
     * @param book the quotas
     * @param id the component whose instance would be made
     * @param type its type
     * @param components every component now
     * @param holdsInstance whether the registry holds an instance of a component now
     * @throws QuotaExceededException when a max-instances quota covering it is reached
     */
    public static void instance(
            QuotaBook book, String id, String type, Collection<Counted> components, Predicate<String> holdsInstance) {
        if (DynamicRegistry.TYPE_SYSTEM.equals(type)) {
            return;
        }
        for (Quota quota : book.covering(QuotaLimit.MAX_INSTANCES, id, type)) {
            List<String> held = ids(
                    components,
                    c -> !c.system()
                            && quota.covers(c.id(), c.type())
                            && !c.id().equals(id)
                            && holdsInstance.test(c.id()));
            if (held.size() + 1 > quota.value()) {
                throw new QuotaExceededException(
                        quota,
                        id,
                        held.size(),
                        "quota max-instances of " + quota.scope() + " is " + quota.valueText() + " and the registry"
                                + " holds " + held.size() + " " + (held.size() == 1 ? "instance" : "instances")
                                + named(held) + ": making the instance of " + id + " would make " + (held.size() + 1)
                                + "; release one (registry:cache cleanup ID, or deactivate its component), or raise the"
                                + " quota with " + raise(quota, held.size() + 1));
            }
        }
    }

    static String raise(Quota quota, double to) {
        return "registry:quota set " + quota.scope() + " " + quota.limit().key() + " "
                + new Quota(quota.scope(), quota.limit(), to).valueText();
    }

    private static List<String> ids(Collection<Counted> components, Predicate<Counted> filter) {
        List<String> ids = new ArrayList<>();
        for (Counted c : components) {
            if (!c.system() && filter.test(c)) {
                ids.add(c.id());
            }
        }
        ids.sort(null);
        return ids;
    }

    private static String named(List<String> ids) {
        if (ids.isEmpty()) {
            return "";
        }
        List<String> shown = ids.size() > NAMED ? ids.subList(0, NAMED) : ids;
        return " (" + String.join(", ", shown) + (ids.size() > NAMED ? ", and " + (ids.size() - NAMED) + " more" : "")
                + ")";
    }

    private static String are(int n, String one, String many) {
        return n == 1 ? one : many;
    }
}
