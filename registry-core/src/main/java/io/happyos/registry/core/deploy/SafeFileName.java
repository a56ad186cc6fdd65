package io.happyos.registry.core.deploy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Maps a name that comes from a manifest (symbolic name, version, checksum) to one file name and
 * back. Letters, digits, {@code .}, {@code -} and (unless asked otherwise) {@code _} stay as they
 * are, so normal names stay readable and keep the folder they always had; every other byte of the
 * UTF-8 form, and a leading {@code .}, becomes {@code %XX}. So the result never contains a
 * separator, is never {@code .} or {@code ..} or hidden, and two distinct names never give the same
 * file name (the mapping is injective: {@link #decode} undoes it). Stateless.
 */
final class SafeFileName {

    private static final char ESCAPE = '%';
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private SafeFileName() {}

    /**
     * @param name the name; not empty
     * @param keepUnderscore false to escape {@code _} too, for a part of a file name whose parts
     *     are separated by {@code _}
     * @return the file name
     * @throws IllegalArgumentException if the name is empty
     */
    static String encode(String name, boolean keepUnderscore) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("an empty name has no file name");
        }
        StringBuilder out = new StringBuilder(name.length());
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (isPlain(b, keepUnderscore) && !(i == 0 && b == '.')) {
                out.append((char) b);
            } else {
                out.append(ESCAPE).append(HEX[b >> 4]).append(HEX[b & 0xF]);
            }
        }
        return out.toString();
    }

    /**
     * @param fileName a result of {@link #encode}, or a plain name
     * @return the name it stands for; a {@code %} not followed by two hex digits stays as it is
     */
    static String decode(String fileName) {
        if (fileName.indexOf(ESCAPE) < 0) {
            return fileName;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(fileName.length());
        for (int i = 0; i < fileName.length(); i++) {
            char c = fileName.charAt(i);
            int high = i + 2 < fileName.length() ? Character.digit(fileName.charAt(i + 1), 16) : -1;
            int low = i + 2 < fileName.length() ? Character.digit(fileName.charAt(i + 2), 16) : -1;
            if (c == ESCAPE && high >= 0 && low >= 0) {
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                byte[] plain = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(plain, 0, plain.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isPlain(int b, boolean keepUnderscore) {
        return b >= 'a' && b <= 'z'
                || b >= 'A' && b <= 'Z'
                || b >= '0' && b <= '9'
                || b == '.'
                || b == '-'
                || b == '_' && keepUnderscore;
    }
}
