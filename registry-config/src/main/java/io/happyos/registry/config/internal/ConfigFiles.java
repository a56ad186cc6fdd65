package io.happyos.registry.config.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading configuration files as UTF-8 text, their properties, and writing them atomically. Stateless. */
final class ConfigFiles {

    private ConfigFiles() {}

    /**
     * Reads a file as UTF-8.
     *
     * @param file the file
     * @return its text
     * @throws IOException when it cannot be read
     * @throws ConfigSyntaxException when it is not UTF-8
     */
    static String read(Path file) throws IOException, ConfigSyntaxException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ConfigSyntaxException(
                    0, "the file is not UTF-8 text", "save it in UTF-8 (\\u00e9 escapes work too)");
        }
    }

    /**
     * The properties of a file's text, typed as its format types them.
     *
     * @param text the text
     * @param format its format
     * @param current the configuration's properties now, for {@link ConfigValues#keepType} in a
     *     {@code .cfg}
     * @return the properties, without {@link Configurations#RESERVED} keys
     * @throws ConfigSyntaxException when the text is malformed
     */
    static Map<String, Object> properties(String text, ConfigFileName.Format format, Map<String, Object> current)
            throws ConfigSyntaxException {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (format == ConfigFileName.Format.JSON) {
            properties.putAll(JsonConfig.parse(text));
        } else {
            for (Map.Entry<String, String> entry :
                    CfgDocument.parse(text).properties().entrySet()) {
                properties.put(entry.getKey(), ConfigValues.keepType(entry.getValue(), current.get(entry.getKey())));
            }
        }
        properties.keySet().removeAll(Configurations.RESERVED);
        return properties;
    }

    /**
     * Writes a file in one step: a hidden temporary file beside it (which the watcher ignores),
     * then a move over it.
     *
     * @param file the file
     * @param text its new text
     * @throws IOException when it cannot be written
     */
    static void writeAtomically(Path file, String text) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
