package io.happyos.registry.ssh.internal;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * What the container was asked for, from its framework properties (the launcher turns its options
 * into them): {@value #SSH} ({@code --ssh}), {@value #AUTHORIZED_KEYS} ({@code --ssh-authorized-keys})
 * and the storage folder, where the host key is kept.
 *
 * @param host the address to listen on; {@code 127.0.0.1} when only a port is given
 * @param port the port; 0 picks a free one
 * @param authorizedKeys the OpenSSH authorized_keys file the keys are checked against
 * @param hostKey the file of the server's host key, {@code STORAGE/ssh/host.key}
 */
record SshSettings(String host, int port, Path authorizedKeys, Path hostKey) {

    static final String SSH = "happyos.ssh";
    static final String AUTHORIZED_KEYS = "happyos.ssh.authorized.keys";
    static final String STORAGE = "happyos.storage.dir";
    static final String LOOPBACK = "127.0.0.1";

    /**
     * Reads the settings.
     *
     * @param properties the framework properties
     * @return the settings, or {@code null} when {@value #SSH} is not set (no SSH shell)
     * @throws IllegalArgumentException naming the option and the form expected
     */
    static SshSettings read(Function<String, String> properties) {
        String address = trimmed(properties.apply(SSH));
        if (address == null) {
            return null;
        }
        String host = LOOPBACK;
        String portText = address;
        int colon = address.lastIndexOf(':');
        if (colon >= 0) {
            host = address.substring(0, colon);
            portText = address.substring(colon + 1);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            if (host.isBlank() || host.contains(" ")) {
                throw new IllegalArgumentException(
                        "--ssh " + address + " has no host before the port: give [HOST:]PORT, e.g. --ssh 2222");
            }
        }
        int port = port(address, portText);
        String keys = trimmed(properties.apply(AUTHORIZED_KEYS));
        if (keys == null) {
            throw new IllegalArgumentException("--ssh needs --ssh-authorized-keys FILE (framework property "
                    + AUTHORIZED_KEYS + "): an OpenSSH authorized_keys file of the keys that may log in");
        }
        String storage = trimmed(properties.apply(STORAGE));
        Path storageDir = Path.of(storage == null ? ".happyos-registry" : storage);
        return new SshSettings(
                host,
                port,
                Path.of(keys).toAbsolutePath().normalize(),
                storageDir.toAbsolutePath().normalize().resolve("ssh").resolve("host.key"));
    }

    private static int port(String address, String text) {
        try {
            int port = Integer.parseInt(text.strip());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--ssh " + address + " has no valid port: give [HOST:]PORT with a port "
                + "of 0 to 65535 (0 picks a free one), e.g. --ssh 2222 or --ssh 127.0.0.1:0");
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
