package io.happyos.registry.shell.internal;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.shell.internal.CommandSyntax.Argument;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Works out what Tab offers for the last word of a command line: command names for the first
 * word; for a {@code registry:*} command, its option names after {@code -}, and component ids,
 * statuses, types or sub-command words where the command takes them. Pure logic over what it is
 * given; safe for concurrent use.
 *
 * <p>Only the last command of a line counts (after the last {@code |} or {@code ;}). Words are
 * split at white space, and quotes group words. Matching ignores case.
 */
final class LineCompleter {

    private static final String SCOPE = ShellActivator.SCOPE + ":";

    private final CommandSyntax syntax;

    /**
     * A completer.
     *
     * @param syntax the registry commands' options and arguments
     */
    LineCompleter(CommandSyntax syntax) {
        this.syntax = syntax;
    }

    /**
     * The words that may replace the last word of a line.
     *
     * @param line what was typed, up to the cursor; a line ending in white space completes a new word
     * @param commandNames every command the shell has, as {@code scope:function}
     * @param components the registry's components, asked only when ids or types are wanted
     * @return the candidates, sorted, without duplicates; empty when nothing fits
     */
    List<String> complete(String line, Collection<String> commandNames, Supplier<List<RegistryEntry>> components) {
        List<String> words = words(lastCommand(line));
        String current = words.remove(words.size() - 1);
        if (words.isEmpty()) {
            return matching(current, commandWords(commandNames, current));
        }
        String function = registryFunction(words.get(0), commandNames);
        if (function == null) {
            return List.of();
        }
        List<String> positionals = new ArrayList<>();
        String pendingOption = null;
        for (String word : words.subList(1, words.size())) {
            if (pendingOption != null) {
                pendingOption = null;
            } else if (word.startsWith("--")) {
                pendingOption = syntax.takesValue(function, word) ? word : null;
            } else {
                positionals.add(word);
            }
        }
        if (pendingOption != null) {
            return offer(CommandSyntax.optionValue(pendingOption), current, components);
        }
        if (current.startsWith("-")) {
            return matching(current, syntax.options(function).stream());
        }
        return offer(CommandSyntax.argument(function, positionals), current, components);
    }

    private static List<String> offer(Argument argument, String prefix, Supplier<List<RegistryEntry>> components) {
        Stream<String> words = switch (argument.kind()) {
            case COMPONENT -> components.get().stream().map(RegistryEntry::id);
            case STATUS -> Stream.of(ComponentStatus.values()).map(Enum::name);
            case TYPE -> components.get().stream().map(e -> e.component().type());
            case WORDS -> argument.words().stream();
            case NOTHING -> Stream.empty();
        };
        return matching(prefix, words);
    }

    /** Full names, and the bare function names that Gogo also accepts, for the first word. */
    private static Stream<String> commandWords(Collection<String> commandNames, String prefix) {
        Stream<String> scoped = commandNames.stream().filter(name -> name.indexOf(':') > 0 && !name.startsWith("*"));
        if (prefix.indexOf(':') >= 0) {
            return scoped;
        }
        return scoped.flatMap(name -> Stream.of(name, name.substring(name.indexOf(':') + 1)));
    }

    /**
     * The function of a registry command as typed: {@code registry:info} or {@code info} (when the
     * registry has a command of that name), else {@code null}.
     */
    private String registryFunction(String command, Collection<String> commandNames) {
        String lower = command.toLowerCase(Locale.ROOT);
        if (lower.startsWith(SCOPE)) {
            return lower.substring(SCOPE.length());
        }
        if (lower.indexOf(':') < 0 && (commandNames.contains(SCOPE + lower) || syntax.knows(lower))) {
            return lower;
        }
        return null;
    }

    private static List<String> matching(String prefix, Stream<String> words) {
        String lowerPrefix = prefix.toLowerCase(Locale.ROOT);
        TreeSet<String> sorted = new TreeSet<>();
        words.filter(word -> word != null && word.toLowerCase(Locale.ROOT).startsWith(lowerPrefix))
                .forEach(sorted::add);
        return List.copyOf(sorted);
    }

    /** The part of a line after its last unquoted {@code |} or {@code ;}. */
    static String lastCommand(String line) {
        int start = 0;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '|' || c == ';') {
                start = i + 1;
            }
        }
        return line.substring(start);
    }

    /**
     * The words of a command, quotes removed; the last element is the word being typed (empty
     * after white space). Never empty.
     */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        words.add(word.toString());
        return words;
    }
}
