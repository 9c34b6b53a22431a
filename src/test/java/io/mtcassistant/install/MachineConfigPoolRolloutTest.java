package io.mtcassistant.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtcassistant.install.plan.ActionKind;
import io.mtcassistant.install.plan.ActionOutcome;
import io.mtcassistant.install.plan.ActionState;
import io.mtcassistant.install.plan.ApplyResult;
import io.mtcassistant.install.plan.ChangeAction;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.install.plan.ChangePlanApplier;
import io.mtcassistant.install.plan.ChangePlanExporter;
import io.mtcassistant.install.testsupport.ExportedScripts;
import io.mtcassistant.install.plan.KubeObjects;
import io.mtcassistant.install.plan.RolloutBaselines;
import io.mtcassistant.mirror.catalog.demo.DemoCatalog;
import io.mtcassistant.sim.SimulatedCluster;
import io.mtcassistant.sim.SimulatedKubeconfig;
import io.mtcassistant.sim.olm.SimulationSpeed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wait for the MachineConfigPools after the mirror policy: the simulated machine-config operator takes a while to
 * render the new config, during which the pools still show their old Updated=True. The wait must not pass on that,
 * neither in the app's apply nor in the exported apply.sh; and where nothing changed (a second apply) it must not
 * wait for a rollout that will never come.
 */
class MachineConfigPoolRolloutTest {

    private static final List<String> POOLS = List.of("master", "worker");

    @TempDir
    static Path dir;
    static MirrorResults results;
    static SimulatedCluster cluster;

    @BeforeAll
    static void start() {
        DemoCatalog.Contents contents = DemoCatalog.write(dir.resolve("demo-layout"), DemoCatalog.DEFAULT_HOST);
        results = MirrorResults.read(TestMirror.writeResults(dir.resolve("results"), "mirror.example:5000", contents));
        cluster = slowCluster("mcp-rollout", Duration.ofMillis(150));
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    /** {@code step} per rollout step: the render alone outlasts several polls of the wait. */
    private static SimulatedCluster slowCluster(String name, Duration step) {
        SimulatedCluster started = SimulatedCluster.builder().name(name).openShift4("4.14.10").admin(true).start();
        started.operators().speed(new SimulationSpeed(step, Duration.ofSeconds(1)));
        return started;
    }

    /** The install plan up to and with the pool waits: the mirror policies and the rollouts they start. */
    private static ChangePlan policyPlan(String name, Duration timeout) {
        ChangePlan full = OlmInstallPlanner.plan(new OlmInstallRequest(name, 14, InstallRole.CONTROL, "1.8.8",
                "release-v1.8", false, POOLS, timeout), results);
        int lastPoolWait = 0;
        for (int i = 0; i < full.actions().size(); i++) {
            if (full.actions().get(i).target().kind().equals("MachineConfigPool")) {
                lastPoolWait = i;
            }
        }
        return new ChangePlan(name, full.title(), full.actions().subList(0, lastPoolWait + 1), List.of());
    }

    private static Path kubeconfig(SimulatedCluster cluster, String context) throws java.io.IOException {
        return new SimulatedKubeconfig().add(context, cluster).currentContext(context)
                .write(dir.resolve(context + ".kubeconfig"));
    }

    private static Path exportPolicyPlan(String cluster, Path folder) {
        ChangePlanExporter.export(policyPlan(cluster, Duration.ofSeconds(120)), folder);
        return folder;
    }

    private static String renderedConfig(KubernetesClient client, String pool) {
        GenericKubernetesResource live = client.genericKubernetesResources("machineconfiguration.openshift.io/v1",
                "MachineConfigPool").withName(pool).get();
        return KubeObjects.valueAt(live, "status.configuration.name").orElse("");
    }

    private static ApplyResult apply(KubernetesClient client, ChangePlan plan,
            java.util.function.Consumer<ActionOutcome> listener) {
        return new ChangePlanApplier(client, Duration.ofMillis(100), Clock.systemUTC()).apply(plan, listener::accept);
    }

    @Test
    void theWaitPassesOnlyAfterThePoolsRolledOutAndASecondApplyDoesNotWaitForARollout() {
        try (KubernetesClient client = cluster.client()) {
            ChangePlan plan = policyPlan("mcp-rollout", Duration.ofSeconds(120));
            assertThat(plan.actions()).filteredOn(a -> a.kind() == ActionKind.WAIT_FOR)
                    .extracting(a -> a.condition().baselinePath()).containsOnly("status.configuration.name");
            Map<String, String> configWhenDone = new ConcurrentHashMap<>();

            ApplyResult result = apply(client, plan, o -> {
                if (o.state() == ActionState.DONE && o.action().target().kind().equals("MachineConfigPool")) {
                    configWhenDone.put(o.action().target().name(), renderedConfig(client, o.action().target().name()));
                }
            });

            assertThat(result.succeeded()).as(result.failure().map(ActionOutcome::message).orElse("")).isTrue();
            for (String pool : POOLS) {
                assertThat(configWhenDone.get(pool)).as(pool).isNotEqualTo("rendered-" + pool + "-0")
                        .startsWith("rendered-" + pool + "-");
            }
            assertThat(result.outcomes()).filteredOn(o -> o.action().target().kind().equals("MachineConfigPool"))
                    .allSatisfy(o -> assertThat(o.message()).contains("3 of 3 machines updated")
                            .contains("rendered-" + o.action().target().name() + "-0 -> "));

            ApplyResult again = apply(client, plan, o -> { });
            assertThat(again.succeeded()).as(again.failure().map(ActionOutcome::message).orElse("")).isTrue();
            assertThat(again.outcomes()).filteredOn(o -> o.action().kind() != ActionKind.WAIT_FOR)
                    .extracting(ActionOutcome::state).containsOnly(ActionState.ALREADY_PRESENT);
        }
    }

    @Test
    void anApplyStoppedDuringTheRolloutWaitResumesWaitingForThatRollout() {
        RolloutBaselines kept = new RolloutBaselines(dir.resolve("kept-baselines"));
        try (SimulatedCluster resumed = slowCluster("mcp-resume", Duration.ofMillis(150));
                KubernetesClient client = resumed.client()) {
            ChangePlan plan = policyPlan("mcp-resume", Duration.ofSeconds(120));
            // the app closes as the first pool wait begins, right after the mirror policy was created
            assertThatThrownBy(() -> new ChangePlanApplier(client, Duration.ofMillis(100), Clock.systemUTC(), kept)
                    .apply(plan, o -> {
                        if (o.state() == ActionState.RUNNING && o.action().kind() == ActionKind.WAIT_FOR) {
                            throw new IllegalStateException("the app was closed");
                        }
                    })).hasMessage("the app was closed");
            assertThat(kept.load(String.valueOf(client.getMasterUrl()), plan)).containsValues("rendered-master-0", "rendered-worker-0");

            Map<String, String> configWhenDone = new ConcurrentHashMap<>();
            ApplyResult result = new ChangePlanApplier(client, Duration.ofMillis(100), Clock.systemUTC(), kept)
                    .apply(plan, o -> {
                        if (o.state() == ActionState.DONE && o.action().target().kind().equals("MachineConfigPool")) {
                            configWhenDone.put(o.action().target().name(), renderedConfig(client, o.action().target().name()));
                        }
                    });

            assertThat(result.succeeded()).as(result.failure().map(ActionOutcome::message).orElse("")).isTrue();
            assertThat(result.outcomes()).filteredOn(o -> o.action().kind() != ActionKind.WAIT_FOR)
                    .extracting(ActionOutcome::state).containsOnly(ActionState.ALREADY_PRESENT);
            for (String pool : POOLS) {
                assertThat(configWhenDone.get(pool)).as(pool).isNotEqualTo("rendered-" + pool + "-0");
            }
            assertThat(kept.load(String.valueOf(client.getMasterUrl()), plan)).isEmpty();
        }
    }

    @Test
    void anExportedScriptStoppedDuringTheRolloutWaitWaitsForItWhenRunAgain() throws Exception {
        Assumptions.assumeTrue(ExportedScripts.kubectlInstalled(), "/usr/bin/kubectl is not installed (Debian kubernetes-client)");
        try (SimulatedCluster scripted = slowCluster("mcp-rerun", Duration.ofSeconds(1)); KubernetesClient client = scripted.client()) {
            Path kubeconfig = kubeconfig(scripted, "mcp-rerun");
            Path export = exportPolicyPlan("mcp-rerun", dir.resolve("export-rerun"));

            // stopped (like Ctrl-C) once the policy is created and the first pool wait begins
            Process first = ExportedScripts.start(export, kubeconfig);
            StringBuilder seen = new StringBuilder();
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(first.getInputStream()))) {
                for (String line = lines.readLine(); line != null && !line.startsWith("== 02 "); line = lines.readLine()) {
                    seen.append(line).append('\n');
                }
                first.destroyForcibly();
                assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(Files.readString(export.resolve("rollout-baselines.env"))).as(seen.toString())
                    .contains("rendered-master-0").contains("rendered-worker-0");

            Process again = ExportedScripts.start(export, kubeconfig);
            String output = new String(again.getInputStream().readAllBytes());
            assertThat(again.waitFor(300, TimeUnit.SECONDS)).isTrue();
            assertThat(again.exitValue()).as(output).isZero();
            assertThat(output).contains("a stopped run changed the cluster");
            for (String pool : POOLS) {
                assertThat(renderedConfig(client, pool)).as(pool + "\n" + output).isNotEqualTo("rendered-" + pool + "-0");
            }
            assertThat(export.resolve("rollout-baselines.env")).doesNotExist();
        }
    }

    @Test
    void aRolloutThatNeverStartsTimesOutSayingSo() {
        try (KubernetesClient client = cluster.client()) {
            String before = renderedConfig(client, "worker");
            ChangeAction poolWait = policyPlan("mcp-rollout", Duration.ofSeconds(2)).actions().stream()
                    .filter(a -> a.target().kind().equals("MachineConfigPool") && a.target().name().equals("worker"))
                    .findFirst().orElseThrow();
            // a change that the machine-config operator does not roll out
            GenericKubernetesResource unrelated = KubeObjects.generic(new ConfigMapBuilder().withNewMetadata()
                    .withName("unrelated").withNamespace("default").endMetadata().addToData("a", "b").build());
            ChangePlan plan = ChangePlan.builder("mcp-rollout", "a change without a rollout")
                    .add(ChangeAction.create(unrelated, "changes something")).add(poolWait).build();

            ApplyResult result = apply(client, plan, o -> { });

            ActionOutcome failed = result.failure().orElseThrow();
            assertThat(failed.index()).isEqualTo(1);
            assertThat(failed.message()).startsWith("timed out after 2 s waiting for the rollout on")
                    .contains("status.configuration.name is still " + before)
                    .contains("is the True from before the change");
        }
    }

    @Test
    void theExportedScriptWaitsForTheRolloutToo() throws Exception {
        Assumptions.assumeTrue(ExportedScripts.kubectlInstalled(), "/usr/bin/kubectl is not installed (Debian kubernetes-client)");
        // a whole second per step: the render then outlasts the few kubectl calls of a script that would not wait
        try (SimulatedCluster scripted = slowCluster("mcp-script", Duration.ofSeconds(1)); KubernetesClient client = scripted.client()) {
            Path kubeconfig = kubeconfig(scripted, "mcp-script");
            Path export = exportPolicyPlan("mcp-script", dir.resolve("export"));
            assertThat(Files.readString(export.resolve(ChangePlanExporter.SCRIPT)))
                    .contains("baseline_02=$(value machineconfigpools.machineconfiguration.openshift.io/master -"
                            + " '{.status.configuration.name}')");

            Process process = ExportedScripts.start(export, kubeconfig);
            String output = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();

            for (String pool : POOLS) {
                assertThat(renderedConfig(client, pool)).as(pool + "\n" + output).isNotEqualTo("rendered-" + pool + "-0");
                GenericKubernetesResource live = client.genericKubernetesResources("machineconfiguration.openshift.io/v1",
                        "MachineConfigPool").withName(pool).get();
                assertThat(KubeObjects.valueAt(live, "status.conditions[type=Updated].status")).contains("True");
            }
        }
    }
}
