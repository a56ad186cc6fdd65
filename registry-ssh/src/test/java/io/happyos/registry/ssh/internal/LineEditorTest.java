package io.happyos.registry.ssh.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.happyos.registry.ssh.internal.LineEditor.Event;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineEditorTest {

    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final LineEditor editor = new LineEditor(true);
    private final List<String> lines = new ArrayList<>();

    private List<Event> type(String keys) throws IOException {
        List<Event> events = new ArrayList<>();
        for (byte b : keys.getBytes(StandardCharsets.UTF_8)) {
            Event event = editor.feed(b & 0xFF, screen);
            if (event == Event.LINE) {
                lines.add(editor.takeLine());
            }
            if (event != Event.NONE) {
                events.add(event);
            }
        }
        return events;
    }

    private String screen() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void carriageReturnLineFeedAndBothEndOneLineEach() throws IOException {
        assertThat(type("a\rb\nc\r\nd\r\r")).containsOnly(Event.LINE).hasSize(5);
        assertThat(lines).containsExactly("a", "b", "c", "d", "");
        assertThat(screen()).isEqualTo("a\r\nb\r\nc\r\nd\r\n\r\n");
    }

    @Test
    void backspaceRemovesTheLastCharacterWholeEvenInUtf8() throws IOException {
        type("lisx\u007ft\bt\r");
        type("caf\u00e9\u007fe\r");
        type("\u007f\u007fok\r");

        assertThat(lines).containsExactly("list", "cafe", "ok");
        assertThat(screen()).startsWith("lisx\b \bt\b \bt\r\n");
    }

    @Test
    void ctrlCDropsTheLineAndCtrlDEndsOnlyAnEmptyOne() throws IOException {
        assertThat(type("registry:deactivate x\u0003")).containsExactly(Event.CANCEL);
        assertThat(type("abc\u0004")).isEmpty();
        assertThat(type("\u0015\u0004")).containsExactly(Event.END);
        assertThat(lines).isEmpty();
        assertThat(screen()).contains("^C\r\n");
    }

    @Test
    void arrowKeysAndOtherControlCharactersAreIgnored() throws IOException {
        type("ab\u001b[A\u001b[1;5Cc\u001bOd\u0001\u0007\r");

        assertThat(lines).containsExactly("abc");
    }

    @Test
    void withoutEchoNothingIsWrittenBack() throws IOException {
        LineEditor quiet = new LineEditor(false);
        for (byte b : "ab\u007fc\r".getBytes(StandardCharsets.UTF_8)) {
            quiet.feed(b, screen);
        }
        assertThat(quiet.takeLine()).isEqualTo("ac");
        assertThat(screen.size()).isZero();
    }

    @Test
    void aLineStopsGrowingAtTheLimit() throws IOException {
        type("x".repeat(LineEditor.MAX_LINE + 10) + "\r");

        assertThat(lines).singleElement().satisfies(line -> assertThat(line).hasSize(LineEditor.MAX_LINE));
    }
}
