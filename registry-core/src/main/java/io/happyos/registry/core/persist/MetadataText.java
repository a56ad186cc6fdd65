package io.happyos.registry.core.persist;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Component metadata as text: one {@code key=value} line per entry, sorted by key, with
 * {@code \}, {@code =}, line feed and carriage return escaped as {@code \\}, {@code \=},
 * {@code \n} and {@code \r}.
 */
final class MetadataText {

    private MetadataText() {}

    static String format(Map<String, String> metadata) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(metadata).entrySet()) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(escape(e.getKey())).append('=').append(escape(e.getValue()));
        }
        return text.toString();
    }

    static Map<String, String> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Map.of();
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (String line : text.split("\n", -1)) {
            int eq = unescapedEquals(line);
            if (eq < 0) {
                metadata.put(unescape(line), "");
            } else {
                metadata.put(unescape(line.substring(0, eq)), unescape(line.substring(eq + 1)));
            }
        }
        return Collections.unmodifiableMap(metadata);
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '=' -> out.append("\\=");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length()) {
                char next = s.charAt(++i);
                out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static int unescapedEquals(String line) {
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '\\') {
                i++;
            } else if (ch == '=') {
                return i;
            }
        }
        return -1;
    }
}
