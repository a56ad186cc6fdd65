package io.happyos.registry.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * The bearer token every change over HTTP needs: read from its file, or generated into it at the
 * first start, readable by the owner only (mode 0600). A file that others may read is refused: the
 * token would not be a secret.
 */
final class AccessToken {

    private static final int BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private final byte[] token;
    private final Path file;

    private AccessToken(String token, Path file) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.file = file;
    }

    /**
     * The token in a file, made there first when the file does not exist.
     *
     * @param file the file
     * @return the token
     * @throws IOException when the file cannot be read or written, is empty, or others may read it
     */
    static AccessToken load(Path file) throws IOException {
        if (!Files.exists(file)) {
            create(file);
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException("the HTTP token file " + file + " is not a file: remove it to have a token made "
                    + "there at the next start, or name another with --http-token-file");
        }
        checkPermissions(file);
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            throw new IOException("the HTTP token file " + file + " is empty: delete it to have a new token made at "
                    + "the next start, or write a token of at least 16 characters into it");
        }
        if (text.length() < 16 || text.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IOException("the HTTP token in " + file + " must be at least 16 printable characters without "
                    + "spaces: delete the file to have one made at the next start");
        }
        return new AccessToken(text, file);
    }

    private static void create(Path file) throws IOException {
        byte[] random = new byte[BYTES];
        new SecureRandom().nextBytes(random);
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            if (posix(file.toAbsolutePath().getParent())) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException madeMeanwhile) {
            return;
        }
        Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
    }

    private static void checkPermissions(Path file) throws IOException {
        if (!posix(file)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        Set<PosixFilePermission> extra = EnumSet.copyOf(permissions);
        extra.removeAll(OWNER_ONLY);
        extra.remove(PosixFilePermission.OWNER_EXECUTE);
        if (!extra.isEmpty()) {
            throw new IOException("the HTTP token file " + file + " may be read by others (mode "
                    + PosixFilePermissions.toString(permissions) + "): run chmod 600 " + file);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Whether a presented token is this one, compared in constant time.
     *
     * @param presented the token a request carries, or {@code null}
     * @return whether it matches
     */
    boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The file the token is in.
     *
     * @return the file
     */
    Path file() {
        return file;
    }
}
