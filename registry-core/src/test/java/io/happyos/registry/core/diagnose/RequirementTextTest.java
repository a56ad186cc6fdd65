package io.happyos.registry.core.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;

class RequirementTextTest {

    private static Requirement requirement(String namespace, String filter) {
        return new Requirement() {
            @Override
            public String getNamespace() {
                return namespace;
            }

            @Override
            public Map<String, String> getDirectives() {
                return filter == null ? Map.of() : Map.of("filter", filter);
            }

            @Override
            public Map<String, Object> getAttributes() {
                return Map.of();
            }

            @Override
            public Resource getResource() {
                return null;
            }
        };
    }

    @Test
    void rangesReadBackInIntervalNotation() {
        String p = "osgi.wiring.package";
        assertThat(RequirementText.range(
                        requirement(p, "(&(osgi.wiring.package=a)(version>=1.2.0)(!(version>=2.0.0)))")))
                .isEqualTo("[1.2.0,2.0.0)");
        assertThat(RequirementText.range(
                        requirement(p, "(&(osgi.wiring.package=a)(!(version<=1.0.0))(version<=2.0.0))")))
                .isEqualTo("(1.0.0,2.0.0]");
        assertThat(RequirementText.range(requirement(p, "(&(osgi.wiring.package=a)(version>=1.5.0))")))
                .isEqualTo("1.5.0 or later");
        assertThat(RequirementText.range(requirement(p, "(osgi.wiring.package=a)")))
                .isEqualTo("any version");
        assertThat(RequirementText.range(requirement(
                        "osgi.wiring.bundle",
                        "(&(osgi.wiring.bundle=b)(bundle-version>=3.0.0)(!(bundle-version>=4.0.0)))")))
                .isEqualTo("[3.0.0,4.0.0)");
        assertThat(RequirementText.range(requirement("osgi.ee", "(&(osgi.ee=JavaSE)(version=17))")))
                .isEqualTo("exactly 17");
    }

    @Test
    void describeNamesTheKindTheNameAndTheRange() {
        assertThat(RequirementText.describe(requirement(
                        "osgi.wiring.package",
                        "(&(osgi.wiring.package=com.acme.log)(version>=1.2.0)(!(version>=2.0.0)))")))
                .isEqualTo("package com.acme.log in [1.2.0,2.0.0)");
        assertThat(RequirementText.describe(requirement("osgi.wiring.bundle", "(osgi.wiring.bundle=base-util)")))
                .isEqualTo("bundle base-util");
        assertThat(RequirementText.describe(requirement("acme.storage", "(acme.storage=sql)")))
                .isEqualTo("capability acme.storage sql");
        assertThat(RequirementText.describe(requirement("acme.storage", "(&(kind=sql)(size>=3))")))
                .isEqualTo("capability acme.storage matching (&(kind=sql)(size>=3))");
        assertThat(RequirementText.describe(requirement("acme.storage", null))).isEqualTo("capability acme.storage");
    }
}
