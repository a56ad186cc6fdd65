package io.happyos.registry.ssh.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Iterator;
import java.util.Set;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * The server's host key, kept in one file so that a client's {@code known_hosts} entry stays valid
 * across restarts. Generated at the first start: an ECDSA key on the NIST P-256 curve (which every
 * OpenSSH client accepts and the JDK makes without an extra provider), written in OpenSSH's private
 * key format, unencrypted, readable by the owner only ({@code 0600}, its folder {@code 0700}).
 */
final class HostKey {

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");

    private HostKey() {}

    /**
     * Reads the key, or makes it when the file is not there.
     *
     * @param file the key's file
     * @return the key pair
     * @throws IOException when the file cannot be read or written
     * @throws GeneralSecurityException when it holds no usable key
     */
    static KeyPair loadOrCreate(Path file) throws IOException, GeneralSecurityException {
        if (Files.exists(file)) {
            return load(file);
        }
        KeyPair key = generate();
        write(file, key);
        return key;
    }

    private static KeyPair load(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            Iterable<KeyPair> keys = SecurityUtils.loadKeyPairIdentities(
                    null, NamedResource.ofName(file.toString()), in, FilePasswordProvider.EMPTY);
            Iterator<KeyPair> first = keys == null ? null : keys.iterator();
            if (first == null || !first.hasNext()) {
                throw new GeneralSecurityException("no key in " + file);
            }
            return first.next();
        }
    }

    private static KeyPair generate() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /** Written beside the file and moved into place, so that a crash never leaves half a key behind. */
    private static void write(Path file, KeyPair key) throws IOException, GeneralSecurityException {
        Path folder = file.getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder, posix ? ownerOnly(OWNER_FOLDER) : new FileAttribute<?>[0]);
        }
        Path partial = Files.createTempFile(
                folder, "host.key.", ".partial", posix ? ownerOnly(OWNER_FILE) : new FileAttribute<?>[0]);
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(
                        key, "happyos-registry host key", (OpenSSHKeyEncryptionContext) null, out);
            }
            try {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Set<PosixFilePermission> permissions) {
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)};
    }
}
