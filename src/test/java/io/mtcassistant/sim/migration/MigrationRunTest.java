package io.mtcassistant.sim.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** A simulated migration run on a simulated clock: itineraries, pipeline, progress lines, conditions, faults. */
class MigrationRunTest {

    private static final String BACKUP_LINE = "Backup openshift-migration/[\\w-]+-initial-\\w{5}: \\d+ out of estimated "
            + "total of \\d+ objects backed up \\(\\d+s\\)";
    private static final String DVM_RUNNING = "\\[(db-data|uploads)\\] shop/dvm-rsync-\\w{5}: Running \\d{1,2}% "
            + "\\(Transfer rate \\d+\\.\\dMB/s\\) \\((\\d+m)?\\d+s\\)";

    private Instant clock = Instant.parse("2026-12-01T10:00:00Z");

    private MigrationRun run(Map<String, Object> migrationSpec, Map<String, Object> planExtra, MtcVersion version) {
        JsonNode plan = Serialization.jsonMapper().valueToTree(MigrationObjects.plan("shop", "repo", planExtra));
        JsonNode migration = Serialization.jsonMapper().valueToTree(
                MigrationObjects.migration("m1", "shop", migrationSpec));
        return new MigrationRun("m1", "uid-1", migration.path("spec"), MigrationProfile.of(plan, migration), version,
                clock, new Random(7));
    }

    /** Advances half a simulated second at a time until the status matches; returns every status seen. */
    private List<ObjectNode> drive(MigrationRun run, MigrationFaults faults, Predicate<JsonNode> until) {
        List<ObjectNode> seen = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            ObjectNode status = run.status();
            seen.add(status);
            if (until.test(status)) {
                return seen;
            }
            clock = clock.plusMillis(500);
            run.advance(clock, 0.5, faults);
        }
        throw new AssertionError("never got there; last status " + seen.get(seen.size() - 1));
    }

    private static boolean has(JsonNode status, String type) {
        return condition(status, type) != null;
    }

    private static JsonNode condition(JsonNode status, String type) {
        for (JsonNode c : status.path("conditions")) {
            if (c.path("type").asText().equals(type)) {
                return c;
            }
        }
        return null;
    }

    private static JsonNode step(JsonNode status, String name) {
        return SimulatedMigrationControllerTest.step(status, name);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> steps(JsonNode status) {
        List<String> names = new ArrayList<>();
        status.path("pipeline").forEach(s -> names.add(s.path("name").asText()));
        return names;
    }

    @Test
    void aCutoverRunsTheFinalItineraryWithLiveProgressAndSucceeds() {
        MigrationRun run = run(Map.of("quiescePods", true), Map.of(), MtcVersion.V1_8);
        List<ObjectNode> seen = drive(run, MigrationFaults.none(), s -> has(s, "Succeeded"));
        ObjectNode last = seen.get(seen.size() - 1);
        assertThat(last.path("itinerary").asText()).isEqualTo("Final");
        assertThat(last.path("phase").asText()).isEqualTo("Completed");
        assertThat(steps(last)).containsExactly("Prepare", "Backup", "StageBackup", "DirectImage", "DirectVolume",
                "Restore", "Cleanup");
        assertThat(step(last, "Backup").path("progress").get(0).asText()).matches(BACKUP_LINE);
        assertThat(step(last, "Restore").path("progress").get(0).asText()).matches(
                "Restore openshift-migration/m1-final-\\w{5}: (\\d+) out of estimated total of \\1 objects restored "
                        + "\\(\\d+s\\)");
        // while running: Running with its reason and "Step: n/total", a step with phase and description
        ObjectNode backingUp = seen.stream().filter(s -> s.path("phase").asText().equals("InitialBackupCreated"))
                .skip(3).findFirst().orElseThrow();
        JsonNode running = condition(backingUp, "Running");
        assertThat(running.path("reason").asText()).isEqualTo("InitialBackupCreated");
        assertThat(running.path("category").asText()).isEqualTo("Advisory");
        assertThat(running.path("message").asText()).matches("Step: 19/50");
        assertThat(condition(backingUp, "Ready").path("message").asText()).isEqualTo("The migration is ready.");
        JsonNode backup = step(backingUp, "Backup");
        assertThat(backup.path("phase").asText()).isEqualTo("InitialBackupCreated");
        assertThat(backup.has("started")).isTrue();
        assertThat(backup.has("completed")).isFalse();
        assertThat(step(backingUp, "Restore").path("message").asText()).isEqualTo("Not started");
        // the direct volume percentages move
        Set<String> percentages = new HashSet<>();
        for (ObjectNode status : seen) {
            if (status.path("phase").asText().equals("WaitForDirectVolumeMigrationToComplete")) {
                for (JsonNode line : step(status, "DirectVolume").path("progress")) {
                    if (line.asText().contains("Running ")) {
                        assertThat(line.asText()).matches(DVM_RUNNING);
                        percentages.add(line.asText().replaceAll(".*Running (\\d+)%.*", "$1"));
                    }
                }
            }
        }
        assertThat(percentages).hasSizeGreaterThan(5);
        assertThat(run.children()).extracting(MigrationRun.Child::kind).contains(
                MigrationKinds.DIRECT_VOLUME_MIGRATION, MigrationKinds.DIRECT_VOLUME_MIGRATION_PROGRESS);
    }

    @Test
    void theFinishedStatusHasTheShapeOfARealOne() {
        JsonNode real = MonitorFixtures.read("cases/robotshop-cutover-succeeded-full-pipeline.json")
                .path("migration").path("status");
        MigrationRun run = run(Map.of("quiescePods", true), Map.of(), MtcVersion.V1_8);
        List<ObjectNode> seen = drive(run, MigrationFaults.none(), s -> has(s, "Succeeded"));
        JsonNode ours = seen.get(seen.size() - 1);
        assertThat(fieldNames(ours)).containsAll(fieldNames(real));
        JsonNode realSucceeded = condition(real, "Succeeded");
        JsonNode succeeded = condition(ours, "Succeeded");
        assertThat(fieldNames(succeeded)).isEqualTo(fieldNames(realSucceeded));
        for (String field : List.of("category", "durable", "message", "reason", "status", "type")) {
            assertThat(succeeded.path(field)).as(field).isEqualTo(realSucceeded.path(field));
        }
        assertThat(ours.path("conditions")).hasSize(real.path("conditions").size());
        assertThat(fieldNames(step(ours, "Backup"))).isEqualTo(fieldNames(step(real, "Backup")));
        assertThat(ours.path("startTimestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(ours.path("observedDigest").asText()).matches("[0-9a-f]{64}");
    }

    @Test
    void aFailureAtAPhaseFailsTheStepAndRunsTheFailedItinerary() {
        MigrationRun run = run(Map.of(), Map.of("indirectVolumeMigration", true), MtcVersion.V1_8);
        MigrationFaults faults = MigrationFaults.none().failingAt("StageBackupCreated",
                "PVC: shop/db-data, deleted.");
        List<ObjectNode> seen = drive(run, faults, s -> s.path("phase").asText().equals("Completed"));
        JsonNode last = seen.get(seen.size() - 1);
        assertThat(last.path("itinerary").asText()).isEqualTo("Failed");
        JsonNode failed = condition(last, "Failed");
        assertThat(failed.path("reason").asText()).isEqualTo("StageBackupCreated");
        assertThat(failed.path("message").asText()).isEqualTo("The migration has failed.  See: Errors.");
        assertThat(failed.path("durable").asBoolean()).isTrue();
        assertThat(last.path("errors")).extracting(JsonNode::asText).containsExactly("PVC: shop/db-data, deleted.");
        assertThat(step(last, "StageBackup").path("failed").asBoolean()).isTrue();
        assertThat(step(last, "StageBackup").path("message").asText()).isEqualTo("Failed");
        assertThat(step(last, "StageRestore").path("message").asText()).isEqualTo("Not started");
        assertThat(has(last, "Running") || has(last, "Succeeded")).isFalse();
        assertThat(seen).anySatisfy(s -> assertThat(s.path("phase").asText()).isEqualTo("MigrationFailed"));
    }

    @Test
    void aFailedDirectVolumeMigrationWritesTheFailedLines() {
        MigrationRun run = run(Map.of("stage", true), Map.of(), MtcVersion.V1_8);
        MigrationFaults faults = MigrationFaults.none().failingAt("WaitForDirectVolumeMigrationToComplete", null);
        List<ObjectNode> seen = drive(run, faults, s -> s.path("phase").asText().equals("Completed"));
        JsonNode last = seen.get(seen.size() - 1);
        Iterator<JsonNode> lines = step(last, "DirectVolume").path("progress").elements();
        assertThat(lines.next().asText()).matches("direct volume migration failed. 2 total volumes; \\d successful; "
                + "\\d running; 1 failed");
        assertThat(step(last, "DirectVolume").path("progress").toString()).contains(": Failed\"");
        assertThat(last.path("errors").get(0).asText()).matches("DirectVolumeMigration \\(dvm\\): "
                + "openshift-migration/m1-\\w{5} failed. See in dvm status.Errors");
        assertThat(run.children().get(0).status().path("phase").asText()).isEqualTo("MigrationFailed");
    }

    @Test
    void cancelingLeavesForTheCancelItineraryAndEndsCanceled() {
        MigrationRun run = run(Map.of("quiescePods", true), Map.of(), MtcVersion.V1_8);
        drive(run, MigrationFaults.none(), s -> s.path("phase").asText().equals("InitialBackupCreated"));
        run.cancel(clock);
        JsonNode canceling = run.status();
        assertThat(condition(canceling, "Canceling").path("message").asText()).isEqualTo("The migration is being canceled.");
        assertThat(canceling.path("itinerary").asText()).isEqualTo("Cancel");
        assertThat(has(canceling, "Running")).isFalse();
        assertThat(step(canceling, "Backup").path("message").asText()).isEqualTo("Canceled");
        assertThat(step(canceling, "Restore").path("skipped").asBoolean()).isTrue();
        List<ObjectNode> seen = drive(run, MigrationFaults.none(), s -> s.path("phase").asText().equals("Completed"));
        JsonNode last = seen.get(seen.size() - 1);
        JsonNode canceled = condition(last, "Canceled");
        JsonNode real = condition(MonitorFixtures.read("cases/ctrl-literal-canceled.json").path("migration")
                .path("status"), "Canceled");
        for (String field : List.of("category", "durable", "message", "reason", "status", "type")) {
            assertThat(canceled.path(field)).as(field).isEqualTo(real.path(field));
        }
        assertThat(has(last, "Canceling") || has(last, "Succeeded")).isFalse();
        assertThat(steps(last)).contains("CleanupVelero", "CleanupHelpers", "CleanupUnquiesce", "Cleanup");
        assertThat(last.path("itinerary").asText()).isEqualTo("Cancel");
    }

    @Test
    void aRollbackRunsTheRollbackItinerary() {
        MigrationRun run = run(Map.of("rollback", true), Map.of(), MtcVersion.V1_8);
        List<ObjectNode> seen = drive(run, MigrationFaults.none(), s -> has(s, "Succeeded"));
        JsonNode last = seen.get(seen.size() - 1);
        assertThat(last.path("itinerary").asText()).isEqualTo("Rollback");
        assertThat(steps(last)).containsExactly("CleanupVelero", "CleanupHelpers", "CleanupMigrated",
                "CleanupUnquiesce", "Cleanup");
    }

    @Test
    void aBlockedDirectVolumeMigrationWaitsWithAWarningUntilUnblocked() {
        MigrationRun run = run(Map.of("stage", true), Map.of(), MtcVersion.V1_8);
        MigrationFaults blocked = MigrationFaults.none().blockingDirectVolume(true);
        drive(run, blocked, s -> has(s, MigrationRun.DVM_BLOCKED));
        clock = clock.plusSeconds(300);
        run.advance(clock, 300, blocked);
        JsonNode waiting = run.status();
        assertThat(waiting.path("phase").asText()).isEqualTo("WaitForDirectVolumeMigrationToComplete");
        assertThat(condition(waiting, MigrationRun.DVM_BLOCKED).path("category").asText()).isEqualTo("Warn");
        assertThat(step(waiting, "DirectVolume").path("progress").get(1).asText())
                .matches("\\[db-data\\] shop/dvm-rsync-\\w{5}: Pending");
        assertThat(run.children().get(0).status().path("pendingPods")).hasSize(2);
        List<ObjectNode> seen = drive(run, MigrationFaults.none(), s -> has(s, "Succeeded"));
        assertThat(has(seen.get(seen.size() - 1), MigrationRun.DVM_BLOCKED)).isFalse();
    }

    @Test
    void aPartiallyFailedRestoreEndsSucceededWithWarnings() {
        MigrationRun run = run(Map.of(), Map.of(), MtcVersion.V1_8);
        List<ObjectNode> seen = drive(run, MigrationFaults.none().warning(true),
                s -> s.path("phase").asText().equals("Completed"));
        JsonNode last = seen.get(seen.size() - 1);
        assertThat(has(last, "SucceededWithWarnings")).isTrue();
        assertThat(has(last, "Succeeded")).isFalse();
        assertThat(condition(last, "VeleroFinalRestorePartiallyFailed").path("category").asText()).isEqualTo("Warn");
    }

    @Test
    void aMigrationOfAPlanThatIsNotReadyWaitsWithPlanNotReady() {
        MigrationRun run = run(Map.of(), Map.of(), MtcVersion.V1_8);
        run.planReady(false, clock);
        run.advance(clock.plusSeconds(500), 500, MigrationFaults.none());
        JsonNode held = run.status();
        assertThat(condition(held, MigrationRun.PLAN_NOT_READY).path("category").asText()).isEqualTo("Critical");
        assertThat(held.path("phase").asText()).isEmpty();
        run.planReady(true, clock);
        List<ObjectNode> seen = drive(run, MigrationFaults.none(), s -> has(s, "Succeeded"));
        assertThat(has(seen.get(seen.size() - 1), MigrationRun.PLAN_NOT_READY)).isFalse();
    }

    @Test
    void anMtc17CutoverUsesThe17PhaseNames() {
        MigrationRun run = run(Map.of("quiescePods", true), Map.of(), MtcVersion.V1_7);
        List<ObjectNode> seen = drive(run, MigrationFaults.none(), s -> has(s, "Succeeded"));
        Set<String> phases = new HashSet<>();
        seen.forEach(s -> phases.add(s.path("phase").asText()));
        assertThat(phases).contains("QuiesceApplications", "CreateDirectVolumeMigration")
                .doesNotContain("QuiesceSourceApplications");
        assertThat(run.children().stream().filter(c -> c.kind() == MigrationKinds.DIRECT_VOLUME_MIGRATION)).hasSize(1);
    }

    @Test
    void slowingAPhaseMakesItTakeLonger() {
        MigrationRun quick = run(Map.of("stage", true), Map.of(), MtcVersion.V1_8);
        int normal = drive(quick, MigrationFaults.none(), s -> has(s, "Succeeded")).size();
        MigrationRun slow = run(Map.of("stage", true), Map.of(), MtcVersion.V1_8);
        int slowed = drive(slow, MigrationFaults.none().slowing("DirectVolume", 4), s -> has(s, "Succeeded")).size();
        assertThat(slowed).isGreaterThan(normal + 150);
    }
}
