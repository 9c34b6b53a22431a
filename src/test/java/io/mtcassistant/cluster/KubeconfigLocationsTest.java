package io.mtcassistant.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigLocationsTest {

    @TempDir
    Path dir;

    @Test
    void kubeconfigListInOrderWithoutMissingEntries() throws Exception {
        Path a = Files.writeString(dir.resolve("a"), "");
        Path b = Files.writeString(dir.resolve("b"), "");
        String list = b + ":" + dir.resolve("missing") + "::" + a + ":" + b;
        assertThat(KubeconfigLocations.defaults(Map.of("KUBECONFIG", list), dir.resolve("home")))
                .containsExactly(b, a);
    }

    @Test
    void homeConfigWhenKubeconfigIsUnsetOrEmpty() throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve(".kube"));
        Path config = Files.writeString(home.resolve(".kube/config"), "");
        assertThat(KubeconfigLocations.defaults(Map.of(), home)).containsExactly(config);
        assertThat(KubeconfigLocations.defaults(Map.of("KUBECONFIG", " "), home)).containsExactly(config);
    }

    @Test
    void nothingWhenNothingExists() {
        assertThat(KubeconfigLocations.defaults(Map.of(), dir.resolve("home"))).isEmpty();
    }
}
