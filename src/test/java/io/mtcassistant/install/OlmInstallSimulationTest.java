package io.mtcassistant.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtcassistant.install.plan.ActionKind;
import io.mtcassistant.install.plan.ActionOutcome;
import io.mtcassistant.install.plan.ActionState;
import io.mtcassistant.install.plan.ApplyResult;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.install.plan.ChangePlanApplier;
import io.mtcassistant.install.plan.KubeObjects;
import io.mtcassistant.sim.SimulatedCluster;
import io.mtcassistant.sim.olm.SimulationSpeed;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OLM plan applied to simulated OpenShift 4 clusters (simulated OLM and MTC operator), end to end and with the
 * failures the issue lists: each ends with a plain message and nothing after it reported done.
 */
class OlmInstallSimulationTest {

    @TempDir
    static Path dir;
    static TestMirror mirror;
    static MirrorResults results;

    @BeforeAll
    static void start() {
        mirror = new TestMirror(dir);
        results = MirrorResults.read(mirror.results);
    }

    @AfterAll
    static void stop() {
        mirror.close();
    }

    private static SimulatedCluster cluster(String name) {
        SimulatedCluster cluster = SimulatedCluster.builder().name(name).openShift4("4.14.10").admin(true).start();
        cluster.operators().speed(SimulationSpeed.fast()).trustRegistry(mirror.registry.endpoint(), mirror.registry.caFile());
        return cluster;
    }

    private static ChangePlan plan(String name, String version, String channel, Duration timeout) {
        return plan(name, version, channel, timeout, List.of("master", "worker"));
    }

    private static ChangePlan plan(String name, String version, String channel, Duration timeout, List<String> pools) {
        return OlmInstallPlanner.plan(new OlmInstallRequest(name, 14, InstallRole.CONTROL, version, channel, true,
                pools, timeout), results);
    }

    private static ApplyResult apply(KubernetesClient client, ChangePlan plan) {
        return new ChangePlanApplier(client, Duration.ofMillis(200), Clock.systemUTC()).apply(plan, o -> { });
    }

    @Test
    void installsTheControlClusterEndToEndAndASecondApplyChangesNothing() {
        try (SimulatedCluster cluster = cluster("olm-ok"); KubernetesClient client = cluster.client()) {
            ChangePlan plan = plan("olm-ok", "1.8.8", "release-v1.8", Duration.ofSeconds(120));

            ApplyResult result = apply(client, plan);

            assertThat(result.succeeded()).as(result.failure().map(ActionOutcome::message).orElse("")).isTrue();
            assertThat(result.outcomes()).filteredOn(o -> o.action().target().kind().equals("MachineConfigPool"))
                    .hasSize(2).allSatisfy(o -> assertThat(o.message()).contains("3 of 3 machines updated"));
            GenericKubernetesResource csv = client.genericKubernetesResources("operators.coreos.com/v1alpha1",
                    "ClusterServiceVersion").inNamespace("openshift-migration").withName("mtc-operator.v1.8.8").get();
            assertThat(KubeObjects.valueAt(csv, "status.phase")).contains("Succeeded");
            InstallVerification verification = InstallVerifier.await(client, "1.8.8", InstallRole.CONTROL,
                    Duration.ofSeconds(120));
            assertThat(verification.passed()).as(verification.toString()).isTrue();

            ApplyResult again = apply(client, plan);
            assertThat(again.succeeded()).isTrue();
            assertThat(again.outcomes()).filteredOn(o -> o.action().kind() != ActionKind.WAIT_FOR)
                    .extracting(ActionOutcome::state).containsOnly(ActionState.ALREADY_PRESENT);
        }
    }

    @Test
    void aCsvThatFailsShowsItsReasonAndNothingAfterIsDone() {
        try (SimulatedCluster cluster = cluster("olm-csv-failed"); KubernetesClient client = cluster.client()) {
            cluster.operators().failNextCsv("InstallComponentFailed", "install strategy failed: deployment not ready");

            ApplyResult result = apply(client, plan("olm-csv-failed", "1.8.8", "release-v1.8", Duration.ofSeconds(120)));

            ActionOutcome failed = result.failure().orElseThrow();
            assertThat(failed.action().target().kind()).isEqualTo("ClusterServiceVersion");
            assertThat(failed.message()).contains("status.phase is Failed").contains("install strategy failed");
            assertThat(result.outcomes().subList(failed.index() + 1, result.outcomes().size()))
                    .extracting(ActionOutcome::state).containsOnly(ActionState.WAITING);
        }
    }

    @Test
    void aCatalogThatNeverGetsReadyTimesOutWithItsMessage() {
        try (SimulatedCluster cluster = cluster("olm-catalog"); KubernetesClient client = cluster.client()) {
            cluster.operators().catalogsNeverReady("connection error: dial tcp: i/o timeout");

            ApplyResult result = apply(client, plan("olm-catalog", "1.8.8", "release-v1.8", Duration.ofSeconds(5)));

            ActionOutcome failed = result.failure().orElseThrow();
            assertThat(failed.action().target().kind()).isEqualTo("CatalogSource");
            assertThat(failed.message()).startsWith("timed out after 5 s").contains("TRANSIENT_FAILURE");
        }
    }

    @Test
    void noInstallPlanForAnUnknownChannelSaysWhatToCheck() {
        try (SimulatedCluster cluster = cluster("olm-no-plan"); KubernetesClient client = cluster.client()) {
            ApplyResult result = apply(client, plan("olm-no-plan", "1.8.8", "release-v9.9", Duration.ofSeconds(20), List.of()));

            ActionOutcome failed = result.failure().orElseThrow();
            assertThat(failed.action().kind()).isEqualTo(ActionKind.APPROVE);
            assertThat(failed.message()).startsWith("no InstallPlan for mtc-operator.v1.8.8 appeared in 20 s");
        }
    }

    @Test
    void theClusterGoingAwayMidApplyFailsPlainlyAndASecondApplyResumes() {
        try (SimulatedCluster cluster = cluster("olm-gone"); KubernetesClient client = cluster.client()) {
            ChangePlan plan = plan("olm-gone", "1.8.8", "release-v1.8", Duration.ofSeconds(120));
            ApplyResult first = new ChangePlanApplier(client, Duration.ofMillis(200), Clock.systemUTC()).apply(plan, o -> {
                if (o.state() == ActionState.RUNNING && o.action().kind() == ActionKind.APPROVE) {
                    cluster.suspendApi();
                }
            });
            ActionOutcome failed = first.failure().orElseThrow();
            assertThat(failed.message()).contains("did not answer").contains("apply again");
            assertThat(first.outcomes().subList(0, failed.index())).extracting(ActionOutcome::state)
                    .allMatch(ActionState::succeeded);

            cluster.resumeApi();
            ApplyResult second = apply(client, plan);

            assertThat(second.succeeded()).as(second.failure().map(ActionOutcome::message).orElse("")).isTrue();
            assertThat(second.outcomes().subList(0, failed.index())).extracting(ActionOutcome::state)
                    .doesNotContain(ActionState.FAILED);
        }
    }
}
