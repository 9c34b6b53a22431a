package io.mtcassistant.ui.steps.mirroring;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.cluster.ClusterRole;
import io.mtcassistant.compat.ClusterPlan;
import io.mtcassistant.compat.CompatibilityReport;
import io.mtcassistant.compat.ExistingMtcAction;
import io.mtcassistant.compat.InstallMethod;
import io.mtcassistant.compat.InstallOption;
import io.mtcassistant.compat.MigrationDecisions;
import io.mtcassistant.compat.MigrationPlan;
import io.mtcassistant.compat.MtcVersion;
import io.mtcassistant.compat.NetworkWorkaround;
import io.mtcassistant.compat.OpenShiftVersion;
import io.mtcassistant.compat.Verdict;
import io.mtcassistant.mirror.catalog.ImagePurpose;
import io.mtcassistant.mirror.session.ImageRow;
import io.mtcassistant.mirror.session.MirrorMode;
import io.mtcassistant.mirror.session.MirrorSetup;
import io.mtcassistant.mirror.session.MirroringSession;
import io.mtcassistant.mirror.session.RunRecord;
import io.mtcassistant.ui.MigrationPlanHolder;
import io.mtcassistant.ui.steps.mirroring.MirroringViewModel.Phase;
import io.mtcassistant.ui.task.SyncTaskRunner;
import io.mtcassistant.ui.testsupport.FakeDialogs;
import io.mtcassistant.ui.wizard.StepState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Mirroring page's behaviour on the demo content with the real engine; tasks run synchronously. */
class MirroringViewModelTest {

    @TempDir
    Path tmp;

    private final FakeDialogs dialogs = new FakeDialogs();
    private final List<String> ticks = new ArrayList<>();
    private MirroringViewModel viewModel;

    private final MigrationPlanHolder plans = new MigrationPlanHolder();

    private static CompatibilityReport report(String mtc, String channel) {
        MtcVersion version = MtcVersion.of(mtc);
        MigrationPlan plan = new MigrationPlan(version, "sim-target", NetworkWorkaround.NONE, List.of(), List.of(
                new ClusterPlan("sim-source", ClusterRole.SOURCE, OpenShiftVersion.of("3.11"), "ocp-3.11", false,
                        new InstallOption(version, InstallMethod.LEGACY_OPERATOR, null, "legacy", false, null), null,
                        ExistingMtcAction.INSTALL),
                new ClusterPlan("sim-target", ClusterRole.TARGET, OpenShiftVersion.of("4.12"), "ocp-4.12", true,
                        new InstallOption(version, InstallMethod.OLM, channel, "olm", false, null), "stable-1.0",
                        ExistingMtcAction.INSTALL)));
        return new CompatibilityReport("2026-11-26T00:00:00Z", "test", Verdict.READY, "ready", List.of(),
                MigrationDecisions.none(), plan);
    }

    @Test
    void theFieldsFollowStepTwoUntilTheAdminChangesOne() {
        MirroringViewModel vm = create();
        plans.publish(report("1.7", "release-v1.7"));
        vm.arrive();
        assertThat(vm.channelProperty().get()).isEqualTo("release-v1.7");
        assertThat(vm.legacyOperatorProperty().get()).isTrue();
        assertThat(vm.fromCompatibilityProperty().get()).contains("MTC 1.7").contains("sim-source: legacy operator");
        vm.plan();
        assertThat(vm.phase()).isEqualTo(Phase.PLANNED);

        plans.publish(report("1.8", "release-v1.8"));
        vm.arrive();
        assertThat(vm.channelProperty().get()).isEqualTo("release-v1.8");
        assertThat(vm.phase()).as("the plan no longer matches step 2").isEqualTo(Phase.SETUP);
        assertThat(vm.messageProperty().get()).contains("plan again");

        vm.channelProperty().set("release-v1.7");
        plans.publish(report("1.8", "release-v1.8"));
        vm.arrive();
        assertThat(vm.channelProperty().get()).as("the admin's choice stays").isEqualTo("release-v1.7");
    }

    private MirroringViewModel create() {
        ProgressTicker ticker = new ProgressTicker() {
            @Override
            public void start(Runnable tick) {
                ticks.add("start");
            }

            @Override
            public void stop() {
                ticks.add("stop");
            }
        };
        viewModel = new MirroringViewModel(plans, new SyncTaskRunner(), dialogs,
                io.mtcassistant.common.ActivityListener.NONE, true, tmp.resolve("cache"), tmp.resolve("work"),
                tmp.resolve("state/run.properties"), Runnable::run, ticker);
        return viewModel;
    }

    @AfterEach
    void close() {
        if (viewModel != null) {
            viewModel.close();
        }
    }

    @Test
    void demoPlanRunsToAnArchiveAndShowsTheResults() {
        MirroringViewModel vm = create();
        vm.arrive();
        assertThat(vm.fromCompatibilityProperty().get()).contains("no ready plan");
        vm.channelProperty().set("release-v1.7");
        vm.legacyOperatorProperty().set(true);

        vm.plan();
        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(vm.phase()).isEqualTo(Phase.PLANNED);
        assertThat(vm.rows()).extracting(ImageRow::purpose).contains(ImagePurpose.LEGACY_OPERATOR.label(),
                ImagePurpose.OADP_DEPENDENCY.label(), ImagePurpose.CATALOG.label());
        assertThat(vm.planSummaryProperty().get()).contains("images").contains("demo");
        assertThat(vm.diskTextProperty().get()).startsWith("Enough disk space");

        vm.start();
        assertThat(vm.phase()).as(vm.problemProperty().get()).isEqualTo(Phase.DONE);
        assertThat(vm.fractionProperty().get()).isEqualTo(1.0);
        assertThat(vm.rows()).allMatch(r -> r.state() == ImageRow.State.DONE);
        assertThat(vm.progressTextProperty().get()).contains(vm.rows().size() + " of " + vm.rows().size() + " images");
        assertThat(ticks).containsExactly("start", "stop");
        assertThat(vm.facts().archiveDir()).isEqualTo(tmp.resolve("work/archive"));
        assertThat(vm.results()).extracting(ResultFile::name).contains("summary.json");
        assertThat(vm.stepStateProperty().get()).isEqualTo(StepState.DONE);
        assertThat(new RunRecord(tmp.resolve("state/run.properties")).unfinished()).isEmpty();

        vm.copy(vm.results().get(0));
        assertThat(dialogs.clipboard).containsExactly(vm.results().get(0).text());
        vm.openResultsFolder();
        assertThat(dialogs.openedFolders).containsExactly(tmp.resolve("work/results"));
    }

    @Test
    void changingASettingAfterPlanningAsksForANewPlan() {
        MirroringViewModel vm = create();
        vm.channelProperty().set("release-v1.8");
        vm.plan();
        assertThat(vm.phase()).isEqualTo(Phase.PLANNED);
        vm.legacyOperatorProperty().set(true);
        assertThat(vm.phase()).isEqualTo(Phase.SETUP);
        assertThat(vm.rows()).isEmpty();
        vm.start();
        assertThat(vm.phase()).as("nothing runs without a plan").isEqualTo(Phase.SETUP);
    }

    @Test
    void badInputIsShownAsOneLine() {
        MirroringViewModel vm = create();
        vm.modeProperty().set(MirrorMode.MIRROR_TO_MIRROR);
        vm.channelProperty().set("release-v1.7");
        vm.plan();
        assertThat(vm.phase()).isEqualTo(Phase.SETUP);
        assertThat(vm.problemProperty().get()).contains("mirror registry").doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void aRunInterruptedByClosingTheAppIsOfferedAndResumed() {
        MirrorSetup setup = new MirrorSetup(MirrorMode.MIRROR_TO_ARCHIVE, MirroringSession.demoIndexImage(), "release-v1.7", false,
                "", "", "", null, false, tmp.resolve("elsewhere/archive"), tmp.resolve("elsewhere/results"));
        new RunRecord(tmp.resolve("state/run.properties")).save(setup, RunRecord.Status.RUNNING);

        MirroringViewModel vm = create();
        assertThat(vm.interruptedProperty().get()).contains("did not finish");
        assertThat(vm.archiveDirProperty().get()).isEqualTo(tmp.resolve("elsewhere/archive").toString());

        vm.resume();
        assertThat(vm.phase()).as(vm.problemProperty().get()).isEqualTo(Phase.DONE);
        assertThat(vm.interruptedProperty().get()).isEmpty();
        assertThat(tmp.resolve("elsewhere/archive/images.tar")).exists();
    }
}
