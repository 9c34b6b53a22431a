package io.mtcassistant.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `monitor --from-file` over what `oc get migplan,migmigration -o json|yaml` prints (real upstream objects). */
class MonitorCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int run(String... args) {
        return MtcAssistantCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    /** An oc-style List of the mssql-app case (plan + migration) and the running cutover of the docs. */
    private ObjectNode ocList() throws Exception {
        String shared = System.getProperty("mtc.shared.dir");
        Path cases = shared == null ? null : Path.of(shared, "fixtures", "mtc-monitor", "cases");
        assumeTrue(cases != null && Files.isDirectory(cases),
                "skipped: ../shared/fixtures/mtc-monitor/cases is not available (mtc.shared.dir)");
        JsonNode mssql = JSON.readTree(cases.resolve("mig-ui-mock-mssql-app-stage-succeeded.json").toFile());
        JsonNode running = JSON.readTree(cases.resolve("docs-api-cutover-running-backup-step.json").toFile());
        ObjectNode list = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "List");
        ArrayNode items = list.putArray("items");
        items.add(mssql.get("plan"));
        mssql.get("migrations").forEach(items::add);
        items.add(running.get("migration"));
        return list;
    }

    @Test
    void jsonHasTheStableShape() throws Exception {
        Path file = Files.writeString(dir.resolve("objects.json"), JSON.writeValueAsString(ocList()));
        assertThat(run("monitor", "--from-file", file.toString(), "--output", "json")).isZero();
        JsonNode root = JSON.readTree(out.toString());
        JsonNode plan = root.get("plans").get(0);
        assertThat(plan.get("name").asText()).isEqualTo("mssql-app");
        assertThat(plan.get("status").asText()).isEqualTo("Stage succeeded");
        JsonNode migration = plan.get("migrations").get(0);
        assertThat(migration.get("action").asText()).isEqualTo("stage");
        assertThat(migration.get("state").asText()).isEqualTo("succeeded");
        assertThat(migration.get("currentStep").isNull()).isTrue();
        assertThat(migration.get("steps").isArray()).isTrue();
        // the docs' running cutover refers to a plan not in the file
        JsonNode orphan = root.get("migrationsWithoutPlan").get(0);
        assertThat(orphan.get("state").asText()).isEqualTo("running");
        assertThat(orphan.get("currentStep").asText()).isEqualTo("Backup");
        JsonNode backup = orphan.get("steps").get(1);
        assertThat(backup.get("name").asText()).isEqualTo("Backup");
        assertThat(backup.get("state").asText()).isEqualTo("running");
        JsonNode line = backup.get("progress").get(0);
        assertThat(line.get("line").asText()).startsWith("Backup openshift-migration/");
        assertThat(line.get("percent").asDouble()).isEqualTo(0.0);
        assertThat(line.get("failed").asBoolean()).isFalse();
        assertThat(line.get("completed").asBoolean()).isFalse();
        assertThat(orphan.get("steps").get(2).get("state").asText()).isEqualTo("not-started");
        assertThat(orphan.get("steps").get(2).get("progress")).isEmpty();
    }

    @Test
    void yamlAndTable() throws Exception {
        Path file = Files.writeString(dir.resolve("objects.yaml"),
                new ObjectMapper(new YAMLFactory()).writeValueAsString(ocList()));
        assertThat(run("monitor", "--from-file", file.toString())).isZero();
        assertThat(out.toString()).contains("mssql-app").contains("Stage succeeded").contains("succeeded");
    }

    @Test
    void badFilesAreBadInput() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"kind\": \"List\", \"items\": [");
        assertThat(run("monitor", "--from-file", broken.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(broken.toString()).contains("not JSON or YAML").doesNotContain("Exception");
        Path pods = Files.writeString(dir.resolve("pods.json"), "{\"kind\": \"Pod\", \"metadata\": {\"name\": \"x\"}}");
        assertThat(run("monitor", "--from-file", pods.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no MigPlan or MigMigration");
        assertThat(run("monitor", "--from-file", dir.resolve("missing.json").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("file not found");
    }
}
