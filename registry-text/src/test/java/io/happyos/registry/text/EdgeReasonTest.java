package io.happyos.registry.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.happyos.registry.Dependency;
import io.happyos.registry.DependencyOrigin;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EdgeReasonTest {

    private static EdgeReason declared(String requirement) {
        return EdgeReason.of(new Dependency("x", DependencyOrigin.DECLARED, requirement));
    }

    @Test
    void namesTheManifestHeaderAndWhatItAsksFor() {
        assertThat(declared("osgi.wiring.package;filter:=\"(&(osgi.wiring.package=io.happyos.log)(version>=1.0.0))\""))
                .isEqualTo(new EdgeReason("Import-Package", "io.happyos.log"));
        assertThat(declared("osgi.wiring.bundle;filter:=\"(osgi.wiring.bundle=base-util)\""))
                .isEqualTo(new EdgeReason("Require-Bundle", "base-util"));
        assertThat(declared("osgi.wiring.host;filter:=\"(osgi.wiring.host=logger)\""))
                .isEqualTo(new EdgeReason("Fragment-Host", "logger"));
        assertThat(declared("happyos.service;filter:=\"(happyos.service=quantum-engine)\""))
                .isEqualTo(new EdgeReason("Require-Capability", "happyos.service=quantum-engine"));
        assertThat(declared("osgi.extender;filter:=\"(&(osgi.extender=osgi.component)(version>=1.5))\""))
                .isEqualTo(new EdgeReason("Require-Capability", "osgi.extender=osgi.component"));
        assertThat(declared("acme.thing;filter:=\"(|(a=1)(b=2))\""))
                .isEqualTo(new EdgeReason("Require-Capability", "acme.thing"));
    }

    @Test
    void dsEdgesExplicitEdgesAndEdgesWithoutText() {
        assertThat(declared("reference log: io.happyos.log.Logger (1..1)"))
                .isEqualTo(new EdgeReason("DS reference", "log: io.happyos.log.Logger (1..1)"));
        assertThat(declared("declared by bundle greeting-skill"))
                .isEqualTo(new EdgeReason("Declared-By", "greeting-skill"));
        assertThat(EdgeReason.of(new Dependency("x", DependencyOrigin.EXPLICIT, null)))
                .isEqualTo(new EdgeReason("explicit", null));
        assertThat(declared(null)).isEqualTo(new EdgeReason("declared", null));
    }

    @Test
    void summaryAndJson() {
        Dependency log = new Dependency(
                "logger",
                DependencyOrigin.DECLARED,
                "osgi.wiring.package;filter:=\"(osgi.wiring.package=io.happyos.log)\"");
        Dependency api = new Dependency(
                "logger",
                DependencyOrigin.DECLARED,
                "osgi.wiring.package;filter:=\"(osgi.wiring.package=io.happyos.log.api)\"");
        Dependency explicit = new Dependency("logger", DependencyOrigin.EXPLICIT, null);
        assertThat(EdgeReason.summary(List.of(log, explicit, api, log)))
                .isEqualTo("Import-Package io.happyos.log, io.happyos.log.api; explicit");
        assertThat(EdgeReason.summary(List.of())).isEmpty();
        assertThat(EdgeReason.json(log))
                .isEqualTo(Map.of(
                        "origin",
                        "declared",
                        "kind",
                        "Import-Package",
                        "detail",
                        "io.happyos.log",
                        "requirement",
                        log.requirement()));
    }
}
