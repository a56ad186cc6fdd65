package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.testing.TestBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** registry:install, provision, sets and unprovision against the real registry, from a local repository. */
class ProvisionCommandsIT {

    private static final String HELLO = "mvn:io.happyos.shell/hello/1.0.0";
    private static final Path LOCAL = local();

    @RegisterExtension
    final ShellFixture shell = new ShellFixture(List.of())
            .property("happyos.maven.local", LOCAL.toString())
            .property("happyos.maven.repositories", "");

    private static Path local() {
        try {
            Path root = Files.createTempDirectory("happyos-local-repository");
            Path jar = root.resolve("io/happyos/shell/hello/1.0.0/hello-1.0.0.jar");
            Files.createDirectories(jar.getParent());
            TestBundle.builder("hello").version("1.0.0").writeTo(jar);
            String sha1 =
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(jar)));
            Files.writeString(jar.resolveSibling("hello-1.0.0.jar.sha1"), sha1);
            return root;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void deleteLocal() throws Exception {
        try (java.util.stream.Stream<Path> files = Files.walk(LOCAL)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    @Test
    void installListsTheChangeAndSetsShowsWhereItCameFrom() {
        shell.provisioning.install(true, HELLO);
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) shell.json();
        assertThat(result.get("sets")).isEqualTo(List.of(HELLO));
        assertThat(result.get("changes"))
                .asList()
                .singleElement()
                .satisfies(change -> assertThat(change)
                        .isEqualTo(Map.of(
                                "location", HELLO, "id", "hello", "action", "INSTALLED", "detail", "hello 1.0.0")));

        shell.provisioning.sets(false);
        assertThat(shell.output()).contains("SET", HELLO, "hello", "ACTIVE", "shell");
        shell.provisioning.sets(true);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sets = (List<Map<String, Object>>) shell.json();
        assertThat(sets).singleElement().satisfies(set -> {
            assertThat(set).containsEntry("name", HELLO).containsEntry("kind", "INSTALL");
            assertThat(set.get("bundles"))
                    .isEqualTo(List.of(Map.of("location", HELLO, "id", "hello", "status", "ACTIVE", "start", true)));
        });

        shell.components.info(false, "hello");
        assertThat(shell.output()).containsPattern("Path\\s+" + HELLO);
    }

    @Test
    void provisionAFileThenUnprovisionIt() throws Exception {
        Path features = Files.createTempFile("features", ".xml");
        Files.writeString(
                features,
                "<features><feature name='greetings' version='2.0'><bundle>" + HELLO
                        + "</bundle></feature></features>");

        shell.provisioning.provision(false, features.toString());
        assertThat(shell.output()).contains("sets: greetings", "installed", "hello", HELLO);
        shell.provisioning.provision(false, features.toString(), "greetings");
        assertThat(shell.output()).contains("unchanged");

        shell.provisioning.unprovision(true, "greetings");
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) shell.json();
        assertThat(result.get("changes"))
                .asList()
                .singleElement()
                .satisfies(change -> assertThat(change)
                        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                        .containsEntry("action", "REMOVED"));
        shell.provisioning.sets(false);
        assertThat(shell.output()).contains("nothing provisioned");
        Files.delete(features);
    }

    @Test
    void badInputFailsWithTheExpectedForm() {
        assertThatThrownBy(() -> shell.provisioning.install(false, "mvn:io.happyos.shell/hello"))
                .hasMessageContaining("mvn:GROUP/ARTIFACT/VERSION[/TYPE[/CLASSIFIER]]");
        assertThatThrownBy(() -> shell.provisioning.provision(false))
                .hasMessageContaining("usage: registry:provision FILE [FEATURE...]");
        assertThatThrownBy(() -> shell.provisioning.unprovision(false, "nope"))
                .hasMessageContaining("no provisioned set named 'nope'");
    }
}
