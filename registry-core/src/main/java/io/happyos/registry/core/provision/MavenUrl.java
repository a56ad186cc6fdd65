package io.happyos.registry.core.provision;

import java.util.regex.Pattern;

/**
 * A Maven artifact named the way Karaf and Pax URL name it:
 * {@code mvn:GROUP/ARTIFACT/VERSION[/TYPE[/CLASSIFIER]]}, TYPE {@code jar} by default.
 *
 * @param groupId the group, as in {@code org.apache.felix}
 * @param artifactId the artifact
 * @param version the version (a {@code -SNAPSHOT} version is resolved from the local repository only)
 * @param type the type, the file's extension ({@code jar} by default)
 * @param classifier the classifier, or {@code null}
 */
public record MavenUrl(String groupId, String artifactId, String version, String type, String classifier) {

    /** The accepted form, as errors quote it. */
    public static final String FORM = "mvn:GROUP/ARTIFACT/VERSION[/TYPE[/CLASSIFIER]]"
            + " (for example mvn:org.apache.felix/org.apache.felix.scr/2.2.10)";

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_.\\-+]+");

    /**
     * Parses a {@code mvn:} URL.
     *
     * @param url the URL
     * @return the artifact
     * @throws IllegalArgumentException naming the problem and the expected form; Pax URL's
     *     repository prefix ({@code mvn:REPO!G/A/V}) and version ranges are refused
     */
    public static MavenUrl parse(String url) {
        String text = url == null ? "" : url.strip();
        if (!text.startsWith("mvn:")) {
            throw bad(text, "it does not start with mvn:");
        }
        String body = text.substring(4);
        if (body.contains("!")) {
            throw bad(
                    text,
                    "a repository in the URL (REPO!...) is not supported; name the repository in "
                            + "happyos.maven.repositories instead");
        }
        String[] parts = body.split("/", -1);
        if (parts.length < 3 || parts.length > 5) {
            throw bad(
                    text,
                    "it has " + parts.length + " part" + (parts.length == 1 ? "" : "s")
                            + " separated by /, not 3 to 5");
        }
        String[] names = {"GROUP", "ARTIFACT", "VERSION", "TYPE", "CLASSIFIER"};
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty() && i >= 3) {
                continue; // mvn:g/a/v//classifier: the default type
            }
            if (!SEGMENT.matcher(parts[i]).matches() || parts[i].equals("..") || parts[i].equals(".")) {
                throw bad(
                        text,
                        names[i] + " '" + parts[i] + "' is empty or has characters other than letters, "
                                + "digits and . - _ +");
            }
        }
        if (parts[2].equals("LATEST") || parts[2].equals("RELEASE")) {
            throw bad(text, "VERSION " + parts[2] + " would need the repository's metadata; give a version");
        }
        String type = parts.length > 3 && !parts[3].isEmpty() ? parts[3] : "jar";
        String classifier = parts.length > 4 ? parts[4] : null;
        return new MavenUrl(parts[0], parts[1], parts[2], type, classifier);
    }

    private static IllegalArgumentException bad(String url, String why) {
        return new IllegalArgumentException("'" + url + "' is not a Maven URL: " + why + "; expected " + FORM);
    }

    /** @return whether the version is a snapshot */
    public boolean snapshot() {
        return version.endsWith("-SNAPSHOT");
    }

    /** @return the file's path in a repository, as in {@code org/apache/felix/scr/2.2/scr-2.2.jar} */
    public String path() {
        return groupId.replace('.', '/') + "/" + artifactId + "/" + version + "/" + fileName();
    }

    /** @return the file's name, as in {@code scr-2.2.jar} */
    public String fileName() {
        return artifactId + "-" + version + (classifier == null ? "" : "-" + classifier) + "." + type;
    }

    /** @return the URL in its canonical form (the type left out when it is {@code jar} with no classifier) */
    @Override
    public String toString() {
        String base = "mvn:" + groupId + "/" + artifactId + "/" + version;
        if (classifier != null) {
            return base + "/" + type + "/" + classifier;
        }
        return type.equals("jar") ? base : base + "/" + type;
    }
}
