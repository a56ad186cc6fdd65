package io.happyos.registry.core.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.AuditQuery;
import io.happyos.registry.AuditRecord;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.ProvisionResult;
import io.happyos.registry.ProvisionResult.Action;
import io.happyos.registry.ProvisionedBundle;
import io.happyos.registry.ProvisionedSet;
import io.happyos.registry.RegistryException;
import io.happyos.registry.core.provision.Checksum;
import io.happyos.registry.core.provision.LoopbackRepository;
import io.happyos.registry.core.provision.TestRepository;
import io.happyos.registry.testing.TestBundle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;

/**
 * Installing from Maven repositories and provisioning features files in a real framework: a remote
 * repository served on 127.0.0.1, a local repository made by the test.
 */
class ProvisioningIT extends FrameworkTestSupport {

    private static final String API = "mvn:io.happyos.it/prov.api/1.0.0";
    private static final String IMPL = "mvn:io.happyos.it/prov.impl/1.0.0";
    private static final String APP = "mvn:io.happyos.it/prov.app/1.0.0";

    @TempDir
    Path temp;

    private TestRepository remote;
    private LoopbackRepository server;
    private Path local;

    @BeforeEach
    void repositories() throws Exception {
        remote = new TestRepository(Files.createDirectories(temp.resolve("remote")));
        remote.put(API, TestBundle.builder("prov.api").exportPackage("prov.api").build());
        remote.put(
                IMPL,
                TestBundle.builder("prov.impl")
                        .importPackage("prov.api")
                        .exportPackage("prov.impl")
                        .build());
        remote.put(
                APP, TestBundle.builder("prov.app").importPackage("prov.impl").build());
        server = new LoopbackRepository(remote.root());
        local = temp.resolve("local-repository");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("happyos.maven.local", local.toString());
        properties.put("happyos.maven.repositories", server.url());
        return properties;
    }

    private void start() throws Exception {
        startRegistry(properties());
        awaitReady();
    }

    @Test
    void aBundleInstalledFromARemoteRepositoryIsAnEntryWithItsMvnUrlAndIsAudited() throws Exception {
        start();

        ProvisionResult result = join(registry.actingFor("alice").provisioning().install(API));

        assertThat(result.changes()).singleElement().satisfies(change -> {
            assertThat(change.action()).isEqualTo(Action.INSTALLED);
            assertThat(change.componentId()).isEqualTo("prov.api");
        });
        assertThat(registry.getComponent("prov.api").status()).isEqualTo(ComponentStatus.ACTIVE);
        assertThat(registry.getComponent("prov.api").component().path()).isEqualTo(API);
        assertThat(felix.context().getBundle(API)).isNotNull();
        assertThat(local.resolve("io/happyos/it/prov.api/1.0.0/prov.api-1.0.0.jar"))
                .exists();
        List<AuditRecord> audit =
                registry.diagnostics().getAuditLog(new AuditQuery(null, "install", null, null, null, false, 10));
        assertThat(audit).first().satisfies(r -> {
            assertThat(r.actor()).isEqualTo("alice");
            assertThat(r.ok()).isTrue();
            assertThat(r.details()).contains("installed 1 [prov.api]");
        });
        assertThat(registry.provisioning().getProvisionedSets()).singleElement().satisfies(set -> {
            assertThat(set.name()).isEqualTo(API);
            assertThat(set.kind()).isEqualTo(ProvisionedSet.Kind.INSTALL);
            assertThat(set.actor()).isEqualTo("alice");
        });

        ProvisionResult again = join(registry.provisioning().install(API));
        assertThat(again.changes()).extracting(ProvisionResult.Change::action).containsExactly(Action.UNCHANGED);
    }

    @Test
    void aChecksumMismatchIsRefusedAndNothingIsInstalled() throws Exception {
        Path sha1 = TestRepository.checksumFile(
                remote.root().resolve("io/happyos/it/prov.api/1.0.0/prov.api-1.0.0.jar"), Checksum.SHA1);
        Files.writeString(sha1, "0123456789012345678901234567890123456789");
        start();
        int bundles = felix.context().getBundles().length;

        assertThatThrownBy(() -> join(registry.provisioning().install(API)))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("checksum mismatch")
                .hasMessageContaining(server.url() + "io/happyos/it/prov.api/1.0.0/prov.api-1.0.0.jar")
                .hasMessageContaining("0123456789012345678901234567890123456789");

        assertThat(felix.context().getBundles()).hasSize(bundles);
        assertThat(registry.findComponent("prov.api")).isEmpty();
        assertThat(registry.diagnostics().getAuditLog(new AuditQuery(null, "install", null, null, null, true, 10)))
                .as("the refusal is audited")
                .isNotEmpty();
    }

    @Test
    void anArtifactInNoRepositoryIsRefusedListingEveryRepositoryTried() throws Exception {
        start();

        assertThatThrownBy(() -> join(registry.provisioning().install("mvn:io.happyos.it/nowhere/1.0.0")))
                .hasMessageContaining("mvn:io.happyos.it/nowhere/1.0.0 was found in no repository")
                .hasMessageContaining(local.toString())
                .hasMessageContaining(server.url() + "io/happyos/it/nowhere/1.0.0/nowhere-1.0.0.jar (404 not found)");
        assertThatThrownBy(() -> join(registry.provisioning().install("mvn:io.happyos.it/nowhere")))
                .hasMessageContaining("mvn:GROUP/ARTIFACT/VERSION[/TYPE[/CLASSIFIER]]");
    }

    @Test
    void aSetWithNestedFeaturesIsInstalledAndActivatedInDependencyOrderAndSurvivesRestarts() throws Exception {
        Path features = features(temp.resolve("features.xml"), APP, IMPL, API);
        start();

        ProvisionResult result = join(registry.provisioning().provision(features, List.of()));

        assertThat(result.sets()).containsExactly("app");
        assertThat(result.changes(Action.INSTALLED))
                .extracting(ProvisionResult.Change::componentId)
                .containsExactlyInAnyOrder("prov.api", "prov.impl", "prov.app");
        assertThat(recorded("started")).containsExactly("prov.api", "prov.impl", "prov.app");
        assertSetActive(features);

        ProvisionResult again = join(registry.provisioning().provision(features, List.of()));
        assertThat(again.changes()).extracting(ProvisionResult.Change::action).containsOnly(Action.UNCHANGED);

        felix = felix.restart(properties());
        registry = felix.service(DynamicRegistry.class, WAIT);
        awaitReady();
        assertSetActive(features);

        // the framework's cache lost, the repositories gone: the registry database and the local
        // repository bring the set back
        server.close();
        Map<String, String> cleanCache = properties();
        cleanCache.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        felix = felix.restart(cleanCache);
        felix.withRegistry();
        registry = felix.service(DynamicRegistry.class, WAIT);
        awaitReady();
        assertSetActive(features);
    }

    @Test
    void aSetWithOneMissingArtifactChangesNothing() throws Exception {
        Path features = features(temp.resolve("features.xml"), APP, IMPL, "mvn:io.happyos.it/missing/1.0.0");
        start();
        int bundles = felix.context().getBundles().length;

        assertThatThrownBy(() -> join(registry.provisioning().provision(features, List.of("app"))))
                .hasMessageContaining("nothing was provisioned")
                .hasMessageContaining("mvn:io.happyos.it/missing/1.0.0 was found in no repository");

        assertThat(felix.context().getBundles()).hasSize(bundles);
        assertThat(registry.provisioning().getProvisionedSets()).isEmpty();
    }

    @Test
    void provisioningAnEditedFileRemovesWhatItNoLongerListsAndUnprovisionRemovesTheRest() throws Exception {
        Path features = features(temp.resolve("features.xml"), APP, IMPL, API);
        start();
        join(registry.provisioning().provision(features, List.of()));

        Files.writeString(features, Files.readString(features).replace("<bundle>" + APP + "</bundle>", ""));
        ProvisionResult edited = join(registry.provisioning().provision(features, List.of()));

        assertThat(edited.changes(Action.REMOVED))
                .extracting(ProvisionResult.Change::location)
                .containsExactly(APP);
        assertThat(registry.findComponent("prov.app")).isEmpty();

        ProvisionResult removed = join(registry.provisioning().unprovision("app"));
        assertThat(removed.changes()).extracting(ProvisionResult.Change::action).containsOnly(Action.REMOVED);
        assertThat(registry.findComponent("prov.api")).isEmpty();
        assertThat(registry.provisioning().getProvisionedSets()).isEmpty();
    }

    private void assertSetActive(Path features) {
        for (String id : List.of("prov.api", "prov.impl", "prov.app")) {
            awaitStatus(id, ComponentStatus.ACTIVE);
        }
        assertThat(registry.getComponent("prov.app").component().path()).isEqualTo(APP);
        Bundle app = felix.context().getBundle(APP);
        assertThat(app).isNotNull();
        assertThat(registry.provisioning().getProvisionedSets()).singleElement().satisfies(set -> {
            assertThat(set.name()).isEqualTo("app");
            assertThat(set.version()).isEqualTo("1.0.0");
            assertThat(set.source()).isEqualTo(features.toAbsolutePath().toString());
            assertThat(set.bundles())
                    .extracting(ProvisionedBundle::location, ProvisionedBundle::status)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(API, ComponentStatus.ACTIVE),
                            org.assertj.core.groups.Tuple.tuple(IMPL, ComponentStatus.ACTIVE),
                            org.assertj.core.groups.Tuple.tuple(APP, ComponentStatus.ACTIVE));
        });
    }

    /** The app feature needs the impl feature, which needs the api feature; Karaf-style, with a config ignored. */
    private static Path features(Path file, String app, String impl, String api) throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <features name="it" xmlns="http://karaf.apache.org/xmlns/features/v1.6.0">
                  <feature name="app" version="1.0.0" install="auto">
                    <feature version="[1,2)">impl</feature>
                    <bundle>%s</bundle>
                  </feature>
                  <feature name="impl" version="1.0.0">
                    <feature>api</feature>
                    <bundle>%s</bundle>
                    <config name="prov.impl">greeting=hello</config>
                  </feature>
                  <feature name="api" version="1.0.0">
                    <bundle>%s</bundle>
                  </feature>
                </features>
                """.formatted(app, impl, api);
        return Files.writeString(file, xml, StandardCharsets.UTF_8);
    }
}
