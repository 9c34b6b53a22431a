package io.mtcassistant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mtcassistant.monitor.MigResources;
import io.mtcassistant.sim.SimulatedCluster;
import io.mtcassistant.sim.SimulatedKubeconfig;
import io.mtcassistant.sim.migration.MigrationFaults;
import io.mtcassistant.sim.migration.SimulatedMigrationController;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `monitor --plan NAME --follow` against a simulated control cluster whose simulated MTC controller runs the
 * migrations quickly: it redraws while the migration runs and exits 0 when it succeeds, 1 when it fails.
 */
class MonitorFollowCommandTest {

    /** Simulated seconds per second: a whole cutover takes a few seconds. */
    private static final double FAST = 30;
    private static final long PATIENCE_SECONDS = 120;
    private static final String CLEAR_SCREEN = "\033[H\033[2J";

    private static SimulatedCluster cluster;
    private static SimulatedMigrationController controller;
    private static KubernetesClient admin;
    @TempDir
    static Path dir;
    private static Path kubeconfig;

    @BeforeAll
    static void start() throws Exception {
        cluster = SimulatedCluster.builder().name("sim-target").start();
        controller = SimulatedMigrationController.on(cluster).timeScale(FAST).start();
        admin = cluster.client();
        kubeconfig = new SimulatedKubeconfig().add("sim-target", cluster).currentContext("sim-target")
                .write(dir.resolve("kubeconfig"));
        create(object("MigCluster", "host", "{\"isHostCluster\": true}"));
        create(object("MigCluster", "sim-source", "{\"isHostCluster\": false}"));
        create(object("MigStorage", "repo", "{\"backupStorageProvider\": \"aws\", \"volumeSnapshotProvider\": \"aws\"}"));
        create(plan("shop"));
        create(plan("billing"));
        controller.plant("billing", MigrationFaults.none().failingAt("InitialBackupCreated",
                "Backup openshift-migration/billing-initial: failed."));
    }

    @AfterAll
    static void stop() {
        if (admin != null) {
            admin.close();
        }
        if (controller != null) {
            controller.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static GenericKubernetesResource plan(String name) {
        return Serialization.unmarshal("""
                {"apiVersion": "migration.openshift.io/v1alpha1", "kind": "MigPlan",
                 "metadata": {"name": "%s", "namespace": "openshift-migration"},
                 "spec": {"namespaces": ["%s"],
                          "srcMigClusterRef": {"name": "sim-source", "namespace": "openshift-migration"},
                          "destMigClusterRef": {"name": "host", "namespace": "openshift-migration"},
                          "migStorageRef": {"name": "repo", "namespace": "openshift-migration"}}}"""
                .formatted(name, name), GenericKubernetesResource.class);
    }

    private static GenericKubernetesResource object(String kind, String name, String spec) {
        return Serialization.unmarshal("""
                {"apiVersion": "migration.openshift.io/v1alpha1", "kind": "%s",
                 "metadata": {"name": "%s", "namespace": "openshift-migration"}, "spec": %s}"""
                .formatted(kind, name, spec), GenericKubernetesResource.class);
    }

    private static GenericKubernetesResource cutover(String name, String plan) {
        return Serialization.unmarshal("""
                {"apiVersion": "migration.openshift.io/v1alpha1", "kind": "MigMigration",
                 "metadata": {"name": "%s", "namespace": "openshift-migration"},
                 "spec": {"migPlanRef": {"name": "%s", "namespace": "openshift-migration"}, "stage": false}}"""
                .formatted(name, plan), GenericKubernetesResource.class);
    }

    private static void create(GenericKubernetesResource object) {
        var kind = MigResources.WATCHED.stream().filter(c -> c.getKind().equals(object.getKind())).findFirst()
                .orElseThrow();
        admin.genericKubernetesResources(kind).inNamespace(MigResources.NAMESPACE).resource(object).create();
    }

    private record Run(int exitCode, String out, String err) {
    }

    /** Runs the command on another thread, so a follow that never ends fails the test instead of hanging it. */
    private static Run follow(String plan) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CompletableFuture.supplyAsync(() -> MtcAssistantCommand.run(new String[] {"monitor", "--context",
                        "sim-target", "--kubeconfig", kubeconfig.toString(), "--plan", plan, "--follow"},
                        new PrintWriter(out, true), new PrintWriter(err, true)))
                .get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void followsARunningCutoverToItsEndRedrawingOnTheWay() throws Exception {
        create(cutover("shop-cutover-1", "shop"));
        Run run = follow("shop");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().split(java.util.regex.Pattern.quote(CLEAR_SCREEN), -1).length - 1)
                .as("redraws").isGreaterThan(1);
        String last = run.out().substring(run.out().lastIndexOf(CLEAR_SCREEN));
        assertThat(last).contains("shop-cutover-1").contains("Succeeded");
    }

    @Test
    void aFollowedCutoverThatFailsExitsOne() throws Exception {
        create(cutover("billing-cutover-1", "billing"));
        Run run = follow("billing");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        String last = run.out().substring(run.out().lastIndexOf(CLEAR_SCREEN));
        assertThat(last).contains("billing-cutover-1").contains("Failed").contains("billing-initial: failed");
    }
}
