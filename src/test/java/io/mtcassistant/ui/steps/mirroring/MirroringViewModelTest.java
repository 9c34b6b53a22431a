package io.mtcassistant.ui.steps.mirroring;

import static org.assertj.core.api.Assertions.assertThat;

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
        viewModel = new MirroringViewModel(new MigrationPlanHolder(), new SyncTaskRunner(), dialogs,
                io.mtcassistant.common.ActivityListener.NONE, true, tmp.resolve("cache"), tmp.resolve("work"),
                tmp.resolve("state/run.properties"), ticker);
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
