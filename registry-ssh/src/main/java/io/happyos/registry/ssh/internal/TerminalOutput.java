package io.happyos.registry.ssh.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Output to a client's terminal in raw mode (a PTY was requested): each line feed not preceded by a
 * carriage return gets one, as a terminal driver's {@code onlcr} would add, so that lines start at the
 * left margin.
 */
final class TerminalOutput extends FilterOutputStream {

    private int last = -1;

    TerminalOutput(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        if (b == '\n' && last != '\r') {
            out.write('\r');
        }
        out.write(b);
        last = b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n' && (i == off ? last : b[i - 1]) != '\r') {
                out.write(b, start, i - start);
                out.write('\r');
                start = i;
            }
        }
        out.write(b, start, off + len - start);
        if (len > 0) {
            last = b[off + len - 1];
        }
    }
}
