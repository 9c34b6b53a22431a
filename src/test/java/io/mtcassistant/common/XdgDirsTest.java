package io.mtcassistant.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XdgDirsTest {

    private final Path home = Path.of("/home/admin");

    @Test
    void defaultsFollowTheSpec() {
        XdgDirs dirs = new XdgDirs(Map.of(), home);
        assertThat(dirs.config()).isEqualTo(Path.of("/home/admin/.config/mtc-assistant"));
        assertThat(dirs.state()).isEqualTo(Path.of("/home/admin/.local/state/mtc-assistant"));
        assertThat(dirs.cache()).isEqualTo(Path.of("/home/admin/.cache/mtc-assistant"));
    }

    @Test
    void absoluteVariablesWin() {
        XdgDirs dirs = new XdgDirs(Map.of("XDG_CONFIG_HOME", "/etc/xdg-admin", "XDG_STATE_HOME", "/var/state"), home);
        assertThat(dirs.config()).isEqualTo(Path.of("/etc/xdg-admin/mtc-assistant"));
        assertThat(dirs.state()).isEqualTo(Path.of("/var/state/mtc-assistant"));
    }

    @Test
    void relativeVariablesAreIgnoredAsTheSpecSays() {
        XdgDirs dirs = new XdgDirs(Map.of("XDG_CONFIG_HOME", "relative/dir"), home);
        assertThat(dirs.config()).isEqualTo(Path.of("/home/admin/.config/mtc-assistant"));
    }
}
