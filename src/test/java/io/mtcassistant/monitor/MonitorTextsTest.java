package io.mtcassistant.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The words the admin reads for things that wait or have just begun: no "since 0s", no rate before a copy starts. */
class MonitorTextsTest {

    private static MonitorSnapshot snapshotAt(String now) {
        List<JsonNode> objects = List.of(MigTestObjects.readyPlan("shop"), MigTestObjects.runningCutover("shop-1", "shop", 40))
                .stream().map(o -> (JsonNode) Serialization.jsonMapper().valueToTree(o)).toList();
        return new MonitorModel(Clock.fixed(Instant.parse(now), ZoneOffset.UTC)).build(objects);
    }

    private static MigrationView cutoverAt(String now) {
        return snapshotAt(now).migration("shop-1").orElseThrow();
    }

    @Test
    void aWaitThatHasJustBegunSaysSo() {
        WaitHint waiting = cutoverAt("2026-01-01T10:00:20Z").waiting();
        assertThat(waiting.text()).isEqualTo("Waiting for the rsync transfers of the volumes (started just now).");
    }

    @Test
    void aWaitSaysHowLongAndWhatToCheckOnceLong() {
        assertThat(cutoverAt("2026-01-01T10:03:27Z").waiting().text())
                .isEqualTo("Waiting for the rsync transfers of the volumes for 3m 07s.");
        assertThat(cutoverAt("2026-01-01T11:00:20Z").waiting().text())
                .startsWith("Waiting for the rsync transfers of the volumes for 1h 00m. That is long: check ");
    }

    @Test
    void theTableUsesTheSameWords() {
        String table = MonitorTable.write(snapshotAt("2026-01-01T10:00:20Z"), FeedStatus.live(), true);
        assertThat(table).contains("Waiting for the rsync transfers of the volumes (started just now).")
                .doesNotContain("for 0s");
    }

    @Test
    void aPendingVolumeShowsNoRateNorPercent() {
        VolumeProgress pending = new VolumeProgress("data", "rsync-1", "Pending", 0.0, "61.8MB/s", 61.8e6, "0s", "m");
        assertThat(pending.started()).isFalse();
        assertThat(pending.text()).isEqualTo("Pending");
        assertThat(pending.shownRateBytesPerSecond()).isNull();
    }

    @Test
    void aCopyingVolumeShowsPercentAndRateAndAFinishedOneNoRate() {
        VolumeProgress running = new VolumeProgress("data", "rsync-1", "Running", 42.4, "61.8MB/s", 61.8e6, "1m", "m");
        assertThat(running.text()).isEqualTo("Running  42 %  61.8MB/s");
        assertThat(running.shownRateBytesPerSecond()).isEqualTo(61.8e6);
        VolumeProgress done = new VolumeProgress("data", "rsync-1", "Succeeded", 100.0, "0.0MB/s", 0.0, "5m", "m");
        assertThat(done.text()).isEqualTo("Succeeded  100 %");
    }

    @Test
    void aVolumeWithoutPhaseCountsAsStartedOnceItHasProgress() {
        assertThat(new VolumeProgress("data", null, null, null, null, null, null, "m").text()).isEqualTo("Pending");
        assertThat(new VolumeProgress("data", null, null, 10.0, "5MB/s", 5e6, null, "m").text())
                .isEqualTo("Running  10 %  5MB/s");
    }
}
