package io.happyos.registry.core.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Which installed bundles may satisfy a requirement, and which unresolved bundles may be satisfied
 * by a capability, without looking at every installed bundle: capabilities are filed under their
 * namespace and the value of the namespace's own attribute ({@code osgi.wiring.package=com.acme}),
 * requirements under the value their filter demands for it. Both answers are supersets, in bundle
 * id order: the caller still matches each candidate. A capability or requirement with no such value
 * (e.g. {@code osgi.service}, a filter with {@code |}) is filed under its namespace alone and is a
 * candidate for everything of that namespace. Not thread-safe; the caller serializes.
 */
final class DependencyIndex {

    private static final String ANY = "\u0000*";

    private final KeyedBundles providers = new KeyedBundles();
    private final KeyedBundles requirers = new KeyedBundles();

    /**
     * Files what a bundle offers (again, replacing an earlier revision's capabilities).
     *
     * @param id the bundle id
     * @param revision its current revision, or {@code null} to forget it
     */
    void provide(long id, BundleRevision revision) {
        if (revision == null) {
            providers.remove(id);
            return;
        }
        List<String> keys = new ArrayList<>();
        for (BundleCapability capability : revision.getDeclaredCapabilities(null)) {
            String namespace = capability.getNamespace();
            keys.add(namespace);
            List<String> values = values(capability.getAttributes().get(namespace));
            if (values.isEmpty()) {
                keys.add(namespace + ANY);
            }
            for (String value : values) {
                keys.add(namespace + "\u0000" + value);
            }
        }
        providers.put(id, keys);
    }

    /**
     * Files what an unresolved bundle requires, so that a bundle offering it later finds it.
     *
     * @param id the bundle id
     * @param revision its revision
     */
    void require(long id, BundleRevision revision) {
        List<String> keys = new ArrayList<>();
        for (BundleRequirement requirement : revision.getDeclaredRequirements(null)) {
            keys.add(requirement.getNamespace());
            String value = demanded(requirement);
            keys.add(requirement.getNamespace() + (value == null ? ANY : "\u0000" + value));
        }
        requirers.put(id, keys);
    }

    /**
     * Forgets a bundle's requirements (it is resolved: its wiring says what it uses).
     *
     * @param id the bundle id
     */
    void resolved(long id) {
        requirers.remove(id);
    }

    /**
     * Forgets a bundle.
     *
     * @param id the bundle id
     */
    void uninstalled(long id) {
        providers.remove(id);
        requirers.remove(id);
    }

    /**
     * Bundles that may provide a requirement.
     *
     * @param requirement the requirement
     * @return their ids, ascending; a superset of those that match
     */
    NavigableSet<Long> candidates(BundleRequirement requirement) {
        NavigableSet<Long> ids = new TreeSet<>();
        String namespace = requirement.getNamespace();
        String value = demanded(requirement);
        if (value == null) {
            providers.collect(namespace, ids);
        } else {
            providers.collect(namespace + "\u0000" + value, ids);
            providers.collect(namespace + ANY, ids);
        }
        return ids;
    }

    /**
     * Unresolved bundles with a requirement that something a bundle offers may satisfy.
     *
     * @param revision the offering bundle's revision
     * @return their ids, ascending
     */
    NavigableSet<Long> requirersOf(BundleRevision revision) {
        NavigableSet<Long> ids = new TreeSet<>();
        for (BundleCapability capability : revision.getDeclaredCapabilities(null)) {
            String namespace = capability.getNamespace();
            List<String> values = values(capability.getAttributes().get(namespace));
            if (values.isEmpty()) {
                requirers.collect(namespace, ids);
                continue;
            }
            requirers.collect(namespace + ANY, ids);
            for (String value : values) {
                requirers.collect(namespace + "\u0000" + value, ids);
            }
        }
        return ids;
    }

    private static List<String> values(Object attribute) {
        if (attribute instanceof String text) {
            return List.of(text);
        }
        if (attribute instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        return List.of();
    }

    /**
     * The value a requirement's filter demands for its namespace's own attribute, when every match
     * must have it: {@code com.acme} for {@code (&(osgi.wiring.package=com.acme)(version>=1.0))}.
     * {@code null} when the filter has no such plain equality, or has {@code |}, a negation of it,
     * a negated group, whitespace, a wildcard or an escape, where the value may not be a necessary
     * condition.
     *
     * @param requirement the requirement
     * @return the value, or {@code null}
     */
    static String demanded(BundleRequirement requirement) {
        String filter = requirement.getDirectives().get(Constants.FILTER_DIRECTIVE);
        if (filter == null || filter.contains("(|") || filter.chars().anyMatch(Character::isWhitespace)) {
            return null;
        }
        for (int not = filter.indexOf("(!"); not >= 0; not = filter.indexOf("(!", not + 1)) {
            if (not + 3 >= filter.length()
                    || filter.charAt(not + 2) != '('
                    || "&|!".indexOf(filter.charAt(not + 3)) >= 0) {
                return null; // a negated group: no term inside it is necessary
            }
        }
        String term = "(" + requirement.getNamespace() + "=";
        int at = filter.indexOf(term);
        if (at < 0 || filter.indexOf(term, at + 1) >= 0 || (at >= 2 && filter.startsWith("(!", at - 2))) {
            return null;
        }
        int end = filter.indexOf(')', at);
        if (end < 0) {
            return null;
        }
        String value = filter.substring(at + term.length(), end);
        if (value.isEmpty()
                || value.contains("*")
                || value.contains("\\")
                || value.contains("(")
                || !value.strip().equals(value)) {
            return null;
        }
        return value;
    }
}
