package io.mtcassistant.ui.steps.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.cluster.ClusterRole;
import io.mtcassistant.cluster.ClusterSession;
import io.mtcassistant.compat.CompatibilityReport;
import io.mtcassistant.compat.MigrationDecisions;
import io.mtcassistant.compat.MigrationPlan;
import io.mtcassistant.compat.MtcVersion;
import io.mtcassistant.compat.NetworkWorkaround;
import io.mtcassistant.compat.Verdict;
import io.mtcassistant.settings.Settings;
import io.mtcassistant.settings.SettingsKeeper;
import io.mtcassistant.ui.MigrationPlanHolder;
import io.mtcassistant.ui.steps.clusters.ClustersViewModel;
import io.mtcassistant.ui.steps.clusters.ContextRow;
import io.mtcassistant.ui.task.SyncTaskRunner;
import io.mtcassistant.ui.testsupport.FakeConnector;
import io.mtcassistant.ui.testsupport.FakeDialogs;
import io.mtcassistant.ui.testsupport.FakeKubeconfigLoader;
import io.mtcassistant.ui.testsupport.MemorySettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which cluster the Monitor step watches, and the note it shows, without a toolkit or a cluster. */
class ControlClusterMonitorsTest {

    @TempDir
    Path dir;

    private final FakeKubeconfigLoader loader = new FakeKubeconfigLoader();
    private final FakeConnector connector = new FakeConnector().succeeds("ocp3", "3.11.784", true)
            .succeeds("ocp4", "4.12.45", true).succeeds("hub", "4.14.2", true);
    private final MigrationPlanHolder plans = new MigrationPlanHolder();
    private ClustersViewModel clusters;
    private ControlClusterMonitors monitors;

    @BeforeEach
    void setUp() throws Exception {
        Path file = Files.writeString(dir.resolve("kubeconfig"), "fake");
        loader.file(file, "ocp3", "ocp4", "hub");
        SettingsKeeper settings = new SettingsKeeper(new MemorySettingsStore(), Settings.defaults(), Runnable::run,
                e -> { throw new AssertionError(e); });
        FakeDialogs dialogs = new FakeDialogs();
        dialogs.kubeconfigChoices.add(List.of(file));
        clusters = new ClustersViewModel(loader, connector, settings, new SyncTaskRunner(e -> { }), dialogs, e -> { },
                Duration.ofSeconds(5));
        clusters.addFiles();
        monitors = new ControlClusterMonitors(clusters, plans);
    }

    private void assign(String context, ClusterRole role) {
        ContextRow row = clusters.contexts().stream().filter(r -> r.name().equals(context)).findFirst().orElseThrow();
        clusters.assignRole(row, role);
    }

    private void decideControlCluster(String context) {
        MigrationPlan plan = new MigrationPlan(MtcVersion.of("1.8"), context, NetworkWorkaround.NONE, List.of(), List.of());
        plans.publish(new CompatibilityReport("2026-12-02T00:00:00Z", "test", Verdict.READY, "ready", List.of(),
                MigrationDecisions.none(), plan));
    }

    private ClusterSession sessionOf(String context) {
        return connector.sessions.stream().filter(s -> s.context().name().equals(context))
                .reduce((first, later) -> later).orElseThrow();
    }

    @Test
    void nothingIsWatchedUntilTheTargetOrTheControlClusterIsConnected() {
        assign("ocp3", ClusterRole.SOURCE);
        assign("ocp4", ClusterRole.TARGET);
        assertThat(monitors.choose()).isEmpty();
        decideControlCluster("ocp4");
        assertThat(monitors.choose()).as("decided, but not connected").isEmpty();
    }

    @Test
    void withoutADecisionFromStepTwoTheTargetIsWatchedAndTheNoteSaysWhy() {
        assign("ocp3", ClusterRole.SOURCE);
        assign("ocp4", ClusterRole.TARGET);
        clusters.connect();

        ControlClusterMonitors.Choice choice = monitors.choose().orElseThrow();

        assertThat(choice.session()).isSameAs(sessionOf("ocp4"));
        assertThat(choice.note()).isEqualTo("Step 2 (Compatibility) has not decided the control cluster yet: "
                + "watching the target cluster ocp4 instead.");
    }

    @Test
    void theControlClusterStepTwoChoseIsWatchedEvenWhenItIsNeitherSourceNorTarget() {
        assign("ocp3", ClusterRole.SOURCE);
        assign("ocp4", ClusterRole.TARGET);
        assign("hub", ClusterRole.REMOTE);
        clusters.connect();
        decideControlCluster("hub");

        ControlClusterMonitors.Choice choice = monitors.choose().orElseThrow();

        assertThat(choice.session()).isSameAs(sessionOf("hub"));
        assertThat(choice.note()).isEqualTo("Watching hub, the control cluster chosen in step 2.");
    }

    @Test
    void aControlClusterThatIsNotConnectedFallsBackToTheTargetAndSaysSo() {
        assign("ocp3", ClusterRole.SOURCE);
        assign("ocp4", ClusterRole.TARGET);
        clusters.connect();
        decideControlCluster("hub");

        ControlClusterMonitors.Choice choice = monitors.choose().orElseThrow();

        assertThat(choice.session()).isSameAs(sessionOf("ocp4"));
        assertThat(choice.note()).isEqualTo("The control cluster hub chosen in step 2 is not connected: "
                + "watching the target cluster ocp4 instead.");
    }
}
