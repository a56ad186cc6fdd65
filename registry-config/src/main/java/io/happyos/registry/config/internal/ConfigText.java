package io.happyos.registry.config.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.service.cm.Configuration;

/**
 * What the {@code config:*} commands print. Text: a table of PIDs, or {@code key = value} lines with
 * the type of each value that is not a String. JSON: a configuration is {@code {"pid", "factoryPid"
 * (or null), "file" (or null), "properties": {key: value}, "types": {key: type}}}, where a value is
 * the JSON form of the property (arrays and collections as arrays) and {@code types} names the type
 * of every property that is not a String.
 */
final class ConfigText {

    private static final JsonFactory FACTORY = new JsonFactory();

    private ConfigText() {}

    static String table(List<Configuration> configurations) {
        StringBuilder out = new StringBuilder();
        int width = "PID".length();
        for (Configuration c : configurations) {
            width = Math.max(width, c.getPid().length());
        }
        out.append(pad("PID", width)).append("  KEYS  FILE\n");
        for (Configuration c : configurations) {
            Path file = Configurations.fileOf(c);
            out.append(pad(c.getPid(), width))
                    .append("  ")
                    .append(pad(String.valueOf(Configurations.properties(c).size()), 4))
                    .append("  ")
                    .append(file == null ? "-" : file.toString())
                    .append('\n');
        }
        return out.toString();
    }

    static String properties(Configuration configuration) {
        StringBuilder out = new StringBuilder();
        Path file = Configurations.fileOf(configuration);
        out.append("pid: ").append(configuration.getPid()).append('\n');
        if (configuration.getFactoryPid() != null) {
            out.append("factory pid: ").append(configuration.getFactoryPid()).append('\n');
        }
        out.append("file: ").append(file == null ? "- (none)" : file.toString()).append('\n');
        for (Map.Entry<String, Object> p : new TreeMap<>(Configurations.properties(configuration)).entrySet()) {
            Object value = p.getValue();
            out.append("  ").append(p.getKey()).append(" = ").append(ConfigValues.text(value));
            if (!(value instanceof String)) {
                out.append("  (").append(typeOf(value)).append(')');
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String typeOf(Object value) {
        String type = ConfigValues.typeName(value);
        return type == null ? value.getClass().getSimpleName() : type;
    }

    static String json(List<Configuration> configurations) {
        return write(json -> {
            json.writeStartArray();
            for (Configuration c : configurations) {
                configuration(json, c);
            }
            json.writeEndArray();
        });
    }

    static String json(Configuration configuration) {
        return write(json -> configuration(json, configuration));
    }

    static String json(String key, Object value) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("key", key);
            json.writeFieldName("value");
            value(json, value);
            json.writeStringField("type", typeOf(value));
            json.writeEndObject();
        });
    }

    private static void configuration(JsonGenerator json, Configuration c) throws IOException {
        Map<String, Object> properties = new TreeMap<>(Configurations.properties(c));
        Path file = Configurations.fileOf(c);
        json.writeStartObject();
        json.writeStringField("pid", c.getPid());
        json.writeStringField("factoryPid", c.getFactoryPid());
        json.writeStringField("file", file == null ? null : file.toString());
        json.writeObjectFieldStart("properties");
        for (Map.Entry<String, Object> p : properties.entrySet()) {
            json.writeFieldName(p.getKey());
            value(json, p.getValue());
        }
        json.writeEndObject();
        json.writeObjectFieldStart("types");
        for (Map.Entry<String, Object> p : properties.entrySet()) {
            if (!(p.getValue() instanceof String)) {
                json.writeStringField(p.getKey(), typeOf(p.getValue()));
            }
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void value(JsonGenerator json, Object value) throws IOException {
        List<Object> items = ConfigValues.items(value);
        if (items == null) {
            JsonConfig.scalar(json, value);
            return;
        }
        json.writeStartArray();
        for (Object item : items) {
            JsonConfig.scalar(json, item);
        }
        json.writeEndArray();
    }

    private interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
