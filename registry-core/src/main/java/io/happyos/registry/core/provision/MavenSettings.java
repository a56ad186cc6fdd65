package io.happyos.registry.core.provision;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Where artifacts come from: the local repository, the remote ones, and whether a remote artifact
 * without a published checksum is accepted.
 *
 * @param localRepository the local repository, where downloads are cached too
 * @param remotes the remote repositories, in the order they are tried, each ending with {@code /}
 * @param requireChecksums whether an artifact a remote publishes no checksum for is refused
 */
public record MavenSettings(Path localRepository, List<URI> remotes, boolean requireChecksums) {

    /** Framework property: the local repository (default {@code ~/.m2/repository}). */
    public static final String LOCAL = "happyos.maven.local";
    /** Framework property: comma-separated remote repository URLs (default Maven Central); empty for none. */
    public static final String REPOSITORIES = "happyos.maven.repositories";
    /** Framework property: {@code fail} (default) refuses a remote artifact without checksum, {@code warn} logs it. */
    public static final String CHECKSUM_POLICY = "happyos.maven.checksumPolicy";
    /** Maven Central. */
    public static final String CENTRAL = "https://repo1.maven.org/maven2/";

    /** Copies the list. */
    public MavenSettings {
        remotes = List.copyOf(remotes);
    }

    /**
     * Reads the settings.
     *
     * @param property a framework property by name, or {@code null}
     * @return the settings
     * @throws IllegalArgumentException for a repository URL that is not absolute http(s), or an
     *     unknown checksum policy, naming the setting and what it accepts
     */
    public static MavenSettings from(Function<String, String> property) {
        String local = property.apply(LOCAL);
        Path localRepository = local == null || local.isBlank()
                ? Path.of(System.getProperty("user.home"), ".m2", "repository")
                : Path.of(local.strip());
        String repositories = property.apply(REPOSITORIES);
        List<URI> remotes = new ArrayList<>();
        for (String url : (repositories == null ? CENTRAL : repositories).split(",")) {
            if (!url.isBlank()) {
                remotes.add(remote(url.strip()));
            }
        }
        String policy = property.apply(CHECKSUM_POLICY);
        String p = policy == null ? "fail" : policy.strip().toLowerCase(Locale.ROOT);
        if (!p.equals("fail") && !p.equals("warn")) {
            throw new IllegalArgumentException(CHECKSUM_POLICY + " is '" + policy
                    + "': give fail (refuse a remote artifact without a published checksum, the default) or warn");
        }
        return new MavenSettings(localRepository.toAbsolutePath().normalize(), remotes, p.equals("fail"));
    }

    private static URI remote(String url) {
        URI uri;
        try {
            uri = URI.create(url.endsWith("/") ? url : url + "/");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(REPOSITORIES + " has '" + url + "', which is not a URL: "
                    + e.getMessage() + "; give comma-separated http(s) URLs such as " + CENTRAL);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException(REPOSITORIES + " has '" + url
                    + "', which is not an http(s) URL; give comma-separated http(s) URLs such as " + CENTRAL);
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException(REPOSITORIES + " has a URL with a user name or password in it; "
                    + "credentials in URLs end up in logs and are not supported");
        }
        return uri;
    }
}
