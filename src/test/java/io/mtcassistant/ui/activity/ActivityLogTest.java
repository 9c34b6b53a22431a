package io.mtcassistant.ui.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.common.ActivityEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivityLogTest {

    @Test
    void eventsAreAddedOnTheUiExecutorWithSecretsMasked() {
        List<Runnable> uiQueue = new ArrayList<>();
        ActivityLog log = new ActivityLog(uiQueue::add);

        log.info("ocp4", "Authorization: Bearer sha256~abcdefghijklmnopqrstuvwxyz012345");

        assertThat(log.entries()).as("nothing until the UI thread runs").isEmpty();
        uiQueue.forEach(Runnable::run);
        assertThat(log.entries()).singleElement().satisfies(event -> {
            assertThat(event.source()).isEqualTo("ocp4");
            assertThat(event.message()).doesNotContain("abcdefghijklmnop").contains("****");
        });
    }

    @Test
    void theLogCopiesAsPlainLines() {
        ActivityLog log = new ActivityLog(Runnable::run);
        log.onEvent(new ActivityEvent(Instant.parse("2026-11-26T10:15:30Z"), ActivityEvent.Level.SUCCESS, "sim-target",
                "Connected to sim-target"));
        log.onEvent(new ActivityEvent(Instant.parse("2026-11-26T10:15:31Z"), ActivityEvent.Level.ERROR, "ocp3", "Unreachable"));

        assertThat(log.asText()).isEqualTo("2026-11-26T10:15:30Z SUCCESS sim-target: Connected to sim-target\n"
                + "2026-11-26T10:15:31Z ERROR ocp3: Unreachable\n");
        log.clear();
        assertThat(log.entries()).isEmpty();
    }

    @Test
    void onlyTheNewestEntriesAreKept() {
        ActivityLog log = new ActivityLog(Runnable::run);
        for (int i = 0; i < ActivityLog.MAX_ENTRIES + 10; i++) {
            log.info("test", "event " + i);
        }
        assertThat(log.entries()).hasSize(ActivityLog.MAX_ENTRIES);
        assertThat(log.entries().get(0).message()).isEqualTo("event 10");
    }
}
