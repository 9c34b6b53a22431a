package io.mtcassistant.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Progress lines in the real formats: the controller's own test strings, observed Velero lines, failures. */
class ProgressLineParserTest {

    private static ProgressLine parse(String line) {
        return ProgressLineParser.parse(line);
    }

    @Test
    void directVolumeLinesFromTheControllerTests() {
        List<ProgressLine> lines = MonitorFixtures.progressLines("ctrl-test-dvm-progress-lines").stream()
                .map(ProgressLineParser::parse).toList();
        assertThat(lines.get(0)).satisfies(l -> {
            assertThat(l.pvc()).isEqualTo("pvc-0");
            assertThat(l.resource()).isEqualTo("[pvc-0] ns/foo");
            assertThat(l.failed()).isTrue();
            assertThat(l.completed()).isFalse();
            assertThat(l.percent()).isNull();
        });
        assertThat(lines.get(1)).satisfies(l -> {
            assertThat(l.completed()).isTrue();
            assertThat(l.percent()).isEqualTo(100.0);
        });
        assertThat(lines.get(2)).satisfies(l -> {
            assertThat(l.pvc()).isNull();
            assertThat(l.resource()).isEqualTo("Rsync Pod ns/foo");
            assertThat(l.completed()).isTrue();
        });
        assertThat(lines.get(3)).satisfies(l -> {
            assertThat(l.failed()).isFalse();
            assertThat(l.completed()).isFalse();
        });
        assertThat(lines.get(4).failed()).isTrue();
        assertThat(lines.get(5)).satisfies(l -> {
            assertThat(l.completed()).isTrue();
            assertThat(l.percent()).isEqualTo(100.0);
        });
        assertThat(lines.get(6).completed()).isFalse();
        assertThat(lines.get(7)).satisfies(l -> {
            assertThat(l.percent()).isEqualTo(50.0);
            assertThat(l.transferRate()).isEqualTo("10MB/s");
            assertThat(l.duration()).isEqualTo("0s");
            assertThat(l.failed()).isFalse();
        });
        assertThat(lines.get(8)).satisfies(l -> {
            assertThat(l.failed()).isTrue();
            assertThat(l.completed()).isFalse();
            assertThat(l.percent()).isEqualTo(0.0);
        });
    }

    @Test
    void partiallyFailedRestore() {
        ProgressLine line = MonitorFixtures.progressLines("gvk-restore-partially-failed-line").stream()
                .map(ProgressLineParser::parse).findFirst().orElseThrow();
        assertThat(line.resource()).isEqualTo("Restore openshift-migration/migration-d123c-final-nl22t");
        assertThat(line.failed()).isTrue();
        assertThat(line.partiallyFailed()).isTrue();
        assertThat(line.completed()).isFalse();
        assertThat(line.percent()).isEqualTo(100.0); // the console draws a full red bar
        assertThat(line.duration()).isEqualTo("4s");
    }

    @Test
    void observedVeleroLines() {
        List<ProgressLine> lines = MonitorFixtures.progressLines("observed-velero-progress-lines").stream()
                .map(ProgressLineParser::parse).toList();
        assertThat(lines.get(0).percent()).isEqualTo(0.0);
        assertThat(lines.get(0).completed()).isFalse();
        assertThat(lines.get(1)).satisfies(l -> {
            assertThat(l.percent()).isEqualTo(100.0);
            assertThat(l.completed()).isTrue();
            assertThat(l.duration()).isEqualTo("13s");
            assertThat(l.resource()).isEqualTo("Backup openshift-migration/robot-shop-mig-1650513983-initial-msfhn");
        });
        assertThat(lines.get(3).percent()).isEqualTo(100.0);
        assertThat(lines.get(4)).satisfies(l -> { // "waiting for restore to Complete" is not completion
            assertThat(l.completed()).isFalse();
            assertThat(l.percent()).isNull();
        });
        assertThat(lines.get(5)).satisfies(l -> { // "0 failed" is no failure
            assertThat(l.failed()).isFalse();
            assertThat(l.completed()).isTrue();
        });
        assertThat(lines.get(7).completed()).isTrue();
        assertThat(lines.get(8)).satisfies(l -> {
            assertThat(l.percent()).isEqualTo(100.0);
            assertThat(l.completed()).isTrue();
            assertThat(l.duration()).isEqualTo("3s");
        });
        assertThat(lines.get(11)).satisfies(l -> {
            assertThat(l.completed()).isFalse();
            assertThat(l.failed()).isFalse();
            assertThat(l.percent()).isNull();
        });
        assertThat(lines.get(12).completed()).isFalse();
    }

    @Test
    void formatsFromTheReference() {
        ProgressLine pod = parse("[pvc-a] ns1/dvm-rsync-xyz: Running 45% (Transfer rate 30MB/s) (2m3s)");
        assertThat(pod.pvc()).isEqualTo("pvc-a");
        assertThat(pod.percent()).isEqualTo(45.0);
        assertThat(pod.transferRate()).isEqualTo("30MB/s");
        assertThat(pod.duration()).isEqualTo("2m3s");
        ProgressLine attempt = parse("[pvc-b] ns1/dvm-rsync-abc: Running - Attempt 2 of 20 12.5% (Transfer rate 1.2MB/s) (1h2m3s)");
        assertThat(attempt.percent()).isEqualTo(12.5);
        assertThat(attempt.duration()).isEqualTo("1h2m3s");
        ProgressLine summary = parse("2 total volumes; 1 successful; 1 running; 0 failed");
        assertThat(summary.percent()).isEqualTo(50.0);
        assertThat(summary.failed()).isFalse();
        assertThat(summary.completed()).isFalse();
        assertThat(parse("2 total volumes; 1 successful; 0 running; 1 failed").failed()).isTrue();
        assertThat(parse("3/4 Namespaces labeled").percent()).isEqualTo(75.0);
        ProgressLine failed = parse("Backup openshift-migration/x-initial-abcde: failed.");
        assertThat(failed.failed()).isTrue();
        assertThat(failed.partiallyFailed()).isFalse();
        ProgressLine partial = parse("Backup openshift-migration/x-initial-abcde: partially failed. 3 out of estimated total of 10 objects backed up (9s)");
        assertThat(partial.partiallyFailed()).isTrue();
        assertThat(partial.percent()).isEqualTo(30.0);
        assertThat(parse("Backup openshift-migration/x: Not started").percent()).isNull();
    }
}
