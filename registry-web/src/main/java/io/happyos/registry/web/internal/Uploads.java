package io.happyos.registry.web.internal;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.StatusChange;
import io.happyos.registry.text.EntryJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code PUT /api/bundles/{file}}: a JAR uploaded into the bundles folder, so that it goes through
 * the same checks, quarantine, installation and reload as a file dropped there. The body is staged
 * in the storage folder and checked first (a name that is a plain file name, a size within the
 * limit, a JAR with a bundle manifest); only then is it moved into the folder, in one step.
 */
final class Uploads {

    private static final Logger LOG = LoggerFactory.getLogger(Uploads.class);

    /** A file name of the folder: no separators, no leading dot, ends with {@code .jar}. */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,126}\\.[jJ][aA][rR]");

    static final String QUARANTINE = ".quarantine";
    static final String REASON_SUFFIX = ".reason.txt";

    /** How long the answer waits to tell how the folder took the file. */
    static final Duration SETTLE = Duration.ofSeconds(30);

    private static final Duration POLL = Duration.ofMillis(50);
    private static final int RECENT = 1000;

    /** How long an installed component may wait (for a requirement, say) before the answer says so. */
    private static final Duration WAITING = Duration.ofSeconds(2);

    private final Supplier<DynamicRegistry> registry;
    private final Path bundlesDir;
    private final Path stagingDir;
    private final long maxBytes;

    Uploads(Supplier<DynamicRegistry> registry, Path bundlesDir, Path storageDir, long maxBytes) {
        this.registry = registry;
        this.bundlesDir = bundlesDir;
        this.stagingDir = storageDir.resolve("uploads");
        this.maxBytes = maxBytes;
    }

    /**
     * Deletes what an upload cut short by a killed process left behind: bodies staged in the storage
     * folder, and copies not yet moved into place in the bundles folder (the folder ignores
     * dot-files, so they would only pile up).
     *
     * @return how many files were deleted
     */
    int deleteLeftovers() {
        int deleted = 0;
        deleted += deleteMatching(stagingDir, name -> name.endsWith(".part"));
        if (bundlesDir != null) {
            deleted += deleteMatching(bundlesDir, name -> name.startsWith(".") && name.endsWith(".upload"));
        }
        if (deleted > 0) {
            LOG.info("deleted {} files left by uploads that did not finish", deleted);
        }
        return deleted;
    }

    private static int deleteMatching(Path dir, java.util.function.Predicate<String> name) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int deleted = 0;
        try (var files = Files.list(dir)) {
            for (Path file :
                    files.filter(f -> name.test(f.getFileName().toString())).toList()) {
                try {
                    if (Files.deleteIfExists(file)) {
                        deleted++;
                    }
                } catch (IOException e) {
                    LOG.warn("cannot delete {} left by an upload: {}", file, e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot look for files left by uploads in {}: {}", dir, e.getMessage());
        }
        return deleted;
    }

    void put(HttpServletRequest request, HttpServletResponse response, String name, String actor) throws IOException {
        if (!FILE_NAME.matcher(name).matches() || name.contains("..")) {
            throw new HttpProblem(
                    HttpProblem.BAD_REQUEST,
                    "'" + name + "' is not a file name the bundles folder takes: letters, digits, '.', '_', '+' "
                            + "and '-', ending in .jar, no path");
        }
        if (bundlesDir == null) {
            throw new HttpProblem(
                    HttpProblem.CONFLICT,
                    "the container has no bundles folder to upload into: start it with --bundles DIR");
        }
        DynamicRegistry current = registry.get();
        if (current == null) {
            throw HttpProblem.registryUnavailable();
        }
        Files.createDirectories(stagingDir);
        Path staged = stagingDir.resolve(name + "." + UUID.randomUUID() + ".part");
        try {
            long size = receive(request.getInputStream(), staged);
            checkBundle(staged, name);
            Path target = bundlesDir.resolve(name);
            Path beside = bundlesDir.resolve("." + name + "." + UUID.randomUUID() + ".upload");
            Files.createDirectories(bundlesDir);
            Files.copy(staged, beside, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(quarantined(name));
            // a file that replaces one the registry has: the answer waits for the reload's changes
            boolean replacing = current.findComponentByPath(target.toString()).isPresent();
            long lastChange = lastChange(current);
            moveInto(beside, target);
            current.actingFor(actor)
                    .diagnostics()
                    .recordAudit("upload", null, true, null, name + " (" + size + " bytes) into " + bundlesDir);
            LOG.info("{} uploaded {} ({} bytes) into {}", actor, name, size, bundlesDir);
            answer(response, current, name, target, replacing, lastChange);
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    private long receive(InputStream in, Path staged) throws IOException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(staged)) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                if (total > maxBytes) {
                    throw new HttpProblem(
                            HttpProblem.TOO_LARGE,
                            "the upload is larger than the limit of " + maxBytes + " bytes (happyos.http.upload.max)");
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    private static void checkBundle(Path staged, String name) throws IOException {
        if (Files.size(staged) == 0) {
            throw new HttpProblem(HttpProblem.UNPROCESSABLE, name + " is empty: send the JAR's bytes as the body");
        }
        Manifest manifest;
        try (JarFile jar = new JarFile(staged.toFile(), false)) {
            manifest = jar.getManifest();
        } catch (ZipException | SecurityException e) {
            throw new HttpProblem(
                    HttpProblem.UNPROCESSABLE,
                    name + " is not a JAR (" + e.getMessage() + "): send an OSGi bundle's JAR file as the body");
        }
        if (manifest == null) {
            throw new HttpProblem(
                    HttpProblem.UNPROCESSABLE,
                    name + " has no META-INF/MANIFEST.MF: an OSGi bundle needs one with Bundle-SymbolicName");
        }
        String symbolicName = manifest.getMainAttributes().getValue(new Attributes.Name("Bundle-SymbolicName"));
        if (symbolicName == null || symbolicName.isBlank()) {
            throw new HttpProblem(
                    HttpProblem.UNPROCESSABLE,
                    name + " is a JAR but not an OSGi bundle: its manifest has no Bundle-SymbolicName");
        }
    }

    private static void moveInto(Path beside, Path target) throws IOException {
        try {
            Files.move(beside, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(beside, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Path quarantined(String name) {
        return bundlesDir.resolve(QUARANTINE).resolve(name);
    }

    /** 201 with the entry once the registry has it; 422 with the reason if it was quarantined; else 202. */
    private void answer(
            HttpServletResponse response,
            DynamicRegistry registry,
            String name,
            Path target,
            boolean replacing,
            long lastChange)
            throws IOException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        Path reason = bundlesDir.resolve(QUARANTINE).resolve(name + REASON_SUFFIX);
        long waitingSince = 0;
        while (System.nanoTime() < deadline) {
            if (Files.exists(reason) && !Files.exists(target)) {
                String text = Files.readString(reason, StandardCharsets.UTF_8).strip();
                throw new HttpProblem(HttpProblem.UNPROCESSABLE, name + " was quarantined: " + text);
            }
            Optional<RegistryEntry> entry =
                    registry.findComponentByPath(target.toString()).flatMap(registry::findComponent);
            boolean fresh = entry.isPresent()
                    && (!replacing || changedSince(registry, entry.get().id(), lastChange));
            if (fresh && entry.get().status() == ComponentStatus.REGISTERED && waitingSince == 0) {
                waitingSince = System.nanoTime();
            }
            // settled, or installed and waiting (for a requirement, say) for longer than a moment
            boolean waiting = waitingSince != 0 && System.nanoTime() - waitingSince > WAITING.toNanos();
            if (fresh && (settled(entry.get().status()) || waiting)) {
                Map<String, Object> out = new LinkedHashMap<>(EntryJson.toMap(entry.get()));
                out.put("file", name);
                if (entry.get().status() != ComponentStatus.ACTIVE) {
                    out.put(
                            "why",
                            registry.diagnostics().explain(entry.get().id()).summary());
                }
                Responses.json(response, 201, out);
                return;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", name);
        out.put("status", "pending");
        out.put(
                "message",
                "the file is in the bundles folder; the registry has not taken it yet: "
                        + "watch GET /api/events or GET /api/components");
        Responses.json(response, 202, out);
    }

    private static long lastChange(DynamicRegistry registry) {
        List<StatusChange> changes = registry.diagnostics().getRecentStatusChanges(1);
        return changes.isEmpty() ? -1 : changes.get(changes.size() - 1).sequence();
    }

    private static boolean changedSince(DynamicRegistry registry, String id, long sequence) {
        return registry.diagnostics().getRecentStatusChanges(RECENT).stream()
                .anyMatch(c -> c.sequence() > sequence && c.id().equals(id));
    }

    private static boolean settled(ComponentStatus status) {
        return status == ComponentStatus.ACTIVE
                || status == ComponentStatus.ERROR
                || status == ComponentStatus.INACTIVE;
    }
}
