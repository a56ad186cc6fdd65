package io.happyos.registry.ssh.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class LoginAttemptTest {

    @Test
    void theClientAddressIsItsIpWithoutThePort() {
        assertThat(LoginAttempt.address(new InetSocketAddress("127.0.0.1", 54321)))
                .isEqualTo("127.0.0.1");
    }

    @Test
    void aUserNameThatCouldForgeAnotherActorIsKeptFromDoingSo() {
        assertThat(LoginAttempt.USER_NAME.matcher("alice").matches()).isTrue();
        assertThat(LoginAttempt.USER_NAME.matcher("alice@10.0.0.1").matches()).isFalse();
        assertThat(LoginAttempt.USER_NAME.matcher("alice\nshell").matches()).isFalse();
        assertThat(LoginAttempt.USER_NAME.matcher("").matches()).isFalse();
    }
}
