package io.happyos.registry.core.provision;

import io.happyos.registry.RegistryException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a Maven artifact: in the local repository, else in each remote repository in turn,
 * downloaded with the JDK's HTTP client and checked against every checksum the remote publishes
 * ({@code .sha512}, {@code .sha256}, {@code .sha1}), then kept in the local repository, where Maven
 * itself would keep it, so that the next start, another container or a build finds it there; a
 * checksum kept beside a local file is checked too. Thread-safe; each call blocks while it downloads.
 */
public final class ArtifactResolver {

    private static final Logger LOG = LoggerFactory.getLogger(ArtifactResolver.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(5);
    private static final int MAX_CHECKSUM_BYTES = 4096;

    private final MavenSettings settings;
    private final HttpClient http;

    /**
     * @param settings the repositories
     * @param executor runs the HTTP client's work (a registry thread pool)
     */
    public ArtifactResolver(MavenSettings settings, Executor executor) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL) // never from https to http
                .proxy(java.net.ProxySelector.getDefault()) // the JVM's http(s).proxyHost settings, if any
                .executor(executor)
                .build();
    }

    /** @return the settings */
    public MavenSettings settings() {
        return settings;
    }

    /**
     * The artifact's file in the local repository, downloaded first when it is not there.
     *
     * @param artifact the artifact
     * @return the file
     * @throws RegistryException when it is in no repository (every place tried is named), its
     *     checksum does not match, or a remote publishes none and the policy is {@code fail}
     */
    public Path resolve(MavenUrl artifact) {
        Path local = settings.localRepository().resolve(artifact.path());
        if (Files.isRegularFile(local)) {
            checkLocal(artifact, local);
            return local;
        }
        if (artifact.snapshot()) {
            throw new RegistryException(artifact + " is a SNAPSHOT and is not in the local repository (looked for "
                    + local + "): snapshots are taken from the local repository only (install it there with mvn"
                    + " install, or set " + MavenSettings.LOCAL + "), or give a release version");
        }
        Map<URI, String> tried = new LinkedHashMap<>();
        for (URI remote : settings.remotes()) {
            URI uri = remote.resolve(artifact.path());
            String outcome = download(artifact, uri, local);
            if (outcome == null) {
                return local;
            }
            tried.put(uri, outcome);
        }
        throw notFound(artifact, local, tried);
    }

    private RegistryException notFound(MavenUrl artifact, Path local, Map<URI, String> tried) {
        List<String> places = new ArrayList<>();
        places.add(local + " (not there)");
        tried.forEach((uri, outcome) -> places.add(uri + " (" + outcome + ")"));
        return new RegistryException(artifact + " was found in no repository; tried " + String.join(", ", places)
                + ". Check the group, artifact and version, or add the repository that has it to "
                + MavenSettings.REPOSITORIES + (settings.remotes().isEmpty() ? " (no remote repository is set)" : ""));
    }

    private void checkLocal(MavenUrl artifact, Path local) {
        for (Checksum checksum : Checksum.ALL) {
            Path file = local.resolveSibling(local.getFileName() + "." + checksum.extension());
            if (Files.isRegularFile(file)) {
                try {
                    checksum.verify(
                            local,
                            Files.readString(file, StandardCharsets.UTF_8),
                            artifact.toString(),
                            local.toString());
                } catch (Checksum.ChecksumMismatchException e) {
                    throw new RegistryException(
                            e.getMessage() + " (delete " + local + " to have it downloaded again)", e);
                } catch (IOException e) {
                    throw new RegistryException("cannot read " + file + " to check " + artifact + ": " + e, e);
                }
            }
        }
    }

    /**
     * Downloads from one remote into the local repository.
     *
     * @return {@code null} once the file is in place, else why this remote did not have it
     */
    private String download(MavenUrl artifact, URI uri, Path local) {
        Path part;
        try {
            Files.createDirectories(local.getParent());
            part = Files.createTempFile(local.getParent(), local.getFileName().toString(), ".part");
        } catch (IOException e) {
            throw new RegistryException(
                    "cannot write to the local repository " + settings.localRepository() + ": " + e
                            + "; make it writable or set " + MavenSettings.LOCAL,
                    e);
        }
        try {
            HttpResponse<Path> response =
                    http.send(request(uri, DOWNLOAD_TIMEOUT), HttpResponse.BodyHandlers.ofFile(part));
            if (response.statusCode() != 200) {
                return response.statusCode() == 404 ? "404 not found" : "HTTP " + response.statusCode();
            }
            Map<Checksum, String> published = verify(artifact, uri, part);
            for (Map.Entry<Checksum, String> checksum : published.entrySet()) {
                Files.writeString(
                        local.resolveSibling(
                                local.getFileName() + "." + checksum.getKey().extension()),
                        checksum.getValue(),
                        StandardCharsets.UTF_8);
            }
            Files.move(part, local, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("downloaded {} from {} (checked: {})", artifact, uri, published.keySet());
            return null;
        } catch (Checksum.ChecksumMismatchException e) {
            throw new RegistryException(e.getMessage(), e);
        } catch (IOException e) {
            return "not reachable: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("interrupted while downloading " + uri, e);
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException e) {
                LOG.debug("cannot delete {}", part, e);
            }
        }
    }

    /** Checks the download against each checksum published; returns them, by kind. */
    private Map<Checksum, String> verify(MavenUrl artifact, URI uri, Path part)
            throws IOException, InterruptedException {
        Map<Checksum, String> published = new LinkedHashMap<>();
        for (Checksum checksum : Checksum.ALL) {
            String text = checksumText(URI.create(uri + "." + checksum.extension()));
            if (text != null) {
                checksum.verify(part, text, artifact.toString(), uri.toString());
                published.put(checksum, text.strip());
            }
        }
        if (published.isEmpty()) {
            if (settings.requireChecksums()) {
                throw new Checksum.ChecksumMismatchException(artifact + ": " + uri
                        + " publishes no checksum (.sha1, .sha256 or .sha512), so the download cannot be checked and"
                        + " was refused; set " + MavenSettings.CHECKSUM_POLICY + "=warn to accept artifacts without"
                        + " checksums");
            }
            LOG.warn(
                    "{} publishes no checksum for {}: accepted unchecked ({}=warn)",
                    uri,
                    artifact,
                    MavenSettings.CHECKSUM_POLICY);
        }
        return published;
    }

    /** A checksum file's content, or {@code null} when the remote has none. */
    private String checksumText(URI uri) throws IOException, InterruptedException {
        HttpResponse<InputStream> response =
                http.send(request(uri, CONNECT_TIMEOUT.multipliedBy(3)), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                return null;
            }
            return new String(body.readNBytes(MAX_CHECKSUM_BYTES), StandardCharsets.UTF_8);
        }
    }

    private static HttpRequest request(URI uri, Duration timeout) {
        return HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("User-Agent", "happyos-registry")
                .GET()
                .build();
    }
}
