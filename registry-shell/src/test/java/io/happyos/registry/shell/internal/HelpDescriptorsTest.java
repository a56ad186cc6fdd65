package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.junit.jupiter.api.Test;

/**
 * Every command a user can type has help: a descriptor ending with an example of itself, and a
 * descriptor on each of its options and parameters. The command classes are found on the class path,
 * so that a new one cannot be forgotten here.
 */
class HelpDescriptorsTest {

    @Test
    void everyCommandAndEveryParameterIsDescribedWithAnExample() throws Exception {
        List<Class<?>> commandClasses = commandClasses();
        assertThat(commandClasses)
                .as("command classes found")
                .hasSizeGreaterThanOrEqualTo(12)
                .contains(TreeCommands.class, EventCommands.class, TopCommands.class, ComponentCommands.class);
        List<String> problems = new ArrayList<>();
        for (Class<?> type : commandClasses) {
            List<String> functions = List.of(functions(type));
            List<String> methods = new ArrayList<>();
            for (Method m : type.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || Modifier.isStatic(m.getModifiers())) {
                    continue;
                }
                methods.add(m.getName());
                check(m, functions, problems);
            }
            if (!methods.containsAll(functions)) {
                problems.add(type.getSimpleName() + " publishes functions it has no public method for: " + functions);
            }
        }
        assertThat(problems).isEmpty();
    }

    private static void check(Method m, List<String> functions, List<String> problems) {
        String where = m.getDeclaringClass().getSimpleName() + "." + m.getName();
        if (!functions.contains(m.getName())) {
            problems.add(where + " is public but not in FUNCTIONS");
        }
        Descriptor command = m.getAnnotation(Descriptor.class);
        if (command == null) {
            problems.add(where + " has no @Descriptor");
        } else if (!command.value()
                .matches("(?s).+\\. Example: " + scope(m.getDeclaringClass()) + ":" + m.getName() + "\\b[^\\n]*")) {
            problems.add(where + "'s descriptor does not end with 'Example: " + scope(m.getDeclaringClass()) + ":"
                    + m.getName() + " ...': " + command.value());
        }
        for (Parameter p : m.getParameters()) {
            if (p.getType() == CommandSession.class) {
                continue; // given by Gogo, not typed
            }
            Descriptor d = p.getAnnotation(Descriptor.class);
            if (d == null || d.value().isBlank()) {
                problems.add(where + " parameter " + p.getName() + " ("
                        + p.getType().getSimpleName() + ") has no @Descriptor");
            }
        }
    }

    /** The class's own Gogo scope (a static field SCOPE, as LogCommands has), else registry. */
    private static String scope(Class<?> type) {
        try {
            Field f = type.getDeclaredField("SCOPE");
            f.setAccessible(true);
            return (String) f.get(null);
        } catch (ReflectiveOperationException none) {
            return "registry";
        }
    }

    private static String[] functions(Class<?> type) throws ReflectiveOperationException {
        Field f = type.getDeclaredField("FUNCTIONS");
        f.setAccessible(true);
        return (String[]) f.get(null);
    }

    /** Every class of the shell's package that publishes Gogo functions. */
    private static List<Class<?>> commandClasses() throws URISyntaxException, Exception {
        Path root = Path.of(ShellActivator.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Path dir = root.resolve(ShellActivator.class.getPackageName().replace('.', '/'));
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                if (name.contains("$")) {
                    continue;
                }
                Class<?> type = Class.forName(ShellActivator.class.getPackageName() + "." + name);
                if (Arrays.stream(type.getDeclaredFields())
                        .anyMatch(f -> f.getName().equals("FUNCTIONS"))) {
                    found.add(type);
                }
            }
        }
        return found;
    }
}
