package io.happyos.registry.launcher;

import java.util.List;
import java.util.function.Function;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion for the interactive shell: asks the registry shell's {@code registry:complete}
 * (through the same Gogo session the commands run in) what the word at the cursor may become.
 */
final class GogoCompleter implements Completer {

    private final Function<String, List<String>> candidates;

    /**
     * A completer.
     *
     * @param candidates the words for a line up to the cursor, such as {@link GogoCommands#complete}
     */
    GogoCompleter(Function<String, List<String>> candidates) {
        this.candidates = candidates;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> found) {
        String typed =
                line.line().substring(0, Math.min(line.cursor(), line.line().length()));
        for (String word : candidates.apply(typed)) {
            // "registry:" style prefixes go on without a space; whole words get one
            boolean whole = !word.endsWith(":");
            found.add(new Candidate(word, word, null, null, null, null, whole));
        }
    }
}
