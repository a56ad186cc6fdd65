package io.happyos.registry.ssh.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TerminalOutputTest {

    @Test
    void eachBareLineFeedGetsACarriageReturnAndNoneGetsTwo() throws IOException {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        try (TerminalOutput out = new TerminalOutput(target)) {
            out.write("a\nb\r\nc\n\n".getBytes(StandardCharsets.UTF_8));
            out.write('\r');
            out.write("\nd".getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        assertThat(target.toString(StandardCharsets.UTF_8)).isEqualTo("a\r\nb\r\nc\r\n\r\n\r\nd\r\n");
    }
}
