package io.happyos.registry.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

class TestBundleTest {

    @TempDir
    Path dir;

    private static Attributes mainHeaders(byte[] jar) throws IOException {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            return in.getManifest().getMainAttributes();
        }
    }

    private static List<String> entryNames(byte[] jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    @Test
    void aBundleHasTheDefaultHeadersAndOnlyAManifest() throws IOException {
        byte[] jar = TestBundle.builder("com.acme.plain").build();

        Attributes main = mainHeaders(jar);
        assertThat(main.getValue("Manifest-Version")).isEqualTo("1.0");
        assertThat(main.getValue("Bundle-ManifestVersion")).isEqualTo("2");
        assertThat(main.getValue("Bundle-SymbolicName")).isEqualTo("com.acme.plain");
        assertThat(main.getValue("Bundle-Version")).isEqualTo("1.0.0");
        assertThat(main).hasSize(4);
        assertThat(entryNames(jar)).containsExactly("META-INF/MANIFEST.MF");
    }

    @Test
    void eachHeaderMethodSetsItsHeaderAndALaterValueReplacesAnEarlierOne() throws IOException {
        Attributes main = mainHeaders(TestBundle.builder("a")
                .version("2.1.0")
                .exportPackage("a.x;version=2.1.0")
                .importPackage("b.y")
                .requireCapability("c;filter:=\"(c=1)\"")
                .provideCapability("d;d=1")
                .requireBundle("e")
                .fragmentHost("f")
                .activator("a.Activator")
                .header("Bundle-Vendor", "Acme")
                .headers(Map.of("Bundle-Vendor", "Globex"))
                .build());

        assertThat(main.getValue("Bundle-Version")).isEqualTo("2.1.0");
        assertThat(main.getValue("Export-Package")).isEqualTo("a.x;version=2.1.0");
        assertThat(main.getValue("Import-Package")).isEqualTo("b.y");
        assertThat(main.getValue("Require-Capability")).isEqualTo("c;filter:=\"(c=1)\"");
        assertThat(main.getValue("Provide-Capability")).isEqualTo("d;d=1");
        assertThat(main.getValue("Require-Bundle")).isEqualTo("e");
        assertThat(main.getValue("Fragment-Host")).isEqualTo("f");
        assertThat(main.getValue("Bundle-Activator")).isEqualTo("a.Activator");
        assertThat(main.getValue("Bundle-Vendor")).isEqualTo("Globex");
    }

    @Test
    void defaultHeadersCanBeLeftOutAndAPlainJarHasNone() throws IOException {
        Attributes main = mainHeaders(
                TestBundle.builder("a").withoutHeader("Bundle-Version").build());
        assertThat(main.getValue("Bundle-Version")).isNull();
        assertThat(main.getValue("Bundle-SymbolicName")).isEqualTo("a");

        Attributes plain =
                mainHeaders(TestBundle.plainJar().header("X-Name", "x").build());
        assertThat(plain.keySet()).extracting(Object::toString).containsExactlyInAnyOrder("Manifest-Version", "X-Name");
    }

    @Test
    void classesAreCopiedFromTheClassPathAndEntriesAreWrittenInNameOrder() throws IOException {
        byte[] jar = TestBundle.builder("a")
                .entry("z/last.txt", "z")
                .activator(ProbeActivator.class)
                .entries(Map.of("b/data.bin", new byte[] {1, 2}))
                .build();

        assertThat(mainHeaders(jar).getValue("Bundle-Activator")).isEqualTo(ProbeActivator.class.getName());
        assertThat(entryNames(jar))
                .containsExactly(
                        "META-INF/MANIFEST.MF",
                        "b/data.bin",
                        "io/happyos/registry/testing/ProbeActivator.class",
                        "z/last.txt");
    }

    @Test
    void aClassOrResourceNotOnTheClassPathFails() {
        assertThatThrownBy(() -> TestBundle.builder("a").resource("no/such/resource.txt"))
                .hasMessageContaining("no/such/resource.txt");
    }

    @Test
    void componentsAreListedInServiceComponentAndWrittenUnderOsgiInf() throws IOException {
        byte[] jar = TestBundle.builder("a")
                .component("one", "<one/>")
                .component("two", "<two/>")
                .build();

        assertThat(mainHeaders(jar).getValue("Service-Component")).isEqualTo("OSGI-INF/one.xml,OSGI-INF/two.xml");
        Path file = TestBundle.builder("a").component("one", "<one/>").writeTo(dir.resolve("a.jar"));
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(new String(
                            zip.getInputStream(zip.getEntry("OSGI-INF/one.xml")).readAllBytes(),
                            StandardCharsets.UTF_8))
                    .isEqualTo("<one/>");
        }
    }

    @Test
    void storedEntriesAppearInTheFileAsTheyAre() {
        byte[] inner = TestBundle.builder("inner").build();
        byte[] stored = TestBundle.builder("outer")
                .entry("lib/inner.jar", inner)
                .stored()
                .build();
        byte[] compressed =
                TestBundle.builder("outer").entry("lib/inner.jar", inner).build();

        assertThat(indexOf(stored, inner)).isPositive();
        assertThat(indexOf(compressed, inner)).isNegative();
    }

    @Test
    void brokenOutputsAreWhatTheySay() throws IOException {
        byte[] noManifest =
                TestBundle.builder("a").entry("a.txt", "a").withoutManifest().build();
        assertThat(entryNames(noManifest)).containsExactly("a.txt");

        byte[] whole = TestBundle.builder("a").entry("a.txt", "a").build();
        assertThat(TestBundle.builder("a").entry("a.txt", "a").truncatedTo(10).build())
                .isEqualTo(Arrays.copyOf(whole, 10));
        assertThat(TestBundle.builder("a").entry("a.txt", "a").truncatedInHalf().build())
                .isEqualTo(Arrays.copyOf(whole, whole.length / 2));
        assertThat(TestBundle.builder("a").truncatedTo(1 << 20).build())
                .hasSameSizeAs(TestBundle.builder("a").build());
        Path cut = TestBundle.builder("a").truncatedInHalf().writeTo(dir.resolve("cut.jar"));
        assertThatThrownBy(() -> new ZipFile(cut.toFile()).close()).isInstanceOf(ZipException.class);

        byte[] commented = TestBundle.builder("a").comment("made by hand").build();
        assertThat(new String(commented, StandardCharsets.ISO_8859_1)).endsWith("made by hand");
    }

    @Test
    void writeToFolderNamesTheFileAfterTheSymbolicName() throws IOException {
        Path jar = TestBundle.builder("com.acme.x").writeToFolder(dir.resolve("sub"));

        assertThat(jar).isEqualTo(dir.resolve("sub").resolve("com.acme.x.jar"));
        assertThat(Files.readAllBytes(jar))
                .isEqualTo(TestBundle.builder("com.acme.x").build());
    }

    @Test
    void aBuiltBundleStartsInFelixAndRunsItsActivatorFromItsOwnContent() throws Exception {
        Path jar = TestBundle.builder("probe")
                .activator(ProbeActivator.class)
                .importPackage("org.osgi.framework")
                .writeToFolder(dir);
        try (EmbeddedFelix felix = EmbeddedFelix.start(Map.of())) {
            Bundle bundle = felix.install(jar);
            bundle.start();

            ServiceReference<?> reference =
                    felix.context().getServiceReferences(Supplier.class.getName(), "(probe=yes)")[0];
            Object probe = felix.context().getService(reference);
            assertThat(probe.getClass().getClassLoader()).isNotSameAs(ProbeActivator.class.getClassLoader());
            assertThat(((Supplier<?>) probe).get()).isEqualTo("probe");
        }
    }

    private static int indexOf(byte[] data, byte[] part) {
        for (int i = 0; i + part.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }
}
