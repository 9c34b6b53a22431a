package io.mtcassistant.mirror.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.mirror.registry.UploadSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadJournalTest {

    @TempDir
    Path tmp;

    @Test
    void openSessionsAndStoredBlobsSurviveAReopen() throws Exception {
        Path file = tmp.resolve("run.jsonl.uploads");
        UploadJournal first = UploadJournal.open(file);
        first.save("reg/a@sha256:1", new UploadSessions.Session("/v2/a/blobs/uploads/x", 1024));
        first.save("reg/a@sha256:2", new UploadSessions.Session("/v2/a/blobs/uploads/y", 0));
        first.forget("reg/a@sha256:2");
        first.stored("reg:5000", "sha256:2", "mtc/operator");
        first.stored("reg:5000", "sha256:2", "mtc/operator");

        UploadJournal again = UploadJournal.open(file);
        assertThat(again.find("reg/a@sha256:1")).contains(new UploadSessions.Session("/v2/a/blobs/uploads/x", 1024));
        assertThat(again.find("reg/a@sha256:2")).isEmpty();
        assertThat(again.storedIn("reg:5000", "sha256:2")).contains("mtc/operator");
        assertThat(again.storedIn("other:5000", "sha256:2")).isEmpty();
        assertThat(Files.readAllLines(file)).filteredOn(line -> line.contains("\"stored\"")).hasSize(1);
    }

    @Test
    void aLineCutByAKillIsIgnored() throws Exception {
        Path file = tmp.resolve("cut.uploads");
        Files.writeString(file, "{\"stored\":\"sha256:3\",\"domain\":\"reg\",\"repository\":\"a\"}\n{\"stored\":\"sha2");
        assertThat(UploadJournal.open(file).storedIn("reg", "sha256:3")).contains("a");
    }
}
