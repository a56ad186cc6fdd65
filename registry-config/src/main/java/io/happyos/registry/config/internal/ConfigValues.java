package io.happyos.registry.config.internal;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The types of configuration values, named as the OSGi Configurator names them: {@code String},
 * {@code Integer}, {@code Long}, {@code Float}, {@code Double}, {@code Byte}, {@code Short},
 * {@code Character}, {@code Boolean} (or their primitive names, which give the same boxed value),
 * arrays of them ({@code Integer[]}, or primitive arrays such as {@code int[]}) and
 * {@code Collection<T>} (a list). Converts values to a named type, names the type of a value, and
 * renders values as the text of a {@code .cfg} line. Stateless.
 */
final class ConfigValues {

    /** The scalar types by name, boxed. */
    private static final Map<String, Class<?>> SCALARS = Map.ofEntries(
            Map.entry("String", String.class),
            Map.entry("Integer", Integer.class),
            Map.entry("int", Integer.class),
            Map.entry("Long", Long.class),
            Map.entry("long", Long.class),
            Map.entry("Float", Float.class),
            Map.entry("float", Float.class),
            Map.entry("Double", Double.class),
            Map.entry("double", Double.class),
            Map.entry("Byte", Byte.class),
            Map.entry("byte", Byte.class),
            Map.entry("Short", Short.class),
            Map.entry("short", Short.class),
            Map.entry("Character", Character.class),
            Map.entry("char", Character.class),
            Map.entry("Boolean", Boolean.class),
            Map.entry("boolean", Boolean.class));

    private static final Map<String, Class<?>> PRIMITIVES = Map.of(
            "int", int.class,
            "long", long.class,
            "float", float.class,
            "double", double.class,
            "byte", byte.class,
            "short", short.class,
            "char", char.class,
            "boolean", boolean.class);

    /** The type names accepted, for error messages. */
    static final String TYPES = "String, Integer, Long, Float, Double, Byte, Short, Character, Boolean"
            + " (or int, long, ...), an array of one (Integer[], int[]) or Collection<Integer>";

    private ConfigValues() {}

    /**
     * Whether a type name is one of {@link #TYPES}.
     *
     * @param type the name
     * @return true when {@link #convert} accepts it
     */
    static boolean isType(String type) {
        String element = elementType(type);
        return SCALARS.containsKey(element == null ? type : element);
    }

    /**
     * Converts a value to a named type.
     *
     * @param value a string, number, boolean, or a list of them (JSON values, or shell text)
     * @param type one of {@link #TYPES}
     * @return the converted value
     * @throws IllegalArgumentException naming the value and the type when it does not convert
     */
    static Object convert(Object value, String type) {
        String element = elementType(type);
        if (element == null) {
            return scalar(value, type);
        }
        if (!SCALARS.containsKey(element)) {
            throw new IllegalArgumentException("unknown type " + type + "; use " + TYPES);
        }
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        if (type.startsWith("Collection")) {
            List<Object> converted = new ArrayList<>();
            for (Object item : items) {
                converted.add(scalar(item, element));
            }
            return converted;
        }
        Class<?> component = PRIMITIVES.getOrDefault(element, SCALARS.get(element));
        Object array = Array.newInstance(component, items.size());
        for (int i = 0; i < items.size(); i++) {
            Array.set(array, i, scalar(items.get(i), element));
        }
        return array;
    }

    /** The element type of an array or collection type, "String" for a bare "Collection"; null for a scalar. */
    private static String elementType(String type) {
        if (type.endsWith("[]")) {
            return type.substring(0, type.length() - 2);
        }
        if (type.equals("Collection")) {
            return "String";
        }
        if (type.startsWith("Collection<") && type.endsWith(">")) {
            return type.substring("Collection<".length(), type.length() - 1).strip();
        }
        return null;
    }

    private static Object scalar(Object value, String type) {
        Class<?> target = SCALARS.get(type);
        if (target == null) {
            throw new IllegalArgumentException("unknown type " + type + "; use " + TYPES);
        }
        if (value == null || value instanceof List<?> || value instanceof Map<?, ?>) {
            throw new IllegalArgumentException(describe(value) + " is not a " + type);
        }
        if (target.isInstance(value)) {
            return value;
        }
        String text = value.toString().strip();
        try {
            return parse(text, target, value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(describe(value) + " is not a " + type
                    + (value instanceof Double ? " (a whole number is needed)" : " or is out of its range"));
        }
    }

    private static Object parse(String text, Class<?> target, Object original) {
        if (target == String.class) {
            return original.toString();
        }
        if (original instanceof Double && target != Double.class && target != Float.class) {
            throw new NumberFormatException("fractional");
        }
        if (target == Integer.class) {
            return Integer.valueOf(text);
        } else if (target == Long.class) {
            return Long.valueOf(text);
        } else if (target == Double.class) {
            return Double.valueOf(text);
        } else if (target == Float.class) {
            return Float.valueOf(text);
        } else if (target == Short.class) {
            return Short.valueOf(text);
        } else if (target == Byte.class) {
            return Byte.valueOf(text);
        } else if (target == Character.class) {
            if (text.codePointCount(0, text.length()) != 1 || text.length() != 1) {
                throw new IllegalArgumentException(describe(original) + " is not one Character");
            }
            return text.charAt(0);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (!lower.equals("true") && !lower.equals("false")) {
            throw new IllegalArgumentException(describe(original) + " is not a Boolean (true or false)");
        }
        return Boolean.valueOf(lower);
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        return value instanceof String ? "\"" + value + "\"" : value.toString();
    }

    /**
     * The type name a value is written with in a {@code .config} file, or null when the JSON form
     * alone gives it back (a String, Long, Double or Boolean).
     *
     * @param value a configuration value
     * @return the type name, or null
     */
    static String typeName(Object value) {
        if (value instanceof String || value instanceof Long || value instanceof Double || value instanceof Boolean) {
            return null;
        }
        if (value != null && value.getClass().isArray()) {
            Class<?> component = value.getClass().getComponentType();
            return component.getSimpleName() + "[]";
        }
        if (value instanceof Collection<?> collection) {
            Object first = collection.isEmpty() ? "" : collection.iterator().next();
            return "Collection<" + (first == null ? "String" : first.getClass().getSimpleName()) + ">";
        }
        return value == null ? null : value.getClass().getSimpleName();
    }

    /**
     * A value as the text of a {@code .cfg} line: a scalar's {@code toString}, the elements of an
     * array or collection joined with commas.
     *
     * @param value a configuration value
     * @return its text
     */
    static String text(Object value) {
        List<Object> items = items(value);
        if (items == null) {
            return String.valueOf(value);
        }
        StringBuilder text = new StringBuilder();
        for (Object item : items) {
            if (text.length() > 0) {
                text.append(',');
            }
            text.append(item);
        }
        return text.toString();
    }

    /**
     * The value a {@code .cfg} text gives a key that holds {@code current}: the text converted to the
     * current value's type when it converts (so a typed value set through the shell keeps its type
     * when its line is edited), else the text itself.
     *
     * @param text the text from the file
     * @param current the value the configuration holds now, or null
     * @return the value to apply
     */
    static Object keepType(String text, Object current) {
        if (current == null || current instanceof String) {
            return text;
        }
        String type = typeName(current);
        try {
            if (items(current) != null) {
                List<Object> parts = new ArrayList<>();
                for (String part : text.isEmpty() ? new String[0] : text.split(",", -1)) {
                    parts.add(part.strip());
                }
                return convert(parts, type);
            }
            return convert(text, type == null ? current.getClass().getSimpleName() : type);
        } catch (IllegalArgumentException notThatType) {
            return text;
        }
    }

    /**
     * Whether two configuration values are equal: arrays element by element, collections as lists.
     *
     * @param a one value
     * @param b another
     * @return true when equal
     */
    static boolean same(Object a, Object b) {
        if (a != null && b != null && a.getClass().isArray() && b.getClass().isArray()) {
            return Arrays.deepEquals(new Object[] {a}, new Object[] {b});
        }
        if (a instanceof Collection<?> x && b instanceof Collection<?> y) {
            return new ArrayList<>(x).equals(new ArrayList<>(y));
        }
        return Objects.equals(a, b);
    }

    /** The elements of an array or collection, or null for a scalar. */
    static List<Object> items(Object value) {
        if (value instanceof Collection<?> collection) {
            return new ArrayList<>(collection);
        }
        if (value != null && value.getClass().isArray()) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(Array.get(value, i));
            }
            return items;
        }
        return null;
    }
}
