package io.happyos.registry.ssh.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The line being typed in the interactive SSH shell, fed one byte at a time as the client sends them.
 * With echo on (the client asked for a PTY, so its terminal is in raw mode and shows only what the
 * server sends back), each byte typed is echoed. Enter is CR, LF or CR LF (one line either way);
 * Backspace (DEL or BS) removes the last character, UTF-8 included; Ctrl-C drops the line; Ctrl-D on
 * an empty line ends the input; Ctrl-U erases the line; escape sequences (arrow keys) and other
 * control characters are ignored. A line stops growing at {@value #MAX_LINE} bytes.
 *
 * <p>Not thread-safe: one reader thread feeds it.
 */
final class LineEditor {

    /** What a byte meant. */
    enum Event {
        /** Nothing for the shell to do. */
        NONE,
        /** A line is complete: {@link #takeLine()}. */
        LINE,
        /** Ctrl-C: the line was dropped. */
        CANCEL,
        /** Ctrl-D on an empty line: the user is done. */
        END
    }

    static final int MAX_LINE = 64 * 1024;

    private static final byte[] NEW_LINE = {'\r', '\n'};
    private static final byte[] RUB_OUT = {'\b', ' ', '\b'};

    private enum State {
        TEXT,
        ESCAPE,
        SEQUENCE
    }

    private final boolean echo;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private State state = State.TEXT;
    private boolean afterCarriageReturn;

    /**
     * An empty line.
     *
     * @param echo whether to echo what is typed
     */
    LineEditor(boolean echo) {
        this.echo = echo;
    }

    /**
     * Takes one byte.
     *
     * @param b the byte, 0 to 255
     * @param terminal where the echo goes
     * @return what it meant
     * @throws IOException when the echo cannot be written
     */
    Event feed(int b, OutputStream terminal) throws IOException {
        boolean lineFeedAfterReturn = afterCarriageReturn && b == '\n';
        afterCarriageReturn = b == '\r';
        if (state != State.TEXT) {
            skipSequence(b);
            return Event.NONE;
        }
        switch (b) {
            case '\r', '\n' -> {
                if (lineFeedAfterReturn) {
                    return Event.NONE;
                }
                echo(terminal, NEW_LINE);
                return Event.LINE;
            }
            case 0x7F, '\b' -> {
                if (removeLastCharacter()) {
                    echo(terminal, RUB_OUT);
                }
                return Event.NONE;
            }
            case 0x03 -> {
                line.reset();
                echo(terminal, "^C\r\n".getBytes(StandardCharsets.US_ASCII));
                return Event.CANCEL;
            }
            case 0x04 -> {
                return line.size() == 0 ? Event.END : Event.NONE;
            }
            case 0x15 -> {
                while (removeLastCharacter()) {
                    echo(terminal, RUB_OUT);
                }
                return Event.NONE;
            }
            case 0x1B -> {
                state = State.ESCAPE;
                return Event.NONE;
            }
            default -> {
                if (b >= 0x20 && line.size() < MAX_LINE) {
                    line.write(b);
                    echo(terminal, new byte[] {(byte) b});
                }
                return Event.NONE;
            }
        }
    }

    /**
     * The line typed, and a new empty one.
     *
     * @return the line, decoded as UTF-8
     */
    String takeLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        return text;
    }

    /** ESC [ ... final byte, ESC O x, or ESC x: the whole sequence is dropped. */
    private void skipSequence(int b) {
        if (state == State.ESCAPE) {
            state = b == '[' || b == 'O' ? State.SEQUENCE : State.TEXT;
        } else if (b >= 0x40 && b <= 0x7E) {
            state = State.TEXT;
        }
    }

    private boolean removeLastCharacter() {
        byte[] bytes = line.toByteArray();
        int end = bytes.length;
        if (end == 0) {
            return false;
        }
        // back over UTF-8 continuation bytes (10xxxxxx) to the character's first byte
        int start = end - 1;
        while (start > 0 && (bytes[start] & 0xC0) == 0x80) {
            start--;
        }
        line.reset();
        line.write(bytes, 0, start);
        return true;
    }

    private void echo(OutputStream terminal, byte[] bytes) throws IOException {
        if (echo) {
            terminal.write(bytes);
        }
    }
}
