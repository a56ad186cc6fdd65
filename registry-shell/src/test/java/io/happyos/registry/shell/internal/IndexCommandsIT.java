package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.ComponentInfo;
import io.happyos.registry.RegistryException;
import io.happyos.registry.testing.TestBundle;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IndexCommandsIT {

    @RegisterExtension
    final ShellFixture shell = new ShellFixture();

    /** The samples' vendor is HappyOS; one generated bundle's is Acme. */
    @BeforeEach
    void vendors() throws Exception {
        acme("acme-tool");
    }

    private void acme(String symbolicName) throws Exception {
        shell.install(
                TestBundle.builder(symbolicName)
                        .version("1.0.0")
                        .header("Bundle-Vendor", "Acme")
                        .header("HappyOS-Component-Type", "skill"),
                symbolicName);
    }

    @Test
    void createThenQueryByABundleHeader() {
        shell.indexes.index(false, "create", "vendor", "Bundle-Vendor");
        assertThat(shell.output()).isEqualTo("Index vendor created: components by Bundle-Vendor\n");
        shell.indexes.index(true, "vendor", "HappyOS");
        assertThat(ids(shell.json()))
                .containsExactly("base-util", "calculator-skill", "config-manager", "logger", "weather-skill");
        shell.indexes.index(false, "vendor", "Acme");
        List<String> lines = shell.output().lines().toList();
        assertThat(lines.get(0)).startsWith("ID ").contains("STATUS");
        assertThat(lines).hasSize(2).last().asString().startsWith("acme-tool  acme-tool  skill");
        shell.indexes.index(false, "vendor", "Nobody");
        assertThat(shell.output()).isEqualTo("No components under 'Nobody' in index vendor.\n");
    }

    @Test
    void aComponentWithoutABundleIsFiledByItsMetadata() {
        ShellFixture.join(shell.registry.registerComponent(
                ComponentInfo.of("virtual", "service").withMetadata(Map.of("Bundle-Vendor", "Acme"))));
        shell.indexes.index(true, "create", "vendor", "Bundle-Vendor");
        assertThat(shell.json()).isEqualTo(Map.of("index", "vendor", "header", "Bundle-Vendor"));
        shell.indexes.index(true, "vendor", "Acme");
        assertThat(ids(shell.json())).containsExactly("acme-tool", "virtual");
    }

    @Test
    void listAndDrop() {
        shell.indexes.index(false, "list");
        assertThat(shell.output()).isEqualTo("No indexes.\n");
        shell.indexes.index(false, "create", "vendor", "Bundle-Vendor");
        shell.indexes.index(false, "create", "license", "Bundle-License");
        shell.output();
        shell.indexes.index(false, "list");
        assertThat(shell.output()).isEqualTo("license\nvendor\n");
        shell.indexes.index(true, "list");
        assertThat(shell.json()).isEqualTo(List.of("license", "vendor"));
        shell.indexes.index(true, "drop", "vendor");
        assertThat(shell.json()).isEqualTo(Map.of("index", "vendor", "dropped", true));
        assertThat(shell.registry.indexes().getIndexNames()).containsExactly("license");
    }

    @Test
    void failuresSayWhatToDo() {
        assertThatThrownBy(() -> shell.indexes.index(false, "drop", "vendor"))
                .hasMessage("no index named 'vendor' (registry:index list shows them)");
        assertThatThrownBy(() -> shell.indexes.index(false, "vendor", "HappyOS"))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("vendor");
        assertThatThrownBy(() -> shell.indexes.index(false, "create", "vendor"))
                .hasMessageStartingWith("wrong number of arguments for index create: use index create NAME HEADER");
        assertThatThrownBy(() -> shell.indexes.index(false, "vendor"))
                .hasMessageStartingWith("unknown index command 'vendor'");
        assertThatThrownBy(() -> shell.indexes.index(false)).hasMessageStartingWith("give an index command");
    }

    @Test
    void aKeyFunctionToleratesAMissingHeader() {
        shell.indexes.index(false, "create", "license", "Bundle-License");
        shell.output();
        shell.indexes.index(true, "license", "null");
        assertThat(shell.json()).isEqualTo(List.of());
    }

    @Test
    void createAsksTheRegistryForAHeaderIndexItKeeps() throws Exception {
        shell.indexes.index(false, "create", "vendor", "Bundle-Vendor");
        shell.output();
        // the registry keeps the index: a bundle installed afterwards is filed too
        acme("acme-gadget");
        shell.indexes.index(true, "vendor", "Acme");
        assertThat(ids(shell.json())).containsExactly("acme-gadget", "acme-tool");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> ids(Object json) {
        return ((List<Map<String, Object>>) json).stream().map(e -> e.get("id")).toList();
    }
}
