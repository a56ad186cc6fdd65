package io.happyos.registry.config.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code .cfg} file: {@link java.util.Properties} syntax ({@code key = value}, {@code key: value}
 * or {@code key value}; {@code #} and {@code !} comments; a line ending in a backslash continues on
 * the next; {@code \t \n \r \f \\} escapes and backslash-u with four hexadecimal digits), in UTF-8. Unlike {@code Properties.load}, it
 * keeps the text of every line, so that {@link #withProperties} changes only the lines of the keys
 * that changed: comments, blank lines and the order of the keys stay; new keys are appended;
 * removed keys lose their lines. Immutable.
 *
 * <p>Errors ({@link ConfigSyntaxException}): a property line with no key, and a malformed
 * backslash-u escape.
 */
final class CfgDocument {

    /** One logical line: its raw text (continuation lines included), and its key and value, or none. */
    private record Entry(String raw, String key, String value) {}

    private final List<Entry> entries;
    private final String newline;
    private final boolean endsWithNewline;

    private CfgDocument(List<Entry> entries, String newline, boolean endsWithNewline) {
        this.entries = List.copyOf(entries);
        this.newline = newline;
        this.endsWithNewline = endsWithNewline;
    }

    /** @return a document with no lines */
    static CfgDocument empty() {
        return new CfgDocument(List.of(), "\n", true);
    }

    /**
     * Reads a document.
     *
     * @param text the file's text
     * @return the document
     * @throws ConfigSyntaxException naming the line of the first error
     */
    static CfgDocument parse(String text) throws ConfigSyntaxException {
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        String[] lines = text.split("\r\n|\r|\n", -1);
        boolean endsWithNewline = text.isEmpty() || lines[lines.length - 1].isEmpty();
        int count = endsWithNewline ? lines.length - 1 : lines.length;
        List<Entry> entries = new ArrayList<>();
        int i = 0;
        while (i < count) {
            int first = i;
            String line = lines[i++];
            String stripped = line.stripLeading();
            if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith("!")) {
                entries.add(new Entry(line, null, null));
                continue;
            }
            StringBuilder raw = new StringBuilder(line);
            StringBuilder logical = new StringBuilder(stripped);
            while (continues(logical) && i < count) {
                logical.setLength(logical.length() - 1);
                raw.append(newline).append(lines[i]);
                logical.append(lines[i++].stripLeading());
            }
            if (continues(logical)) {
                logical.setLength(logical.length() - 1);
            }
            entries.add(property(raw.toString(), logical.toString(), first + 1));
        }
        return new CfgDocument(entries, newline, endsWithNewline);
    }

    /** An odd number of backslashes at the end: the line goes on. */
    private static boolean continues(CharSequence line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static Entry property(String raw, String logical, int lineNumber) throws ConfigSyntaxException {
        int end = 0;
        while (end < logical.length()) {
            char c = logical.charAt(end);
            if (c == '\\') {
                end += 2;
                continue;
            }
            if (c == '=' || c == ':' || Character.isWhitespace(c)) {
                break;
            }
            end++;
        }
        end = Math.min(end, logical.length());
        int start = end;
        while (start < logical.length() && isBlank(logical.charAt(start))) {
            start++;
        }
        if (start < logical.length() && (logical.charAt(start) == '=' || logical.charAt(start) == ':')) {
            start++;
        }
        while (start < logical.length() && isBlank(logical.charAt(start))) {
            start++;
        }
        if (end == 0) {
            throw new ConfigSyntaxException(
                    lineNumber,
                    "a property with no key before '" + logical.charAt(0) + "'",
                    "write KEY = VALUE, or start the line with # to make it a comment");
        }
        String key = unescape(logical.substring(0, end), lineNumber);
        return new Entry(raw, key, unescape(logical.substring(start), lineNumber));
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\f';
    }

    private static String unescape(String text, int lineNumber) throws ConfigSyntaxException {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= text.length()) {
                out.append(c == '\\' ? "" : String.valueOf(c));
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append(unicode(text, i + 1, lineNumber));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    private static char unicode(String text, int from, int lineNumber) throws ConfigSyntaxException {
        String digits = text.substring(from, Math.min(text.length(), from + 4));
        if (digits.length() < 4 || !digits.chars().allMatch(d -> Character.digit(d, 16) >= 0)) {
            throw new ConfigSyntaxException(
                    lineNumber,
                    "malformed escape \\u" + digits,
                    "write \\u and four hexadecimal digits (\\u00e9), or \\\\ for a backslash");
        }
        return (char) Integer.parseInt(digits, 16);
    }

    /** @return the properties, in the file's order; for a key given twice, the last value */
    Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        for (Entry entry : entries) {
            if (entry.key() != null) {
                properties.remove(entry.key());
                properties.put(entry.key(), entry.value());
            }
        }
        return properties;
    }

    /**
     * This document with other properties: the line of a key whose value changed is rewritten in
     * place, the lines of a key no longer there are removed, new keys are appended in the map's
     * order; every other line stays as it was.
     *
     * @param properties the properties the file must hold
     * @return the new text
     */
    String withProperties(Map<String, String> properties) {
        Map<String, String> current = properties();
        Set<String> keys = properties.keySet();
        List<String> lines = new ArrayList<>();
        Map<String, Integer> lastLine = new LinkedHashMap<>();
        for (Entry entry : entries) {
            if (entry.key() == null) {
                lines.add(entry.raw());
            } else if (keys.contains(entry.key())) {
                lastLine.put(entry.key(), lines.size());
                lines.add(entry.raw());
            }
        }
        for (Map.Entry<String, Integer> last : lastLine.entrySet()) {
            String value = properties.get(last.getKey());
            if (!value.equals(current.get(last.getKey()))) {
                lines.set(last.getValue(), line(last.getKey(), value));
            }
        }
        for (Map.Entry<String, String> property : properties.entrySet()) {
            if (!current.containsKey(property.getKey())) {
                lines.add(line(property.getKey(), property.getValue()));
            }
        }
        String text = String.join(newline, lines);
        return endsWithNewline && !lines.isEmpty() ? text + newline : text;
    }

    /** One {@code key = value} line, escaped so that it reads back as the same key and value. */
    static String line(String key, String value) {
        return escape(key, true) + " = " + escape(value, false);
    }

    private static String escape(String text, boolean key) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\f' -> out.append("\\f");
                case ' ' -> out.append(key || i == 0 ? "\\ " : " ");
                case '=', ':' -> out.append(key ? "\\" + c : String.valueOf(c));
                case '#', '!' -> out.append(key && i == 0 ? "\\" + c : String.valueOf(c));
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
