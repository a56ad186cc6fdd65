package io.happyos.registry.core.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.RegistryException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolving from a local repository and from a loopback HTTP repository, checksums checked. */
class ArtifactResolverTest {

    private static final String URL = "mvn:io.happyos.test/thing/1.0.0";
    private static final byte[] CONTENT = "the artifact".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path temp;

    private TestRepository remote;
    private LoopbackRepository server;
    private Path local;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    @BeforeEach
    void serve() throws Exception {
        remote = new TestRepository(Files.createDirectories(temp.resolve("remote")));
        server = new LoopbackRepository(remote.root());
        local = temp.resolve("local");
    }

    @AfterEach
    void stop() {
        server.close();
        executor.shutdownNow();
    }

    private ArtifactResolver resolver(String... more) {
        Map<String, String> properties = new HashMap<>();
        properties.put(MavenSettings.LOCAL, local.toString());
        properties.put(MavenSettings.REPOSITORIES, server.url());
        for (int i = 0; i + 1 < more.length; i += 2) {
            properties.put(more[i], more[i + 1]);
        }
        return new ArtifactResolver(MavenSettings.from(properties::get), executor);
    }

    @Test
    void aRemoteArtifactIsDownloadedCheckedAgainstEveryChecksumAndCachedInTheLocalRepository() throws Exception {
        remote.put(URL, CONTENT, Checksum.SHA1, Checksum.SHA256, Checksum.SHA512);

        Path file = resolver().resolve(MavenUrl.parse(URL));

        assertThat(file).isEqualTo(local.resolve("io/happyos/test/thing/1.0.0/thing-1.0.0.jar"));
        assertThat(file).hasBinaryContent(CONTENT);
        assertThat(TestRepository.checksumFile(file, Checksum.SHA1)).exists();
        assertThat(TestRepository.checksumFile(file, Checksum.SHA512)).exists();
        assertThat(server.requested())
                .contains(
                        "/io/happyos/test/thing/1.0.0/thing-1.0.0.jar.sha512",
                        "/io/happyos/test/thing/1.0.0/thing-1.0.0.jar.sha1");
        try (var files = Files.list(file.getParent())) {
            assertThat(files.filter(f -> f.toString().endsWith(".part")))
                    .as("no partial file left")
                    .isEmpty();
        }

        int asked = server.requested().size();
        assertThat(resolver().resolve(MavenUrl.parse(URL))).isEqualTo(file);
        assertThat(server.requested())
                .as("the second time from the local repository")
                .hasSize(asked);
    }

    @Test
    void aChecksumMismatchIsRefusedNamingTheArtifactTheUrlAndBothDigests() throws Exception {
        Path published = remote.put(URL, CONTENT, Checksum.SHA1);
        String expected = Checksum.SHA1.of(published);
        Files.write(published, "tampered".getBytes(StandardCharsets.UTF_8));
        String actual = Checksum.SHA1.of(published);

        assertThatThrownBy(() -> resolver().resolve(MavenUrl.parse(URL)))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining(URL)
                .hasMessageContaining(server.url() + "io/happyos/test/thing/1.0.0/thing-1.0.0.jar")
                .hasMessageContaining("checksum mismatch")
                .hasMessageContaining(expected)
                .hasMessageContaining(actual);
        assertThat(local.resolve("io/happyos/test/thing/1.0.0/thing-1.0.0.jar")).doesNotExist();
    }

    @Test
    void aRemoteWithoutChecksumIsRefusedUnlessThePolicySaysWarn() throws Exception {
        remote.put(URL, CONTENT, new Checksum[0]);

        assertThatThrownBy(() -> resolver().resolve(MavenUrl.parse(URL)))
                .hasMessageContaining("publishes no checksum")
                .hasMessageContaining("happyos.maven.checksumPolicy=warn");
        assertThat(resolver(MavenSettings.CHECKSUM_POLICY, "warn").resolve(MavenUrl.parse(URL)))
                .hasBinaryContent(CONTENT);
    }

    @Test
    void anArtifactInNoRepositoryListsEveryPlaceTried() throws Exception {
        try (LoopbackRepository second = new LoopbackRepository(remote.root())) {
            ArtifactResolver resolver =
                    resolver(MavenSettings.REPOSITORIES, server.url() + "," + second.url() + "missing");

            assertThatThrownBy(() -> resolver.resolve(MavenUrl.parse(URL)))
                    .hasMessageContaining(URL + " was found in no repository")
                    .hasMessageContaining(local.resolve("io/happyos/test/thing/1.0.0/thing-1.0.0.jar") + " (not there)")
                    .hasMessageContaining(server.url() + "io/happyos/test/thing/1.0.0/thing-1.0.0.jar (404 not found)")
                    .hasMessageContaining(second.url() + "missing/io/happyos/test/thing/1.0.0/thing-1.0.0.jar (404")
                    .hasMessageContaining("add the repository that has it to happyos.maven.repositories");
        }
    }

    @Test
    void aLocalArtifactIsCheckedAgainstTheChecksumBesideIt() throws Exception {
        TestRepository localRepository = new TestRepository(local);
        Path file = localRepository.put(URL, CONTENT, Checksum.SHA1);
        assertThat(resolver().resolve(MavenUrl.parse(URL))).isEqualTo(file);
        assertThat(server.requested()).isEmpty();

        Files.write(file, "corrupt".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> resolver().resolve(MavenUrl.parse(URL)))
                .hasMessageContaining("checksum mismatch")
                .hasMessageContaining("delete " + file);
    }

    @Test
    void aSnapshotIsTakenFromTheLocalRepositoryOnly() throws Exception {
        remote.put("mvn:g/a/1.0-SNAPSHOT", CONTENT);

        assertThatThrownBy(() -> resolver().resolve(MavenUrl.parse("mvn:g/a/1.0-SNAPSHOT")))
                .hasMessageContaining("SNAPSHOT")
                .hasMessageContaining("local repository only");
        new TestRepository(local).put("mvn:g/a/1.0-SNAPSHOT", CONTENT);
        assertThat(resolver().resolve(MavenUrl.parse("mvn:g/a/1.0-SNAPSHOT"))).hasBinaryContent(CONTENT);
    }

    @Test
    void badSettingsAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> resolver(MavenSettings.REPOSITORIES, "ftp://repo.example.com/"))
                .hasMessageContaining("happyos.maven.repositories")
                .hasMessageContaining("not an http(s) URL");
        assertThatThrownBy(() -> resolver(MavenSettings.REPOSITORIES, "https://user:secret@repo.example.com/"))
                .hasMessageContaining("credentials");
        assertThatThrownBy(() -> resolver(MavenSettings.CHECKSUM_POLICY, "ignore"))
                .hasMessageContaining("give fail");
        assertThat(MavenSettings.from(key -> null).remotes()).hasToString("[" + MavenSettings.CENTRAL + "]");
    }
}
