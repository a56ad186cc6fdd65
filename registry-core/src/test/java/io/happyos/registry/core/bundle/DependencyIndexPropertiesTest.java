package io.happyos.registry.core.bundle;

import static io.happyos.registry.core.bundle.FakeRevisions.capability;
import static io.happyos.registry.core.bundle.FakeRevisions.requirement;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;

/**
 * The index only narrows: whatever bundles offer and require, every bundle whose capability
 * matches a requirement is among its candidates, and every unresolved bundle with a requirement a
 * capability matches is among that capability's requirers; also after bundles change or go.
 */
class DependencyIndexPropertiesTest {

    private static final List<String> NAMESPACES = List.of("osgi.wiring.package", "osgi.wiring.bundle", "acme.x");
    private static final List<String> VALUES = List.of("a", "b", "ab", "c");

    /** One bundle: what it offers, what it requires, and whether it is resolved. */
    record FakeBundle(List<BundleCapability> capabilities, List<BundleRequirement> requirements, boolean resolved) {
        BundleRevision revision() {
            return FakeRevisions.revision(capabilities, requirements);
        }
    }

    @Property(tries = 300)
    void theIndexNeverMissesAMatch(
            @ForAll("bundles") @Size(min = 1, max = 12) List<FakeBundle> bundles,
            @ForAll("bundles") @Size(max = 4) List<FakeBundle> replacements) {
        DependencyIndex index = new DependencyIndex();
        Map<Long, FakeBundle> installed = new HashMap<>();
        for (int i = 0; i < bundles.size(); i++) {
            put(index, installed, i + 1L, bundles.get(i));
        }
        for (int i = 0; i < replacements.size(); i++) { // updates of the first bundles
            put(index, installed, i + 1L, replacements.get(i));
        }
        if (installed.size() > 2) { // and one uninstalled
            index.uninstalled(2L);
            installed.remove(2L);
        }
        installed.forEach((requirerId, requirer) -> {
            for (BundleRequirement requirement : requirer.requirements()) {
                List<Long> matching = new ArrayList<>();
                installed.forEach((providerId, provider) -> {
                    if (provider.capabilities().stream().anyMatch(requirement::matches)) {
                        matching.add(providerId);
                    }
                });
                assertThat(index.candidates(requirement))
                        .as(requirement.toString())
                        .containsAll(matching);
                if (!requirer.resolved()) {
                    matching.forEach(providerId -> assertThat(
                                    index.requirersOf(installed.get(providerId).revision()))
                            .as(requirement.toString())
                            .contains(requirerId));
                }
            }
        });
    }

    private static void put(DependencyIndex index, Map<Long, FakeBundle> installed, long id, FakeBundle bundle) {
        installed.put(id, bundle);
        index.provide(id, bundle.revision());
        if (bundle.resolved()) {
            index.resolved(id);
        } else {
            index.require(id, bundle.revision());
        }
    }

    @Provide
    Arbitrary<List<FakeBundle>> bundles() {
        return Combinators.combine(
                        capabilities().list().ofMaxSize(3),
                        requirements().list().ofMaxSize(3),
                        Arbitraries.of(true, false))
                .as(FakeBundle::new)
                .list();
    }

    private Arbitrary<BundleCapability> capabilities() {
        Arbitrary<String> namespace = Arbitraries.of(NAMESPACES);
        Arbitrary<Object> value = Arbitraries.oneOf(
                Arbitraries.of(VALUES).map(v -> (Object) v),
                Arbitraries.of(VALUES).list().ofMinSize(1).ofMaxSize(2).map(v -> (Object) v),
                Arbitraries.just((Object) null));
        Arbitrary<String> version = Arbitraries.of("1.0.0", "2.0.0");
        return Combinators.combine(namespace, value, version).as((ns, v, ver) -> {
            Map<String, Object> attributes = new HashMap<>();
            if (v != null) {
                attributes.put(ns, v);
            }
            attributes.put("version", ver);
            return capability(ns, attributes);
        });
    }

    private Arbitrary<BundleRequirement> requirements() {
        Arbitrary<String> namespace = Arbitraries.of(NAMESPACES);
        Arbitrary<String> a = Arbitraries.of(VALUES);
        Arbitrary<String> b = Arbitraries.of(VALUES);
        Arbitrary<Integer> shape = Arbitraries.integers().between(0, 7);
        return Combinators.combine(namespace, a, b, shape)
                .as((ns, x, y, s) -> requirement(
                        ns,
                        switch (s) {
                            case 0 -> "(" + ns + "=" + x + ")";
                            case 1 -> "(&(" + ns + "=" + x + ")(version>=1.0.0)(!(version>=2.0.0)))";
                            case 2 -> "(|(" + ns + "=" + x + ")(" + ns + "=" + y + "))";
                            case 3 -> "(!(" + ns + "=" + x + "))";
                            case 4 -> "(" + ns + "=" + x + "*)";
                            case 5 -> "(!(&(" + ns + "=" + x + ")(version>=2.0.0)))";
                            case 6 -> "(version>=1.0.0)";
                            default -> "(&(" + ns + "=" + x + ")(" + ns + "=" + y + "))";
                        }));
    }
}
