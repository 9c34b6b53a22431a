package io.mtcassistant.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The state model on real MigPlans and MigMigrations taken from MTC's sources (SOURCES.txt of the fixtures). */
class MonitorModelFixturesTest {

    private static final Instant NOW = Instant.parse("2021-02-02T15:20:00Z");
    private final MonitorModel model = new MonitorModel(Clock.fixed(NOW, ZoneOffset.UTC));

    private MigrationView view(String caseName) {
        return model.migration(MonitorFixtures.migration(caseName), NOW, List.of());
    }

    @Test
    void runningCutoverInItsBackupStep() {
        MigrationView m = view("docs-api-cutover-running-backup-step");
        assertThat(m.state()).isEqualTo(MigrationState.RUNNING);
        assertThat(m.action()).isEqualTo(MigrationAction.CUTOVER);
        assertThat(m.currentStep()).isEqualTo("Backup");
        assertThat(m.summary()).isEqualTo("Backup");
        assertThat(m.steps()).extracting(StepView::state).containsExactly(StepState.COMPLETED, StepState.RUNNING,
                StepState.NOT_STARTED, StepState.NOT_STARTED, StepState.NOT_STARTED, StepState.NOT_STARTED,
                StepState.NOT_STARTED, StepState.NOT_STARTED);
        StepView backup = m.steps().get(1);
        assertThat(backup.title()).isEqualTo("Waiting for initial Velero backup to complete.");
        assertThat(backup.progress().get(0).percent()).isEqualTo(0.0);
        assertThat(backup.progress().get(0).duration()).isEqualTo("5s");
        assertThat(m.steps().get(0).elapsed()).isEqualTo(Duration.ofSeconds(49));
        assertThat(m.steps().get(0).title()).isEqualTo("Complete");
        assertThat(m.steps().get(2).title()).isEqualTo("Not Started");
        // beyond the console: what it waits for, since the Running condition moved to this phase
        assertThat(m.waiting().phase()).isEqualTo("InitialBackupCreated");
        assertThat(m.waiting().since()).isEqualTo(Instant.parse("2021-02-02T15:04:09Z"));
        assertThat(m.waiting().long_()).isTrue();
        assertThat(m.waiting().waitingFor()).contains("initial Velero backup");
        assertThat(m.percent()).isEqualTo(12.5); // 1 of 8 steps, the running one at 0 %
    }

    @Test
    void succeededCutoverWithTheFullPipeline() {
        MigrationView m = view("robotshop-cutover-succeeded-full-pipeline");
        assertThat(m.state()).isEqualTo(MigrationState.SUCCEEDED);
        assertThat(m.summary()).isEqualTo("Completed");
        assertThat(m.currentStep()).isNull();
        assertThat(m.steps()).extracting(StepView::name).containsExactly("Prepare", "Backup", "StageBackup",
                "StageRestore", "DirectImage", "Restore", "Cleanup");
        assertThat(m.steps()).allMatch(s -> s.state() == StepState.COMPLETED && s.percent() == 100.0);
        assertThat(m.steps().get(0).elapsed()).isEqualTo(Duration.ofSeconds(14));
        assertThat(m.end()).isEqualTo(Instant.parse("2022-04-21T04:08:31Z"));
        assertThat(m.start()).isEqualTo(Instant.parse("2022-04-21T04:07:35Z"));
        assertThat(m.quiescePods()).isTrue();
        assertThat(m.waiting()).isNull();
        assertThat(m.percent()).isEqualTo(100.0);
    }

    @Test
    void succeededWithoutPipeline() {
        MigrationView m = view("docs-2019-cutover-succeeded-no-pipeline");
        assertThat(m.state()).isEqualTo(MigrationState.SUCCEEDED);
        assertThat(m.summary()).isEqualTo("Completed");
        assertThat(m.steps()).isEmpty();
        assertThat(m.end()).isEqualTo(Instant.parse("2019-08-29T01:03:40Z"));
    }

    @Test
    void failedWithErrors() {
        MigrationView m = view("pr-706-failed-with-errors");
        assertThat(m.state()).isEqualTo(MigrationState.FAILED);
        assertThat(m.stateDetail()).isEqualTo("The migration has failed.  See: Errors.");
        assertThat(m.errors()).containsExactly("PVC: mssql-persistent/mssql-pvc, deleted.");
        assertThat(m.itinerary()).isEqualTo("Failed");
        assertThat(m.end()).isEqualTo(Instant.parse("2020-10-29T21:37:32Z"));
        assertThat(m.active()).isFalse();
    }

    @Test
    void cancelingThenCanceled() {
        MigrationView canceling = view("ctrl-literal-canceling");
        assertThat(canceling.state()).isEqualTo(MigrationState.CANCELING);
        assertThat(canceling.active()).isTrue();
        MigrationView canceled = view("ctrl-literal-canceled");
        assertThat(canceled.state()).isEqualTo(MigrationState.CANCELED);
        assertThat(canceled.summary()).isEqualTo("Canceled");
        assertThat(canceled.active()).isFalse();
    }

    @Test
    void blockedDirectVolumeMigrationIsPaused() {
        MigrationView m = view("ctrl-test-dvm-blocked-paused");
        assertThat(m.state()).isEqualTo(MigrationState.PAUSED);
        assertThat(m.stateDetail()).isEqualTo("warning");
        assertThat(m.steps()).extracting(StepView::state).containsExactly(StepState.NOT_STARTED);
    }

    @Test
    void warnConditionsWithAndWithoutTheTerminalCondition() {
        assertThat(view("ctrl-test-dvm-completed-failure-warning").state()).isEqualTo(MigrationState.WARNING);
        assertThat(view("issue-810-restic-errors-warn").state()).isEqualTo(MigrationState.WARNING);
        MigrationView partial = view("docs-partial-failure-succeeded-with-warnings");
        assertThat(partial.state()).isEqualTo(MigrationState.SUCCEEDED_WITH_WARNINGS);
        assertThat(partial.conditionsByCategory().get("Warn")).extracting(Condition::type)
                .containsExactly("VeleroFinalRestorePartiallyFailed");
        assertThat(partial.conditionsByCategory().get("Advisory")).extracting(Condition::type)
                .containsExactly("SucceededWithWarnings");
        assertThat(partial.end()).isEqualTo(Instant.parse("2021-01-26T20:48:42Z"));
        assertThat(view("redhatcop-dvm-failed-warning-succeeded-with-warnings").state())
                .isEqualTo(MigrationState.SUCCEEDED_WITH_WARNINGS);
    }

    @Test
    void criticalConditionIsAnError() {
        MigrationView m = view("issue-719-postponed-critical");
        assertThat(m.state()).isEqualTo(MigrationState.FAILED);
        assertThat(m.stateDetail()).startsWith("Postponed 10 seconds");
        assertThat(m.conditionsByCategory()).containsOnlyKeys("Critical");
    }

    @Test
    void planWithAStageThatSucceeded() {
        MonitorSnapshot snapshot = model.build(MonitorFixtures.objects("mig-ui-mock-mssql-app-stage-succeeded"));
        PlanView plan = snapshot.plan("mssql-app").orElseThrow();
        assertThat(plan.statusText()).isEqualTo("Stage succeeded");
        assertThat(plan.ready()).isTrue();
        assertThat(plan.sourceCluster()).isEqualTo("source");
        assertThat(plan.targetCluster()).isEqualTo("host");
        assertThat(plan.namespaces()).containsExactly("mssql-persistent");
        assertThat(plan.migrations()).singleElement().satisfies(m -> {
            assertThat(m.action()).isEqualTo(MigrationAction.STAGE);
            assertThat(m.state()).isEqualTo(MigrationState.SUCCEEDED);
        });
    }

    @Test
    void planWithoutReadyConditionIsNotReadyWhateverItsHistory() {
        MonitorSnapshot snapshot = model.build(MonitorFixtures.objects(
                "mig-ui-mock-mediawiki01-stage-and-cutover-succeeded-plan-without-ready"));
        PlanView plan = snapshot.plan("mediawiki01").orElseThrow();
        assertThat(plan.statusText()).isEqualTo("Not Ready");
        assertThat(plan.ready()).isFalse();
        // newest first, like the console
        assertThat(plan.migrations()).extracting(MigrationView::action)
                .containsExactly(MigrationAction.CUTOVER, MigrationAction.STAGE);
        assertThat(plan.latest().state()).isEqualTo(MigrationState.SUCCEEDED);
        assertThat(snapshot.orphanMigrations()).isEmpty();
    }
}
