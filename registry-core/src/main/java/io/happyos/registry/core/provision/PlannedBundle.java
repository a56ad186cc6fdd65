package io.happyos.registry.core.provision;

import java.nio.file.Path;
import java.util.List;

/**
 * One bundle of a provisioning plan: where it comes from and, once resolved, its file.
 *
 * @param location its location ({@code mvn:} URL in canonical form, or {@code file:} URI)
 * @param file the JAR to install, or {@code null} when it was not resolved (it is installed already)
 * @param sha256 the JAR's SHA-256, or {@code null} with no file
 * @param symbolicName its Bundle-SymbolicName, or {@code null} with no file
 * @param version its Bundle-Version, or {@code null} with no file
 * @param start whether it is activated once installed
 * @param startLevel its start level in the features file (0: none); orders the installs only
 * @param dependency whether the features file says {@code dependency="true"}
 */
public record PlannedBundle(
        String location,
        Path file,
        String sha256,
        String symbolicName,
        String version,
        boolean start,
        int startLevel,
        boolean dependency) {

    /**
     * The line the journal keeps for it.
     *
     * @return tab-separated fields
     */
    String line() {
        return String.join(
                "\t",
                location,
                nonNull(sha256),
                Boolean.toString(start),
                Integer.toString(startLevel),
                Boolean.toString(dependency),
                nonNull(symbolicName),
                nonNull(version));
    }

    /**
     * A bundle as the journal kept it, without its file.
     *
     * @param line from {@link #line()}
     * @return the bundle
     */
    static PlannedBundle fromLine(String line) {
        List<String> f = List.of(line.split("\t", -1));
        return new PlannedBundle(
                f.get(0),
                null,
                field(f, 1),
                field(f, 5),
                field(f, 6),
                f.size() <= 2 || Boolean.parseBoolean(f.get(2)),
                f.size() > 3 ? Integer.parseInt(f.get(3)) : 0,
                f.size() > 4 && Boolean.parseBoolean(f.get(4)));
    }

    /**
     * The same bundle with its file.
     *
     * @param resolved the resolved bundle
     * @return a copy with the file, checksum, name and version of {@code resolved}
     */
    PlannedBundle with(PlannedBundle resolved) {
        return new PlannedBundle(
                location,
                resolved.file,
                resolved.sha256,
                resolved.symbolicName,
                resolved.version,
                start,
                startLevel,
                dependency);
    }

    private static String field(List<String> fields, int index) {
        return fields.size() > index && !fields.get(index).isEmpty() ? fields.get(index) : null;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
