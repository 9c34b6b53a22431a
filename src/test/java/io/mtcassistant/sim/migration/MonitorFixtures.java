package io.mtcassistant.sim.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The upstream MTC data in ../shared/fixtures/mtc-monitor (read in place; the tests skip without it). */
final class MonitorFixtures {

    private MonitorFixtures() {
    }

    static JsonNode read(String relative) {
        String shared = System.getProperty("mtc.shared.dir");
        Path file = shared == null ? null : Path.of(shared, "fixtures", "mtc-monitor", relative);
        Assumptions.assumeTrue(file != null && Files.isRegularFile(file),
                "skipped: ../shared/fixtures/mtc-monitor/" + relative + " is not available (mtc.shared.dir)");
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
