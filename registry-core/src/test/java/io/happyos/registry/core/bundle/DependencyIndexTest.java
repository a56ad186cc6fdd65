package io.happyos.registry.core.bundle;

import static io.happyos.registry.core.bundle.FakeRevisions.capability;
import static io.happyos.registry.core.bundle.FakeRevisions.requirement;
import static io.happyos.registry.core.bundle.FakeRevisions.revision;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependencyIndexTest {

    private static final String PACKAGE = "osgi.wiring.package";

    @Test
    void demandedValueIsTheNamespacesOwnEqualityWhenEveryMatchMustHaveIt() {
        assertThat(DependencyIndex.demanded(requirement(PACKAGE, "(osgi.wiring.package=com.acme)")))
                .isEqualTo("com.acme");
        assertThat(DependencyIndex.demanded(
                        requirement(PACKAGE, "(&(osgi.wiring.package=com.acme)(version>=1.0.0)(!(version>=2.0.0)))")))
                .isEqualTo("com.acme");
    }

    @Test
    void noDemandedValueWhereTheEqualityIsNotNecessary() {
        for (String filter : List.of(
                "(|(osgi.wiring.package=a)(osgi.wiring.package=b))",
                "(!(osgi.wiring.package=a))",
                "(!(&(osgi.wiring.package=a)(version>=1.0)))",
                "(osgi.wiring.package=com.*)",
                "(version>=1.0)",
                "(&(osgi.wiring.package=a)(osgi.wiring.package=b))",
                "(osgi.wiring.package=a\\)b)",
                "(& (osgi.wiring.package=a) (version>=1.0))")) {
            assertThat(DependencyIndex.demanded(requirement(PACKAGE, filter)))
                    .as(filter)
                    .isNull();
        }
    }

    @Test
    void candidatesAreTheBundlesOfferingTheValueAndThoseWithoutAValue() {
        DependencyIndex index = new DependencyIndex();
        index.provide(1, revision(List.of(capability(PACKAGE, Map.of(PACKAGE, "a"))), List.of()));
        index.provide(2, revision(List.of(capability(PACKAGE, Map.of(PACKAGE, "b"))), List.of()));
        index.provide(3, revision(List.of(capability(PACKAGE, Map.of("other", "x"))), List.of()));
        index.provide(4, revision(List.of(capability(PACKAGE, Map.of(PACKAGE, List.of("a", "c")))), List.of()));

        assertThat(index.candidates(requirement(PACKAGE, "(osgi.wiring.package=a)")))
                .containsExactly(1L, 3L, 4L);
        assertThat(index.candidates(requirement(PACKAGE, "(|(osgi.wiring.package=a)(osgi.wiring.package=b))")))
                .containsExactly(1L, 2L, 3L, 4L);
        assertThat(index.candidates(requirement("osgi.service", "(objectClass=x)")))
                .isEmpty();
    }

    @Test
    void aNewRevisionReplacesTheOldOneAndAnUninstalledBundleIsGone() {
        DependencyIndex index = new DependencyIndex();
        index.provide(1, revision(List.of(capability(PACKAGE, Map.of(PACKAGE, "a"))), List.of()));
        index.provide(1, revision(List.of(capability(PACKAGE, Map.of(PACKAGE, "b"))), List.of()));
        assertThat(index.candidates(requirement(PACKAGE, "(osgi.wiring.package=a)")))
                .isEmpty();
        assertThat(index.candidates(requirement(PACKAGE, "(osgi.wiring.package=b)")))
                .containsExactly(1L);
        index.uninstalled(1);
        assertThat(index.candidates(requirement(PACKAGE, "(osgi.wiring.package=b)")))
                .isEmpty();
    }

    @Test
    void requirersOfACapabilityAreTheUnresolvedBundlesThatMayNeedIt() {
        DependencyIndex index = new DependencyIndex();
        index.require(5, revision(List.of(), List.of(requirement(PACKAGE, "(osgi.wiring.package=a)"))));
        index.require(6, revision(List.of(), List.of(requirement(PACKAGE, "(osgi.wiring.package=b)"))));
        index.require(7, revision(List.of(), List.of(requirement(PACKAGE, "(osgi.wiring.package=a*)"))));
        var offersA = revision(List.of(capability(PACKAGE, Map.of(PACKAGE, "a"))), List.of());

        assertThat(index.requirersOf(offersA)).containsExactly(5L, 7L);
        index.resolved(5);
        assertThat(index.requirersOf(offersA)).containsExactly(7L);
        assertThat(index.requirersOf(revision(List.of(capability(PACKAGE, Map.of())), List.of())))
                .containsExactly(6L, 7L);
    }
}
