package io.mtcassistant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.mtcassistant.install.plan.KubeObjects;
import io.mtcassistant.sim.SimulatedCluster;
import io.mtcassistant.sim.SimulatedKubeconfig;
import io.mtcassistant.sim.olm.SimulationSpeed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code install --upgrade} on a simulated OpenShift 4 cluster that runs MTC 1.7.18: refused without --upgrade, then
 * the plan (Subscription channel release-v1.7 -> release-v1.8, only 1.8.8's InstallPlan approved), its export, and
 * the apply (resuming past a Subscription already patched), which ends with the 1.8.8 CSV Succeeded, the old CSV gone and the verification passing.
 */
class InstallUpgradeCommandSimulationTest {

    @TempDir
    static Path dir;
    static io.mtcassistant.install.TestMirrorAccess mirror;
    static SimulatedCluster cluster;
    static Path kubeconfig;

    @BeforeAll
    static void start() throws Exception {
        mirror = io.mtcassistant.install.TestMirrorAccess.start(dir);
        cluster = SimulatedCluster.builder().name("upgrading").openShift4("4.14.10").admin(true).start();
        cluster.operators().speed(SimulationSpeed.fast()).trustRegistry(mirror.endpoint(), mirror.caFile());
        kubeconfig = new SimulatedKubeconfig().add("upgrading", cluster).currentContext("upgrading")
                .write(dir.resolve("upgrade.kubeconfig"));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {cluster, mirror}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // closing test servers
            }
        }
    }

    private static InstallCommandSimulationTest.Run install(String version, String... mode) {
        List<String> args = new ArrayList<>(List.of("install", "--kubeconfig", kubeconfig.toString(), "--context",
                "upgrading", "--mirror-results", mirror.results().toString(), "--mtc-version", version, "--timeout", "120",
                "--registry-ca", mirror.endpoint() + "=" + mirror.caFile()));
        args.addAll(List.of(mode));
        return InstallCommandSimulationTest.run(args.toArray(String[]::new));
    }

    @Test
    void upgradeMovesTheSubscriptionToTheNewChannelApprovesOnlyTheTargetAndVerifies() throws Exception {
        InstallCommandSimulationTest.Run first = install("1.7.18", "--apply");
        assertThat(first.exit()).as(first.out() + first.err()).isZero();

        InstallCommandSimulationTest.Run refused = install("1.8.8", "--plan");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("already runs MTC 1.7.18, not 1.8.8").contains("install --upgrade")
                .contains("uninstall");
        InstallCommandSimulationTest.Run downgrade = install("1.7.17", "--upgrade", "--plan");
        assertThat(downgrade.exit()).isEqualTo(1);
        assertThat(downgrade.err()).contains("already runs MTC 1.7.18, not 1.7.17").contains("not downgraded");

        InstallCommandSimulationTest.Run plan = install("1.8.8", "--upgrade", "--plan");
        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("Upgrade MTC 1.7.18 to 1.8.8 (OLM, release-v1.8)")
                .contains("merge-patch Subscription openshift-migration/mtc-operator")
                .contains("channel release-v1.7 -> release-v1.8")
                .contains("approve InstallPlan openshift-migration/(the one for mtc-operator.v1.8.8)")
                .contains("wait-for ClusterServiceVersion openshift-migration/mtc-operator.v1.8.8")
                .doesNotContain("create-if-absent Subscription").doesNotContain("MigrationController openshift-migration");

        Path export = dir.resolve("upgrade-export");
        InstallCommandSimulationTest.Run exported = install("1.8.8", "--upgrade", "--export", export.toString());
        assertThat(exported.exit()).as(exported.err()).isZero();
        assertThat(Files.readString(export.resolve("apply.sh"))).contains("approve openshift-migration 'mtc-operator.v1.8.8'");

        // as if an earlier apply had stopped after the Subscription's patch: the apply re-checks and moves past it
        try (KubernetesClient client = cluster.client()) {
            client.genericKubernetesResources("operators.coreos.com/v1alpha1", "Subscription").inNamespace("openshift-migration")
                    .withName("mtc-operator").patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"channel\":"
                            + "\"release-v1.8\",\"startingCSV\":\"mtc-operator.v1.8.8\"}}");
        }
        InstallCommandSimulationTest.Run apply = install("1.8.8", "--upgrade", "--apply");
        assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
        assertThat(apply.out()).containsPattern("already present +merge-patch Subscription openshift-migration/mtc-operator")
                .contains("upgrading: applied").contains("approved InstallPlan")
                .contains("MTC web console: https://").doesNotContain("FAIL");
        try (KubernetesClient client = cluster.client()) {
            var csvs = client.genericKubernetesResources("operators.coreos.com/v1alpha1", "ClusterServiceVersion")
                    .inNamespace("openshift-migration");
            GenericKubernetesResource csv = csvs.withName("mtc-operator.v1.8.8").get();
            assertThat(KubeObjects.valueAt(csv, "status.phase")).contains("Succeeded");
            assertThat(KubeObjects.valueAt(csv, "spec.replaces")).contains("mtc-operator.v1.7.18");
            assertThat(csvs.withName("mtc-operator.v1.7.18").get()).as("OLM removed the replaced CSV").isNull();
        }

        InstallCommandSimulationTest.Run again = install("1.8.8", "--upgrade", "--plan");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("Reuse MTC 1.8.8");
    }
}
