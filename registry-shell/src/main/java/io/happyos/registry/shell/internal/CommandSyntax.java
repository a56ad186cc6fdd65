package io.happyos.registry.shell.internal;

import io.happyos.registry.QuotaLimit;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.felix.service.command.Parameter;

/**
 * What the {@code registry:*} commands accept, for completion: each command's options (read from
 * the {@link Parameter} annotations of its methods, so they never drift from the commands) and
 * what each of its arguments is (a component, a status, a type, one of some words).
 *
 * <p>A command without a rule here takes components at every position: most commands do, and so
 * a command added later completes ids without touching this class. Safe for concurrent use.
 */
final class CommandSyntax {

    /** What an argument or an option's value is. */
    enum Kind {
        /** A component id. */
        COMPONENT,
        /** A {@code ComponentStatus} name. */
        STATUS,
        /** A component type known to the registry. */
        TYPE,
        /** One of fixed words. */
        WORDS,
        /** Something free (a path, a message, a number): nothing to offer. */
        NOTHING
    }

    /**
     * What one argument is.
     *
     * @param kind its kind
     * @param words the words to offer when the kind is {@link Kind#WORDS}
     */
    record Argument(Kind kind, List<String> words) {

        static final Argument COMPONENT = new Argument(Kind.COMPONENT, List.of());
        static final Argument STATUS = new Argument(Kind.STATUS, List.of());
        static final Argument TYPE = new Argument(Kind.TYPE, List.of());
        static final Argument NOTHING = new Argument(Kind.NOTHING, List.of());

        Argument {
            words = List.copyOf(words);
        }

        static Argument words(String... words) {
            return new Argument(Kind.WORDS, List.of(words));
        }
    }

    /** Positional arguments by command; the function gets the positional arguments before the one asked for. */
    private static final Map<String, Function<List<String>, Argument>> ARGUMENTS = Map.ofEntries(
            Map.entry("list", before -> Argument.NOTHING),
            Map.entry("cycles", before -> Argument.NOTHING),
            Map.entry("health", before -> Argument.NOTHING),
            Map.entry("stats", before -> Argument.NOTHING),
            Map.entry("perf", before -> Argument.NOTHING),
            Map.entry("audit", before -> Argument.NOTHING),
            Map.entry("register", before -> Argument.NOTHING),
            Map.entry("complete", before -> Argument.NOTHING),
            Map.entry("events", before -> Argument.NOTHING),
            Map.entry("top", before -> Argument.NOTHING),
            Map.entry("drift", before -> Argument.NOTHING),
            Map.entry("advise", before -> Argument.NOTHING),
            Map.entry("resources", CommandSyntax::firstOnly),
            Map.entry("quota", CommandSyntax::quotaArgument),
            Map.entry("why", CommandSyntax::firstOnly),
            Map.entry("tree", CommandSyntax::firstOnly),
            Map.entry("usage", CommandSyntax::firstOnly),
            Map.entry("info", CommandSyntax::firstOnly),
            Map.entry("unregister", CommandSyntax::firstOnly),
            Map.entry("clear", CommandSyntax::firstOnly),
            Map.entry("error", CommandSyntax::firstOnly),
            Map.entry("deps", CommandSyntax::firstOnly),
            Map.entry("dependents", CommandSyntax::firstOnly),
            Map.entry("instance", CommandSyntax::firstOnly),
            Map.entry("graph", CommandSyntax::firstOnly),
            Map.entry("validate", CommandSyntax::firstOnly),
            Map.entry("history", CommandSyntax::firstOnly),
            Map.entry("rollback", CommandSyntax::firstOnly),
            Map.entry("impact", CommandSyntax::firstOnly),
            Map.entry("depend", before -> before.size() < 2 ? Argument.COMPONENT : Argument.NOTHING),
            Map.entry("undepend", before -> before.size() < 2 ? Argument.COMPONENT : Argument.NOTHING),
            Map.entry("status", before -> before.size() % 2 == 0 ? Argument.COMPONENT : Argument.STATUS),
            Map.entry("cache", CommandSyntax::cacheArgument),
            Map.entry(
                    "index", before -> before.isEmpty() ? Argument.words("create", "drop", "list") : Argument.NOTHING));

    /** The values of options that take one, by option name, whatever the command. */
    private static final Map<String, Argument> OPTION_VALUES = Map.of(
            "--status", Argument.STATUS,
            "--type", Argument.TYPE,
            "--component", Argument.COMPONENT,
            "--format", Argument.words("dot", "mermaid", "json"));

    /** Options by command: option name to whether it takes a value. */
    private final Map<String, Map<String, Boolean>> options = new ConcurrentHashMap<>();

    /**
     * Reads the options of a class's command methods.
     *
     * @param type a class of commands
     * @param functions the names of its command methods
     * @return this
     */
    CommandSyntax add(Class<?> type, String... functions) {
        Set<String> names = Set.of(functions);
        for (Method method : type.getMethods()) {
            if (!names.contains(method.getName())) {
                continue;
            }
            Map<String, Boolean> found = options.computeIfAbsent(method.getName(), name -> new ConcurrentHashMap<>());
            for (Annotation[] annotations : method.getParameterAnnotations()) {
                for (Annotation annotation : annotations) {
                    if (annotation instanceof Parameter parameter) {
                        boolean takesValue = Parameter.UNSPECIFIED.equals(parameter.presentValue());
                        for (String option : parameter.names()) {
                            found.put(option, takesValue);
                        }
                    }
                }
            }
        }
        return this;
    }

    /**
     * Whether a command is known here.
     *
     * @param function the command's name, without scope
     * @return {@code true} when its options were read
     */
    boolean knows(String function) {
        return options.containsKey(function);
    }

    /**
     * A command's option names, sorted.
     *
     * @param function the command's name, without scope
     * @return its options; empty for an unknown command
     */
    List<String> options(String function) {
        return List.copyOf(new TreeMap<>(options.getOrDefault(function, Map.of())).keySet());
    }

    /**
     * Whether an option of a command takes a value (the next word).
     *
     * @param function the command's name
     * @param option the option, such as {@code --type}
     * @return {@code true} when it takes a value
     */
    boolean takesValue(String function, String option) {
        return options.getOrDefault(function, Map.of()).getOrDefault(option, false);
    }

    /**
     * What an option's value is.
     *
     * @param option the option
     * @return what to offer for its value
     */
    static Argument optionValue(String option) {
        return OPTION_VALUES.getOrDefault(option, Argument.NOTHING);
    }

    /**
     * What a positional argument of a command is.
     *
     * @param function the command's name
     * @param before the positional arguments typed before it
     * @return what to offer
     */
    static Argument argument(String function, List<String> before) {
        return ARGUMENTS.getOrDefault(function, any -> Argument.COMPONENT).apply(before);
    }

    private static Argument firstOnly(List<String> before) {
        return before.isEmpty() ? Argument.COMPONENT : Argument.NOTHING;
    }

    /** {@code quota set|remove SCOPE LIMIT ...}: a component for the scope, then the limit's key. */
    private static Argument quotaArgument(List<String> before) {
        if (before.isEmpty()) {
            return Argument.words("list", "remove", "set");
        }
        boolean setOrRemove = before.get(0).equals("set") || before.get(0).equals("remove");
        if (setOrRemove && before.size() == 1) {
            return Argument.COMPONENT;
        }
        if (setOrRemove && before.size() == 2) {
            return Argument.words(
                    Arrays.stream(QuotaLimit.values()).map(QuotaLimit::key).toArray(String[]::new));
        }
        return Argument.NOTHING;
    }

    private static Argument cacheArgument(List<String> before) {
        if (before.isEmpty()) {
            return Argument.words("enable", "cleanup", "idle");
        }
        return before.size() == 1 && before.get(0).equals("cleanup") ? Argument.COMPONENT : Argument.NOTHING;
    }
}
