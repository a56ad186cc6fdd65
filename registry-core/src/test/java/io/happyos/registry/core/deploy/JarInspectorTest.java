package io.happyos.registry.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.happyos.registry.core.deploy.JarInspector.JarCheck;
import io.happyos.registry.testing.TestBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarInspectorTest {

    @TempDir
    Path dir;

    /** Writes a JAR holding only a manifest with the given main headers. */
    static Path bundle(Path file, Map<String, String> headers) throws IOException {
        return TestBundle.plainJar()
                .headers(headers)
                .entry("io/happyos/sample/readme.txt", "some content so the file has a body")
                .writeTo(file);
    }

    private Path goodBundle(String name) throws IOException {
        return bundle(
                dir.resolve(name),
                Map.of(
                        "Bundle-ManifestVersion",
                        "2",
                        "Bundle-SymbolicName",
                        "io.happyos.sample;singleton:=true",
                        "Bundle-Version",
                        "1.2.3.qualifier"));
    }

    private static String sha256Of(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void anOuterJarCutRightAfterItsStoredInnerJarIsIncompleteNotTheInnerBundle() throws IOException {
        Path half = Files.write(dir.resolve("outer.jar"), CompleteZipTest.outerCutAfterItsInnerJar());

        JarCheck check = JarInspector.inspect(half);

        assertThat(check.valid()).isFalse();
        assertThat(check.symbolicName()).isNull();
        assertThat(check.reason()).contains("incomplete");
    }

    @Test
    void goodBundleIsValidWithNameWithoutDirectivesVersionAndHash() throws Exception {
        Path jar = goodBundle("good.jar");

        JarCheck check = JarInspector.inspect(jar);

        assertThat(check).isEqualTo(new JarCheck(true, "io.happyos.sample", "1.2.3.qualifier", sha256Of(jar), null));
    }

    @Test
    void absentVersionAndManifestVersionAreAccepted() throws IOException {
        Path jar = bundle(dir.resolve("plain.jar"), Map.of("Bundle-SymbolicName", " io.happyos.plain "));

        JarCheck check = JarInspector.inspect(jar);

        assertThat(check.valid()).isTrue();
        assertThat(check.symbolicName()).isEqualTo("io.happyos.plain");
        assertThat(check.version()).isEqualTo("0.0.0");
        assertThat(check.reason()).isNull();
    }

    @Test
    void realWorldBundleFromMavenCentralIsValid() throws Exception {
        Path felix = Path.of(FrameworkFactory.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        String declared;
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(felix.toFile())) {
            declared = jar.getManifest().getMainAttributes().getValue("Bundle-Version");
        }

        JarCheck check = JarInspector.inspect(felix);

        assertThat(check.valid()).as(check.reason()).isTrue();
        assertThat(check.symbolicName()).isEqualTo("org.apache.felix.framework");
        assertThat(check.version()).isEqualTo(declared).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void sha256IsTheHashOfTheBytes() throws IOException {
        Path file = Files.writeString(dir.resolve("abc.jar"), "abc");

        assertThat(JarInspector.inspect(file).sha256())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void randomBytesAreNotAZip() throws Exception {
        byte[] bytes = new byte[4096];
        new Random(42).nextBytes(bytes);
        Path file = Files.write(dir.resolve("random.jar"), bytes);

        JarCheck check = JarInspector.inspect(file);

        assertThat(check.valid()).isFalse();
        assertThat(check.sha256()).isEqualTo(sha256Of(file));
        assertThat(check.reason())
                .startsWith("not a ZIP/JAR file (the central directory cannot be read: ")
                .endsWith("): copy a complete bundle JAR");
    }

    @Test
    void truncatedCopyOfAGoodJarIsNotAZip() throws IOException {
        byte[] good = Files.readAllBytes(goodBundle("good.jar"));
        Path half = Files.write(dir.resolve("half.jar"), Arrays.copyOf(good, good.length / 2));

        JarCheck check = JarInspector.inspect(half);

        assertThat(check.valid()).isFalse();
        assertThat(check.reason()).startsWith("not a ZIP/JAR file").contains("copy a complete bundle JAR");
    }

    @Test
    void zipWithoutManifestIsRejected() throws IOException {
        Path file = TestBundle.plainJar()
                .entry("a.txt", new byte[] {1})
                .withoutManifest()
                .writeTo(dir.resolve("nomanifest.jar"));

        JarCheck check = JarInspector.inspect(file);

        assertThat(check.valid()).isFalse();
        assertThat(check.sha256()).isNotNull();
        assertThat(check.reason()).isEqualTo("no META-INF/MANIFEST.MF: build the JAR as an OSGi bundle (bnd)");
    }

    @Test
    void manifestWithoutSymbolicNameIsRejected() throws IOException {
        Path jar = bundle(dir.resolve("nobsn.jar"), Map.of("Bundle-Version", "1.0.0"));

        JarCheck check = JarInspector.inspect(jar);

        assertThat(check.valid()).isFalse();
        assertThat(check.reason()).startsWith("the manifest has no Bundle-SymbolicName: add one");
    }

    @Test
    void symbolicNameThatIsOnlyDirectivesIsRejected() throws IOException {
        Path jar = bundle(dir.resolve("blank.jar"), Map.of("Bundle-SymbolicName", " ;singleton:=true"));

        assertThat(JarInspector.inspect(jar).reason()).startsWith("the manifest has no Bundle-SymbolicName");
    }

    @Test
    void badVersionIsRejectedWithTheValueAndTheFix() throws IOException {
        Path jar = bundle(
                dir.resolve("badversion.jar"),
                Map.of("Bundle-SymbolicName", "io.happyos.bad", "Bundle-Version", "x.y.z."));

        JarCheck check = JarInspector.inspect(jar);

        assertThat(check.valid()).isFalse();
        assertThat(check.symbolicName()).isEqualTo("io.happyos.bad");
        assertThat(check.version()).isNull();
        assertThat(check.reason())
                .startsWith("Bundle-Version 'x.y.z.' is not a valid OSGi version")
                .contains("e.g. 1.2.3");
    }

    private JarCheck inspectWith(String header, String value) throws IOException {
        return JarInspector.inspect(bundle(
                dir.resolve("headers.jar"),
                Map.of("Bundle-ManifestVersion", "2", "Bundle-SymbolicName", "io.happyos.sample", header, value)));
    }

    @Test
    void badVersionRangeIsRejectedNamingTheHeaderTheValueAndWhatIsWrong() throws IOException {
        JarCheck check = inspectWith("Import-Package", "c.d, a.b;version=\"[1,x)\"");

        assertThat(check.valid()).isFalse();
        assertThat(check.symbolicName()).isEqualTo("io.happyos.sample");
        assertThat(check.reason())
                .startsWith("Import-Package a.b: version \"[1,x)\" is not a valid version range")
                .contains("x")
                .doesNotContain("Bundle-SymbolicName");
    }

    @Test
    void badFilterIsRejectedNamingTheHeaderTheValueAndWhatIsWrong() throws IOException {
        JarCheck check =
                inspectWith("Require-Capability", "osgi.ee;filter:=\"(osgi.ee=JavaSE)\",x;filter:=\"(&(a=1)\"");

        assertThat(check.valid()).isFalse();
        assertThat(check.reason())
                .startsWith("Require-Capability x: filter \"(&(a=1)\" is not a valid LDAP filter")
                .doesNotContain("Bundle-SymbolicName");
    }

    @Test
    void badVersionsInOtherDependencyHeadersAreRejectedToo() throws IOException {
        assertThat(inspectWith("Require-Bundle", "a;bundle-version=\"[1,2\"").reason())
                .startsWith("Require-Bundle a: bundle-version \"[1,2\" is not a valid version range");
        assertThat(inspectWith("Export-Package", "a;version=1.x").reason())
                .startsWith("Export-Package a: version \"1.x\" is not a valid version");
        assertThat(inspectWith("Fragment-Host", "h;bundle-version=\"(2,1)x\"").valid())
                .isFalse();
    }

    @Test
    void wellFormedDependencyHeadersAreAccepted() throws IOException {
        assertThat(inspectWith(
                                "Import-Package",
                                "a.b;version=\"[1.0,2)\";resolution:=optional,c;version=1.2," + "d;x=\"q,r;s\"")
                        .reason())
                .isNull();
        assertThat(inspectWith("Require-Capability", "osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=17))\"")
                        .reason())
                .isNull();
    }

    @Test
    void manifestVersionOtherThanTwoIsRejected() throws IOException {
        Path jar = bundle(
                dir.resolve("r3.jar"), Map.of("Bundle-SymbolicName", "io.happyos.old", "Bundle-ManifestVersion", "1"));

        assertThat(JarInspector.inspect(jar).reason()).startsWith("Bundle-ManifestVersion '1' is not supported");
    }

    @Test
    void missingFileIsReportedWithoutHash() {
        JarCheck check = JarInspector.inspect(dir.resolve("absent.jar"));

        assertThat(check.valid()).isFalse();
        assertThat(check.sha256()).isNull();
        assertThat(check.reason()).startsWith("the file cannot be read (NoSuchFileException");
    }
}
