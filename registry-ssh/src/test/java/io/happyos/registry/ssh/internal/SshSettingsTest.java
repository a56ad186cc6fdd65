package io.happyos.registry.ssh.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SshSettingsTest {

    private static SshSettings read(String ssh, String keys) {
        Map<String, String> properties = new HashMap<>();
        if (ssh != null) {
            properties.put(SshSettings.SSH, ssh);
        }
        if (keys != null) {
            properties.put(SshSettings.AUTHORIZED_KEYS, keys);
        }
        properties.put(SshSettings.STORAGE, "/var/lib/registry");
        return SshSettings.read(properties::get);
    }

    @Test
    void unsetMeansNoShell() {
        assertThat(read(null, "/keys")).isNull();
        assertThat(read("  ", "/keys")).isNull();
    }

    @Test
    void aBarePortListensOnLoopbackAndTheHostKeyLivesUnderTheStorage() {
        SshSettings settings = read("2222", "/home/me/keys");

        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(2222);
        assertThat(settings.authorizedKeys()).isEqualTo(Path.of("/home/me/keys"));
        assertThat(settings.hostKey()).isEqualTo(Path.of("/var/lib/registry/ssh/host.key"));
    }

    @Test
    void hostAndPortIncludingIpv6InBrackets() {
        assertThat(read("0.0.0.0:0", "/k").host()).isEqualTo("0.0.0.0");
        assertThat(read("[::1]:2200", "/k").host()).isEqualTo("::1");
        assertThat(read("[::1]:2200", "/k").port()).isEqualTo(2200);
    }

    @Test
    void badValuesNameTheOptionAndTheFormExpected() {
        assertThatThrownBy(() -> read("ssh", "/k")).hasMessageContaining("--ssh ssh has no valid port");
        assertThatThrownBy(() -> read("70000", "/k")).hasMessageContaining("0 to 65535");
        assertThatThrownBy(() -> read(":22", "/k")).hasMessageContaining("no host before the port");
        assertThatThrownBy(() -> read("2222", null)).hasMessageContaining("--ssh needs --ssh-authorized-keys FILE");
    }
}
