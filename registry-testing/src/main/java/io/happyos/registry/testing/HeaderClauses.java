package io.happyos.registry.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of the OSGi manifest header grammar to read an {@code Export-Package}: clauses split
 * at commas outside quotes, a clause's first path, one attribute's value unquoted.
 */
final class HeaderClauses {

    private HeaderClauses() {}

    /** @return the clauses of a header, trimmed, commas inside quotes kept */
    static List<String> split(String header) {
        return split(header, ',');
    }

    /** @return the clause's name (its first path) */
    static String name(String clause) {
        int semicolon = clause.indexOf(';');
        return (semicolon < 0 ? clause : clause.substring(0, semicolon)).trim();
    }

    /** @return an attribute's value, quotes removed, or the fallback when the clause has none */
    static String attribute(String clause, String attribute, String fallback) {
        for (String part : parts(clause)) {
            int equals = part.indexOf('=');
            if (equals > 0
                    && part.charAt(equals - 1) != ':'
                    && part.substring(0, equals).trim().equals(attribute)) {
                String value = part.substring(equals + 1).trim();
                return value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2
                        ? value.substring(1, value.length() - 1)
                        : value;
            }
        }
        return fallback;
    }

    private static List<String> parts(String clause) {
        return split(clause, ';');
    }

    private static List<String> split(String text, char separator) {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                add(pieces, current);
            } else {
                current.append(c);
            }
        }
        add(pieces, current);
        return pieces;
    }

    private static void add(List<String> into, StringBuilder current) {
        String text = current.toString().trim();
        if (!text.isEmpty()) {
            into.add(text);
        }
        current.setLength(0);
    }
}
