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
        assertThat(vm.progressTextProperty().get()).startsWith(vm.rows().size() + " images: " + vm.rows().size() + " copied");
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

    // ---- issue 16: what the page says is true ------------------------------------------------------------------------

    @Test
    void oneCountOfImagesAndBytesOnScreenAndInSummaryJson() throws Exception {
        MirroringViewModel vm = create();
        vm.channelProperty().set("release-v1.7");
        vm.plan();
        vm.start();
        assertThat(vm.phase()).as(vm.problemProperty().get()).isEqualTo(Phase.DONE);
        com.fasterxml.jackson.databind.JsonNode summary = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(tmp.resolve("work/results/summary.json").toFile());
        int images = summary.path("totals").path("images").asInt();
        long moved = summary.path("totals").path("bytesTransferred").asLong();
        assertThat(images).as("summary.json counts every row, the catalog too").isEqualTo(vm.rows().size());
        assertThat(vm.progressTextProperty().get()).startsWith(images + " images: ")
                .contains(Sizes.bytes(moved) + " moved of " + Sizes.bytes(vm.planned().orElseThrow().totalBytes()) + " planned");
        if (moved < vm.planned().orElseThrow().totalBytes()) {
            assertThat(vm.progressTextProperty().get()).as("says what happened to the rest").contains("shared between images");
        }
    }

    @Test
    void aNewPlanAfterAFinishedRunStartsFromNothing() {
        MirroringViewModel vm = create();
        vm.channelProperty().set("release-v1.7");
        vm.plan();
        vm.start();
        assertThat(vm.phase()).isEqualTo(Phase.DONE);
        assertThat(vm.results()).isNotEmpty();

        vm.plan();
        assertThat(vm.phase()).isEqualTo(Phase.PLANNED);
        assertThat(vm.fractionProperty().get()).isZero();
        assertThat(vm.progressTextProperty().get()).isEmpty();
        assertThat(vm.results()).as("the old results panel goes").isEmpty();
        assertThat(vm.facts()).isNull();
        assertThat(vm.rows()).allMatch(r -> r.state() == ImageRow.State.WAITING);

        vm.modeProperty().set(MirrorMode.MIRROR_TO_MIRROR);
        assertThat(vm.rows()).as("another mode: plan again").isEmpty();
        assertThat(vm.progressTextProperty().get()).isEmpty();
    }

    @Test
    void theRegistryFieldIsCheckedAsTypedAndTheMessageGoesWhenItNoLongerApplies() {
        MirroringViewModel vm = create();
        vm.channelProperty().set("release-v1.7");
        vm.modeProperty().set(MirrorMode.MIRROR_TO_MIRROR);
        vm.registryProperty().set("bad host!!:99999/mtc");
        assertThat(vm.registryProblemProperty().get()).contains("bad host!!").contains("not a host name");
        assertThat(vm.canPlan()).isFalse();
        vm.plan();
        assertThat(vm.phase()).as("a typing mistake does not plan").isEqualTo(Phase.SETUP);
        assertThat(vm.problemProperty().get()).isEmpty();

        vm.registryProperty().set("mirror.example.com:99999/mtc");
        assertThat(vm.registryProblemProperty().get()).contains("99999").contains("1 to 65535");
        vm.modeProperty().set(MirrorMode.MIRROR_TO_ARCHIVE);
        assertThat(vm.registryProblemProperty().get()).as("archive mode needs no registry").isEmpty();
        vm.modeProperty().set(MirrorMode.MIRROR_TO_MIRROR);
        vm.registryProperty().set("mirror.example.com:8443/mtc");
        assertThat(vm.registryProblemProperty().get()).isEmpty();
        assertThat(vm.canPlan()).isTrue();
    }

    @Test
    void aRegistryThatDoesNotResolveIsNamedDuringPlanAndNothingRuns() {
        MirroringViewModel vm = create();
        vm.channelProperty().set("release-v1.7");
        vm.modeProperty().set(MirrorMode.MIRROR_TO_MIRROR);
        vm.registryProperty().set("mirror.invalid:5000/mtc");
        vm.plan();
        assertThat(vm.phase()).isEqualTo(Phase.SETUP);
        assertThat(vm.problemProperty().get()).contains("did not answer").contains("host not found")
                .doesNotContain("refused");
        vm.start();
        assertThat(vm.phase()).as("nothing to run without a registry").isEqualTo(Phase.SETUP);
        vm.modeProperty().set(MirrorMode.MIRROR_TO_ARCHIVE);
        assertThat(vm.problemProperty().get()).as("switching to archive mode clears it").isEmpty();
    }

    @Test
    void aRunWhereEveryImageFailsForOneReasonSaysItOnceAndNeverLooksComplete() throws Exception {
        com.sun.net.httpserver.HttpServer registry = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        registry.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        registry.start();
        MirroringViewModel vm = create();
        vm.channelProperty().set("release-v1.7");
        vm.modeProperty().set(MirrorMode.MIRROR_TO_MIRROR);
        vm.insecureProperty().set(true);
        vm.registryProperty().set("127.0.0.1:" + registry.getAddress().getPort() + "/mtc");
        vm.plan();
        assertThat(vm.phase()).as(vm.problemProperty().get()).isEqualTo(Phase.PLANNED);
        // The registry goes away between plan and run.
        registry.stop(0);

        vm.start();
        assertThat(vm.phase()).isEqualTo(Phase.FAILED);
        assertThat(vm.fractionProperty().get()).as("a failure never looks like completion").isLessThan(1.0);
        assertThat(vm.commonCauseProperty().get()).contains("connection refused");
        assertThat(vm.problemProperty().get()).startsWith("Every image failed for the same reason: ")
                .contains("connection refused").contains("Resume");
        assertThat(vm.progressTextProperty().get()).contains("0 copied").contains(vm.rows().size() + " failed");
        assertThat(vm.stepStateProperty().get()).isEqualTo(StepState.NEEDS_ATTENTION);
    }

    @Test
    void theOperatorIndexFollowsTheTargetClustersVersion() {
        viewModel = new MirroringViewModel(plans, new SyncTaskRunner(), dialogs, io.mtcassistant.common.ActivityListener.NONE,
                false, tmp.resolve("cache"), tmp.resolve("work"), tmp.resolve("state/run.properties"), Runnable::run,
                new ProgressTicker() {
                    @Override
                    public void start(Runnable tick) {
                    }

                    @Override
                    public void stop() {
                    }
                });
        plans.publish(report("1.7", "release-v1.7"));
        viewModel.arrive();
        assertThat(viewModel.indexImageProperty().get()).isEqualTo("registry.redhat.io/redhat/redhat-operator-index:v4.12");
    }

    @Test
    void theDemoIndexIsTheOneOfTheDemoTarget() {
        assertThat(create().indexImageProperty().get()).endsWith(":v4.12");
    }
}
