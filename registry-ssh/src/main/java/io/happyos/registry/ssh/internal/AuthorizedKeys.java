package io.happyos.registry.ssh.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys that may log in: an OpenSSH authorized_keys file, read again when it changes (its
 * modification time or size), so that a key added or removed takes effect at the next login without a
 * restart. A file that has gone missing or cannot be read refuses everyone until it is back.
 *
 * <p>Lines with login options ({@code from=}, {@code command=}, {@code restrict}, ...) are skipped with
 * a warning: the shell cannot honour them, and a key its owner meant to restrict must not get the whole
 * shell. Lines that are not keys, or keys of a type this server cannot verify (such as
 * {@code ssh-ed25519} without an EdDSA provider in the framework), are skipped with a warning too.
 *
 * <p>Thread-safe: the methods are synchronized (logins are rare; a check compares the key with each
 * line's key).
 */
final class AuthorizedKeys {

    /** A key found in the file: its fingerprint ({@code SHA256:...}) and the line's comment. */
    record Entry(PublicKey key, String fingerprint, String comment) {}

    private static final Logger LOG = LoggerFactory.getLogger(AuthorizedKeys.class);

    private final Path file;
    private List<Entry> entries = List.of();
    private FileTime readModified;
    private long readSize = -1;
    /** Why the file cannot be used now, or {@code null} when it can. */
    private String unusable;

    private AuthorizedKeys(Path file) {
        this.file = file;
    }

    /**
     * Reads the file for the first time.
     *
     * @param file the authorized_keys file
     * @return the keys
     * @throws StartupRefusedException when the file is missing or cannot be read
     */
    static AuthorizedKeys open(Path file) throws StartupRefusedException {
        AuthorizedKeys keys = new AuthorizedKeys(file);
        synchronized (keys) {
            keys.refresh();
            if (keys.unusable != null) {
                throw new StartupRefusedException(
                        "Cannot read the SSH authorized keys file " + file + " (--ssh-authorized-keys): "
                                + keys.unusable + "; give a readable OpenSSH authorized_keys file, e.g. a copy of "
                                + "~/.ssh/id_ecdsa.pub",
                        null);
            }
            if (keys.entries.isEmpty()) {
                LOG.warn(
                        "The SSH authorized keys file {} holds no usable key: nobody can log in until one is added",
                        file);
            }
        }
        return keys;
    }

    /**
     * The file's entry for a key, the file read again first when it changed.
     *
     * @param key the key a client offers
     * @return the entry, or {@code null} when the key is not in the file (or the file cannot be read)
     */
    synchronized Entry find(PublicKey key) {
        refresh();
        for (Entry entry : entries) {
            if (KeyUtils.compareKeys(entry.key(), key)) {
                return entry;
            }
        }
        return null;
    }

    /**
     * Why a key is refused, for the log and the audit record of the refused login.
     *
     * @param key the key refused
     * @return a sentence naming the key and the file
     */
    synchronized String whyRefused(PublicKey key) {
        String fingerprint = KeyUtils.getFingerPrint(key);
        if (unusable != null) {
            return "the authorized keys file " + file + " cannot be read (" + unusable + "), so key " + fingerprint
                    + " is refused";
        }
        return "key " + fingerprint + " is not in the authorized keys file " + file;
    }

    /** @return the file */
    Path file() {
        return file;
    }

    private void refresh() {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            forget("the file does not exist");
            return;
        } catch (IOException e) {
            forget(e.toString());
            return;
        }
        if (unusable == null && attributes.lastModifiedTime().equals(readModified) && attributes.size() == readSize) {
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            forget(e.toString());
            return;
        }
        entries = parse(lines);
        readModified = attributes.lastModifiedTime();
        readSize = attributes.size();
        if (unusable != null) {
            LOG.info("The SSH authorized keys file {} can be read again", file);
        }
        unusable = null;
        LOG.info("Read {} SSH authorized key(s) from {}", entries.size(), file);
    }

    private void forget(String reason) {
        if (!reason.equals(unusable)) {
            LOG.warn(
                    "The SSH authorized keys file {} cannot be used ({}): every login is refused until it can",
                    file,
                    reason);
        }
        unusable = reason;
        entries = List.of();
        readModified = null;
        readSize = -1;
    }

    private List<Entry> parse(List<String> lines) {
        List<Entry> parsed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Entry entry = parseLine(line, i + 1);
            if (entry != null) {
                parsed.add(entry);
            }
        }
        return List.copyOf(parsed);
    }

    private Entry parseLine(String line, int number) {
        try {
            AuthorizedKeyEntry entry = AuthorizedKeyEntry.parseAuthorizedKeyEntry(line);
            if (entry == null) {
                return null;
            }
            if (!entry.getLoginOptions().isEmpty()) {
                LOG.warn(
                        "{} line {}: skipped, it has login options {} that the SSH shell cannot honour; remove them "
                                + "to let this key log in",
                        file,
                        number,
                        entry.getLoginOptions().keySet());
                return null;
            }
            PublicKey key = entry.resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
            if (key == null) {
                throw new GeneralSecurityException("key type " + entry.getKeyType() + " is not supported");
            }
            return new Entry(key, KeyUtils.getFingerPrint(key), entry.getComment());
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.warn(
                    "{} line {}: skipped, not a key this server can check ({}); use an ecdsa-sha2-* or ssh-rsa key "
                            + "(ssh-keygen -t ecdsa)",
                    file,
                    number,
                    e.getMessage());
            return null;
        }
    }
}
