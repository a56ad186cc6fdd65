package io.happyos.registry.launcher;

import java.util.Locale;

/**
 * Where a server of the container listens, as {@code --http} and {@code --ssh} take it:
 * {@code PORT} (on 127.0.0.1), {@code HOST:PORT} or {@code [IPV6]:PORT}; port 0 picks a free one.
 *
 * @param host a host name or IP literal (IPv6 without brackets)
 * @param port 0 to 65535
 */
record ListenAddress(String host, int port) {

    /** Where a bare port listens: this machine only. */
    static final String LOOPBACK = "127.0.0.1";

    /**
     * Reads an address.
     *
     * @param text {@code PORT}, {@code HOST:PORT} or {@code [IPV6]:PORT}
     * @param option the option it was given with, for the message
     * @return the address
     * @throws IllegalArgumentException naming the option and the forms it takes
     */
    static ListenAddress parse(String text, String option) {
        String t = text == null ? "" : text.strip();
        String host;
        String port;
        if (t.startsWith("[")) {
            int close = t.indexOf("]:");
            if (close < 0) {
                throw bad(text, option);
            }
            host = t.substring(1, close);
            port = t.substring(close + 2);
        } else {
            int colon = t.lastIndexOf(':');
            if (colon >= 0 && t.indexOf(':') != colon) {
                throw new IllegalArgumentException(
                        option + " '" + text + "': write an IPv6 address in brackets, " + "[::1]:PORT");
            }
            host = colon < 0 ? LOOPBACK : t.substring(0, colon);
            port = colon < 0 ? t : t.substring(colon + 1);
        }
        if (host.isBlank() || !host.matches("[A-Za-z0-9.:%_-]+")) {
            throw bad(text, option);
        }
        int number;
        try {
            number = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw bad(text, option);
        }
        if (number < 0 || number > 65535) {
            throw new IllegalArgumentException(
                    option + " port " + number + " is out of range: give 0 (a free port) " + "to 65535");
        }
        return new ListenAddress(host, number);
    }

    private static IllegalArgumentException bad(String text, String option) {
        return new IllegalArgumentException(option + " needs [HOST:]PORT (a bare port listens on " + LOOPBACK
                + "; 0 picks a free port), not '" + text + "'");
    }

    /**
     * Whether only this machine can connect: a loopback address or {@code localhost}.
     *
     * @return whether the address is loopback
     */
    boolean loopback() {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }

    /** {@code HOST:PORT}, IPv6 in brackets. */
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
