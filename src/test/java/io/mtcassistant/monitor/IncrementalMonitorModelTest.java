package io.mtcassistant.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The incremental model must always say what a full rebuild of the same objects says, and reuse what did not change. */
class IncrementalMonitorModelTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:10:00Z");

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        private Instant now = T0;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The objects the cluster holds now, in the order they were created (as a store lists them). */
    private final Map<String, JsonNode> cluster = new LinkedHashMap<>();
    private final TestClock clock = new TestClock();
    private final IncrementalMonitorModel incremental = new IncrementalMonitorModel(clock);

    private void put(GenericKubernetesResource resource) {
        put((JsonNode) Serialization.jsonMapper().valueToTree(resource));
    }

    private void put(JsonNode object) {
        cluster.put(object.path("kind").asText() + "/" + object.path("metadata").path("name").asText(), object);
        incremental.put(object);
    }

    private void remove(String kind, String name) {
        cluster.remove(kind + "/" + name);
        incremental.remove(kind, name);
    }

    private MonitorSnapshot fullRebuild() {
        return new MonitorModel(clock).build(new ArrayList<>(cluster.values()));
    }

    @Test
    void randomChangesGiveWhatAFullRebuildGives() {
        Random random = new Random(11);
        for (int round = 0; round < 400; round++) {
            int changes = 1 + random.nextInt(4);
            for (int c = 0; c < changes; c++) {
                randomChange(random);
            }
            if (random.nextInt(10) == 0) {
                // a move of a second or more: every clock-dependent view is due, so all say the same instant
                clock.now = clock.now.plus(IncrementalMonitorModel.CLOCK_REFRESH).plusMillis(random.nextInt(2000));
            }
            assertThat(incremental.snapshot()).as("round %d", round).isEqualTo(fullRebuild());
        }
    }

    private void randomChange(Random random) {
        String plan = "plan-" + random.nextInt(5);
        String migration = "mig-" + random.nextInt(12);
        // migrations sometimes name a plan that does not exist (yet): those are listed without a plan
        String planOfMigration = "plan-" + random.nextInt(6);
        switch (random.nextInt(9)) {
            case 0 -> put(MigTestObjects.readyPlan(plan));
            case 1 -> put(notReady(plan));
            case 2 -> remove("MigPlan", plan);
            case 3 -> put(created(MigTestObjects.runningCutover(migration, planOfMigration, random.nextInt(100)),
                    random));
            case 4 -> put(created(MigTestObjects.succeededCutover(migration, planOfMigration), random));
            case 5 -> put(created(MigTestObjects.stage(migration, planOfMigration), random));
            case 6 -> remove("MigMigration", migration);
            case 7 -> put(progress("dvmp-" + random.nextInt(4), migration, random.nextInt(100)));
            default -> remove("DirectVolumeMigrationProgress", "dvmp-" + random.nextInt(4));
        }
    }

    @Test
    void aChangeRebuildsOnlyItsPlan() {
        finishedPlanAndRunningPlan();
        MonitorSnapshot before = incremental.snapshot();

        put(MigTestObjects.runningCutover("b-1", "b", 20));
        MonitorSnapshot after = incremental.snapshot();

        assertThat(after).isEqualTo(fullRebuild());
        assertThat(after.plan("a").orElseThrow()).isSameAs(before.plan("a").orElseThrow());
        assertThat(after.plan("b").orElseThrow()).isNotSameAs(before.plan("b").orElseThrow());
        assertThat(after.migration("b-1").orElseThrow().steps().get(1).percent()).isEqualTo(20.0);
    }

    @Test
    void anUnchangedObjectChangesNothing() {
        put(MigTestObjects.readyPlan("a"));
        put(MigTestObjects.succeededCutover("a-1", "a"));
        MonitorSnapshot before = incremental.snapshot();

        put(MigTestObjects.succeededCutover("a-1", "a"));

        assertThat(incremental.changed()).isFalse();
        assertThat(incremental.snapshot().plans()).isSameAs(before.plans());
    }

    @Test
    void runningTimesMoveOnceTheClockHasMovedASecond() {
        finishedPlanAndRunningPlan();
        MonitorSnapshot before = incremental.snapshot();
        assertThat(incremental.clockDue()).isFalse();

        clock.now = clock.now.plusMillis(400);
        assertThat(incremental.clockDue()).isFalse();
        clock.now = clock.now.plus(Duration.ofSeconds(5));
        assertThat(incremental.clockDue()).isTrue();
        MonitorSnapshot after = incremental.snapshot();

        assertThat(after).isEqualTo(fullRebuild());
        assertThat(after.migration("b-1").orElseThrow().steps().get(1).elapsed())
                .isEqualTo(before.migration("b-1").orElseThrow().steps().get(1).elapsed().plusMillis(5400));
        // a finished migration does not depend on the clock
        assertThat(after.plan("a").orElseThrow()).isSameAs(before.plan("a").orElseThrow());
        assertThat(incremental.clockDue()).isFalse();
    }

    @Test
    void manyRunningMigrationsCatchUpWithTheClockABatchAtATime() {
        int running = IncrementalMonitorModel.CLOCK_REBUILDS * 2 + 20;
        put(MigTestObjects.readyPlan("a"));
        for (int i = 0; i < running; i++) {
            put(MigTestObjects.runningCutover("m-" + i, "a", 10));
        }
        incremental.snapshot();
        Instant later = clock.now.plusSeconds(2);
        clock.now = later;

        List<Integer> caughtUp = new ArrayList<>();
        for (int batch = 0; batch < 3; batch++) {
            caughtUp.add((int) incremental.snapshot().plan("a").orElseThrow().migrations().stream()
                    .filter(m -> m.steps().get(1).elapsed().equals(Duration.between(m.steps().get(1).started(), later)))
                    .count());
        }

        int batch = IncrementalMonitorModel.CLOCK_REBUILDS;
        assertThat(caughtUp).containsExactly(batch, 2 * batch, running);
        assertThat(incremental.snapshot()).isEqualTo(fullRebuild());
    }

    @Test
    void migrationsMoveBetweenTheirPlanAndTheListWithoutPlan() {
        put(MigTestObjects.succeededCutover("a-1", "a"));
        assertThat(incremental.snapshot().orphanMigrations()).extracting(MigrationView::name).containsExactly("a-1");

        put(MigTestObjects.readyPlan("a"));
        MonitorSnapshot withPlan = incremental.snapshot();
        assertThat(withPlan.orphanMigrations()).isEmpty();
        assertThat(withPlan.plan("a").orElseThrow().migrations()).extracting(MigrationView::name)
                .containsExactly("a-1");

        remove("MigPlan", "a");
        MonitorSnapshot withoutPlan = incremental.snapshot();
        assertThat(withoutPlan).isEqualTo(fullRebuild());
        assertThat(withoutPlan.plans()).isEmpty();
        assertThat(withoutPlan.orphanMigrations()).extracting(MigrationView::name).containsExactly("a-1");
    }

    @Test
    void aResetTakesAFreshList() {
        put(MigTestObjects.readyPlan("a"));
        put(MigTestObjects.runningCutover("a-1", "a", 10));
        put(progress("dvmp-1", "a-1", 40));
        incremental.snapshot();

        cluster.clear();
        cluster.put("MigPlan/b", Serialization.jsonMapper().valueToTree(MigTestObjects.readyPlan("b")));
        cluster.put("MigMigration/b-1", Serialization.jsonMapper().valueToTree(MigTestObjects.stage("b-1", "b")));
        incremental.reset(cluster.values());

        assertThat(incremental.snapshot()).isEqualTo(fullRebuild());
    }

    @Test
    void realUpstreamCasesGiveWhatAFullRebuildGives() {
        for (String name : List.of("robotshop-cutover-succeeded-full-pipeline", "pr-706-failed-with-errors",
                "ctrl-test-dvm-progress-lines", "docs-partial-failure-succeeded-with-warnings",
                "mig-ui-mock-mediawiki01-stage-and-cutover-succeeded-plan-without-ready")) {
            MonitorFixtures.objects(name).forEach(this::put);
            assertThat(incremental.snapshot()).as(name).isEqualTo(fullRebuild());
        }
    }

    /** Plan a with a finished cutover, plan b with a running one. */
    private void finishedPlanAndRunningPlan() {
        put(MigTestObjects.readyPlan("a"));
        put(MigTestObjects.readyPlan("b"));
        put(MigTestObjects.succeededCutover("a-1", "a"));
        put(MigTestObjects.runningCutover("b-1", "b", 10));
    }

    private static GenericKubernetesResource notReady(String name) {
        GenericKubernetesResource plan = MigTestObjects.readyPlan(name);
        plan.setAdditionalProperty("status", Map.of());
        return plan;
    }

    /** A creation time that ties with others now and then, so the order between equal times is exercised. */
    private static GenericKubernetesResource created(GenericKubernetesResource migration, Random random) {
        migration.getMetadata().setCreationTimestamp(T0.minusSeconds(60L * random.nextInt(4)).toString());
        return migration;
    }

    private static JsonNode progress(String name, String migration, int percent) {
        ObjectNode dvmp = (ObjectNode) Serialization.jsonMapper().valueToTree(Map.of(
                "apiVersion", "migration.openshift.io/v1alpha1", "kind", "DirectVolumeMigrationProgress",
                "metadata", Map.of("name", name, "namespace", "openshift-migration",
                        "ownerReferences", List.of(Map.of("kind", "MigMigration", "name", migration))),
                "spec", Map.of("podSelector", Map.of("migration.openshift.io/rsync-for-pvc", "pvc-" + name)),
                "status", Map.of("phase", "Running", "totalProgressPercentage", percent + "%",
                        "lastObservedTransferRate", "30MB/s", "podName", "rsync-" + name)));
        return dvmp;
    }
}
