package io.happyos.registry.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The one way to build a bundle JAR in a test: manifest headers, classes compiled with the test,
 * resources, Declarative Services component descriptions, and the broken JARs a test of a
 * deployer needs (no manifest, cut short).
 *
 * <pre>{@code
 * Path jar = TestBundle.builder("com.acme.echo")
 *         .version("2.0.0")
 *         .exportPackage("com.acme.echo;version=2.0.0")
 *         .activator(EchoActivator.class)      // Bundle-Activator, and the class file in the JAR
 *         .classes(Echo.class)
 *         .writeToFolder(dir);                  // dir/com.acme.echo.jar
 * }</pre>
 *
 * <p>Defaults: {@code Manifest-Version: 1.0}, {@code Bundle-ManifestVersion: 2}, the symbolic name
 * given and {@code Bundle-Version: 1.0.0}; any of them can be replaced ({@link #header}) or left
 * out ({@link Builder#withoutHeader}). Entries are written in name order, after the manifest. A
 * builder is not thread-safe; {@link Builder#build()} may be called more than once.
 */
public final class TestBundle {

    private TestBundle() {}

    /**
     * Starts a bundle with the given symbolic name and the default headers.
     *
     * @param symbolicName the {@code Bundle-SymbolicName}, also the file name of {@link Builder#writeToFolder}
     * @return a builder
     */
    public static Builder builder(String symbolicName) {
        return new Builder(symbolicName);
    }

    /**
     * Starts a plain JAR: a manifest with {@code Manifest-Version} only, no OSGi header unless added.
     *
     * @return a builder (its file name for {@link Builder#writeToFolder} is {@code plain.jar})
     */
    public static Builder plainJar() {
        return new Builder("plain")
                .withoutHeader("Bundle-ManifestVersion")
                .withoutHeader("Bundle-SymbolicName")
                .withoutHeader("Bundle-Version");
    }

    /** Collects what goes into one JAR. Every method returns this builder. */
    public static final class Builder {

        private final String fileName;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final Map<String, byte[]> entries = new TreeMap<>();
        private boolean manifest = true;
        private boolean stored;
        private String comment;
        private int truncateTo = -1;
        private boolean inHalf;

        private Builder(String symbolicName) {
            this.fileName = Objects.requireNonNull(symbolicName, "symbolicName");
            headers.put("Bundle-ManifestVersion", "2");
            headers.put("Bundle-SymbolicName", symbolicName);
            headers.put("Bundle-Version", "1.0.0");
        }

        /**
         * Sets a main manifest header, replacing the value it had.
         *
         * @param name the header name
         * @param value its value
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Sets every header of a map, as {@link #header} does.
         *
         * @param more the headers
         * @return this builder
         */
        public Builder headers(Map<String, String> more) {
            more.forEach(this::header);
            return this;
        }

        /**
         * Leaves a header out of the manifest, a default one included.
         *
         * @param name the header name
         * @return this builder
         */
        public Builder withoutHeader(String name) {
            headers.remove(name);
            return this;
        }

        /** @param version the {@code Bundle-Version} (default {@code 1.0.0}) @return this builder */
        public Builder version(String version) {
            return header("Bundle-Version", version);
        }

        /** @param clauses the {@code Export-Package} header @return this builder */
        public Builder exportPackage(String clauses) {
            return header("Export-Package", clauses);
        }

        /** @param clauses the {@code Import-Package} header @return this builder */
        public Builder importPackage(String clauses) {
            return header("Import-Package", clauses);
        }

        /** @param clauses the {@code Require-Capability} header @return this builder */
        public Builder requireCapability(String clauses) {
            return header("Require-Capability", clauses);
        }

        /** @param clauses the {@code Provide-Capability} header @return this builder */
        public Builder provideCapability(String clauses) {
            return header("Provide-Capability", clauses);
        }

        /** @param clauses the {@code Require-Bundle} header @return this builder */
        public Builder requireBundle(String clauses) {
            return header("Require-Bundle", clauses);
        }

        /** @param host the {@code Fragment-Host} header (the host's symbolic name) @return this builder */
        public Builder fragmentHost(String host) {
            return header("Fragment-Host", host);
        }

        /**
         * Names an activator class that is in the JAR already (or comes from an import).
         *
         * @param className the {@code Bundle-Activator} header
         * @return this builder
         */
        public Builder activator(String className) {
            return header("Bundle-Activator", className);
        }

        /**
         * Sets {@code Bundle-Activator} and puts the class's own class file into the JAR.
         *
         * @param activator the activator, compiled with the test
         * @return this builder
         */
        public Builder activator(Class<?> activator) {
            return activator(activator.getName()).classes(activator);
        }

        /**
         * Puts the class files of classes compiled with the test into the JAR, so that the bundle
         * loads them from its own content as it would from a real plugin. Nested classes are not
         * added on their own: list them.
         *
         * @param types the classes
         * @return this builder
         * @throws UncheckedIOException when a class file cannot be read from the class path
         */
        public Builder classes(Class<?>... types) {
            for (Class<?> type : types) {
                String resource = type.getName().replace('.', '/') + ".class";
                try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IOException("class file " + resource + " not found on the class path");
                    }
                    entries.put(resource, in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return this;
        }

        /**
         * Adds an entry.
         *
         * @param path its path in the JAR ({@code OSGI-INF/x.xml}, {@code lib/inner.jar})
         * @param content its bytes
         * @return this builder
         */
        public Builder entry(String path, byte[] content) {
            entries.put(Objects.requireNonNull(path, "path"), content.clone());
            return this;
        }

        /**
         * Adds a text entry, UTF-8 encoded.
         *
         * @param path its path in the JAR
         * @param text its content
         * @return this builder
         */
        public Builder entry(String path, String text) {
            return entry(path, text.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * Adds every entry of a map, as {@link #entry(String, byte[])} does.
         *
         * @param more the entries by path
         * @return this builder
         */
        public Builder entries(Map<String, byte[]> more) {
            more.forEach(this::entry);
            return this;
        }

        /**
         * Copies a resource of the class path into the JAR under the same path.
         *
         * @param path the resource's path, without a leading slash
         * @return this builder
         * @throws UncheckedIOException when it is not on the class path
         */
        public Builder resource(String path) {
            try (InputStream in = TestBundle.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IOException("resource " + path + " not found on the class path");
                }
                return entry(path, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * Adds a Declarative Services component description as {@code OSGI-INF/NAME.xml} and lists
         * it in {@code Service-Component} (after any listed before).
         *
         * @param name the file name without {@code .xml}
         * @param xml the whole {@code <scr:component>} document
         * @return this builder
         */
        public Builder component(String name, String xml) {
            String path = "OSGI-INF/" + name + ".xml";
            headers.merge("Service-Component", path, (before, added) -> before + "," + added);
            return entry(path, xml);
        }

        /**
         * Stores the entries uncompressed (as an embedded JAR often is), so that their bytes appear
         * as they are in the file.
         *
         * @return this builder
         */
        public Builder stored() {
            this.stored = true;
            return this;
        }

        /** @param text the archive comment, after the central directory @return this builder */
        public Builder comment(String text) {
            this.comment = text;
            return this;
        }

        /**
         * Writes a ZIP with no {@code META-INF/MANIFEST.MF} at all: the headers are ignored.
         *
         * @return this builder
         */
        public Builder withoutManifest() {
            this.manifest = false;
            return this;
        }

        /**
         * Cuts the JAR after its first bytes, as a copy half done leaves it.
         *
         * @param length how many bytes to keep; more than the JAR has keeps all
         * @return this builder
         * @throws IllegalArgumentException when the length is negative
         */
        public Builder truncatedTo(int length) {
            if (length < 0) {
                throw new IllegalArgumentException("length " + length + " < 0");
            }
            this.truncateTo = length;
            this.inHalf = false;
            return this;
        }

        /**
         * Cuts the JAR after half of its bytes (rounded down), whatever its length.
         *
         * @return this builder
         */
        public Builder truncatedInHalf() {
            this.inHalf = true;
            return this;
        }

        /**
         * Writes the JAR into memory.
         *
         * @return its bytes
         */
        public byte[] build() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = manifest ? new JarOutputStream(bytes, manifest()) : new ZipOutputStream(bytes)) {
                for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                    zip.putNextEntry(zipEntry(entry.getKey(), entry.getValue()));
                    zip.write(entry.getValue());
                    zip.closeEntry();
                }
                if (comment != null) {
                    zip.setComment(comment);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("writing a JAR into memory", e);
            }
            byte[] whole = bytes.toByteArray();
            if (inHalf) {
                return Arrays.copyOf(whole, whole.length / 2);
            }
            return truncateTo >= 0 && truncateTo < whole.length ? Arrays.copyOf(whole, truncateTo) : whole;
        }

        /**
         * Writes the JAR to a file, replacing it if it exists.
         *
         * @param file the file; its folder must exist
         * @return the file
         * @throws IOException when it cannot be written
         */
        public Path writeTo(Path file) throws IOException {
            return Files.write(file, build());
        }

        /**
         * Writes the JAR as {@code FOLDER/SYMBOLICNAME.jar} (the name given to {@link #builder}).
         *
         * @param folder the folder, created if missing
         * @return the file
         * @throws IOException when it cannot be written
         */
        public Path writeToFolder(Path folder) throws IOException {
            return writeTo(Files.createDirectories(folder).resolve(fileName + ".jar"));
        }

        private Manifest manifest() {
            Manifest result = new Manifest();
            Attributes main = result.getMainAttributes();
            main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            headers.forEach(main::putValue);
            return result;
        }

        private ZipEntry zipEntry(String name, byte[] content) {
            ZipEntry entry = manifest ? new JarEntry(name) : new ZipEntry(name);
            if (stored) {
                CRC32 crc = new CRC32();
                crc.update(content);
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(content.length);
                entry.setCrc(crc.getValue());
            }
            return entry;
        }
    }
}
