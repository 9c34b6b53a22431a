package io.mtcassistant.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.compat.MigrationDecisions;
import io.mtcassistant.compat.MtcVersion;
import io.mtcassistant.compat.NetworkWorkaround;
import io.mtcassistant.compat.Reachability;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Compatibility decisions survive the settings file, and older files without them still load. */
class RememberedDecisionsJsonTest {

    @TempDir
    Path dir;

    @Test
    void decisionsRoundTripThroughTheSettingsFile() throws Exception {
        JsonSettingsStore store = new JsonSettingsStore(dir.resolve("settings.json"));
        MigrationDecisions decisions = MigrationDecisions.none().withMtcVersion(MtcVersion.of("1.7"))
                .withRemoteReachesControl("ocp3", Reachability.NO).withNetworkWorkaround(NetworkWorkaround.TUNNEL_API);
        Settings settings = new Settings(List.of("/k/config"), Theme.DARK)
                .withCompatibility(new RememberedDecisions(List.of("source:ocp3", "target:ocp4"), decisions));

        store.save(settings);

        assertThat(store.load()).isEqualTo(settings);
    }

    @Test
    void aSettingsFileWithoutDecisionsLoadsWithNone() throws Exception {
        Path file = Files.writeString(dir.resolve("settings.json"), "{\"kubeconfigFiles\":[\"/k/config\"],\"theme\":\"DARK\"}");

        Settings loaded = new JsonSettingsStore(file).load();

        assertThat(loaded).isEqualTo(new Settings(List.of("/k/config"), Theme.DARK));
        assertThat(loaded.compatibility()).isNull();
    }
}
