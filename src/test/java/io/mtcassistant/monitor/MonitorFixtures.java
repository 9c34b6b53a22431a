package io.mtcassistant.monitor;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The real upstream cases in ../shared/fixtures/mtc-monitor/cases (read in place, never copied). */
final class MonitorFixtures {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MonitorFixtures() {
    }

    static Path casesDir() {
        String shared = System.getProperty("mtc.shared.dir");
        Path dir = shared == null ? null : Path.of(shared, "fixtures", "mtc-monitor", "cases");
        assumeTrue(dir != null && Files.isDirectory(dir),
                "skipped: ../shared/fixtures/mtc-monitor/cases is not available (mtc.shared.dir)");
        return dir;
    }

    static JsonNode caseFile(String name) {
        try {
            return MAPPER.readTree(casesDir().resolve(name + ".json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The case's MTC objects: its plan, its migration(s). */
    static List<JsonNode> objects(String name) {
        JsonNode file = caseFile(name);
        List<JsonNode> objects = new ArrayList<>();
        if (file.has("plan")) {
            objects.add(file.get("plan"));
        }
        if (file.has("migration")) {
            objects.add(file.get("migration"));
        }
        file.path("migrations").forEach(objects::add);
        return objects;
    }

    static MigMigrationObject migration(String name) {
        return MigMigrationObject.from(caseFile(name).get("migration"));
    }

    static List<String> progressLines(String name) {
        List<String> lines = new ArrayList<>();
        caseFile(name).get("progress_lines").forEach(l -> lines.add(l.asText()));
        return lines;
    }
}
