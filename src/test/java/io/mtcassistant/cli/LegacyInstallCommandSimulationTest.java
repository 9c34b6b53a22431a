package io.mtcassistant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtcassistant.install.LegacyInstallPlanner;
import io.mtcassistant.install.TestMirrorAccess;
import io.mtcassistant.sim.SimulatedCluster;
import io.mtcassistant.sim.SimulatedKubeconfig;
import io.mtcassistant.sim.olm.SimulationSpeed;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code install} on simulated OpenShift 3.11 without hand-supplied files: operator.yml and controller.yml come out of
 * the mirrored legacy operator image. Also what goes wrong plainly: nodes that cannot pull from the mirror (the pull
 * check's pod in ImagePullBackOff with the kubelet's message, nothing after it reported done) and a user who is not
 * cluster-admin (forbidden).
 */
class LegacyInstallCommandSimulationTest {

    @TempDir
    static Path dir;
    static TestMirrorAccess mirror;
    static SimulatedCluster legacy;
    static SimulatedCluster untrusting;
    static SimulatedCluster nonAdmin;
    static Path kubeconfig;

    @BeforeAll
    static void start() throws Exception {
        mirror = TestMirrorAccess.start(dir);
        legacy = SimulatedCluster.builder().name("legacy").openShift3("3.11.784").admin(true).start();
        legacy.operators().speed(SimulationSpeed.fast()).trustRegistry(mirror.endpoint(), mirror.caFile());
        // its nodes were never given the mirror's CA: every pull from the mirror fails
        untrusting = SimulatedCluster.builder().name("untrusting").openShift3("3.11.784").admin(true).start();
        untrusting.operators().speed(SimulationSpeed.fast());
        nonAdmin = SimulatedCluster.builder().name("not-admin").openShift4("4.12.45").admin(false).start();
        nonAdmin.operators().speed(SimulationSpeed.fast()).trustRegistry(mirror.endpoint(), mirror.caFile());
        kubeconfig = new SimulatedKubeconfig().add("legacy", legacy).add("untrusting", untrusting).add("not-admin", nonAdmin)
                .currentContext("legacy").write(dir.resolve("kubeconfig"));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {legacy, untrusting, nonAdmin, mirror}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // closing test servers
            }
        }
    }

    static InstallCommandSimulationTest.Run install(String context, String version, String... mode) {
        List<String> args = new ArrayList<>(List.of("install", "--kubeconfig", kubeconfig.toString(), "--context", context,
                "--mirror-results", mirror.results().toString(), "--mtc-version", version, "--timeout", "60",
                "--registry-ca", mirror.endpoint() + "=" + mirror.caFile()));
        args.addAll(List.of(mode));
        return InstallCommandSimulationTest.run(args.toArray(String[]::new));
    }

    @Test
    void legacyInstallReadsItsFilesFromTheMirroredImageAndVerifies() {
        InstallCommandSimulationTest.Run plan = install("legacy", "1.7.18", "--plan");
        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("legacy operator").contains("each node").contains(LegacyInstallPlanner.PULL_CHECK_POD)
                .contains(mirror.endpoint() + "/rhmtc/openshift-migration-legacy-rhel8-operator");

        InstallCommandSimulationTest.Run apply = install("legacy", "1.7.18", "--apply");
        assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
        assertThat(apply.out()).contains("legacy: applied").contains("ok   velero").doesNotContain("FAIL");
        try (KubernetesClient client = legacy.client()) {
            assertThat(client.pods().inNamespace("openshift-migration").withName(LegacyInstallPlanner.PULL_CHECK_POD).get())
                    .as("the pull check's pod is deleted afterwards").isNull();
        }

        InstallCommandSimulationTest.Run same = install("legacy", "1.7.18", "--plan");
        assertThat(same.exit()).as(same.err()).isZero();
        assertThat(same.out()).contains("Reuse MTC 1.7.18").contains("nothing is reapplied")
                .doesNotContain("create Deployment");
        InstallCommandSimulationTest.Run again = install("legacy", "1.7.18", "--apply");
        assertThat(again.exit()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).doesNotContain("created").contains("ok   velero");

        InstallCommandSimulationTest.Run other = install("legacy", "1.7.17", "--plan");
        assertThat(other.exit()).isEqualTo(1);
        assertThat(other.err()).contains("already runs MTC 1.7.18, not 1.7.17").contains("uninstall");
        // no downgrade with --upgrade either, said without OLM's words on a cluster without OLM
        InstallCommandSimulationTest.Run downgrade = install("legacy", "1.7.17", "--upgrade", "--plan");
        assertThat(downgrade.exit()).isEqualTo(1);
        assertThat(downgrade.err()).contains("already runs MTC 1.7.18, not 1.7.17").contains("not downgraded")
                .contains("uninstall").doesNotContain("OLM").doesNotContain("channel");
    }

    @Test
    void nodesThatCannotPullFromTheMirrorStopAtThePullCheckWithTheKubeletMessage() {
        InstallCommandSimulationTest.Run apply = install("untrusting", "1.7.18", "--apply");

        assertThat(apply.exit()).isEqualTo(1);
        assertThat(apply.out()).containsPattern("failed +wait-for Pod openshift-migration/" + LegacyInstallPlanner.PULL_CHECK_POD)
                .contains("ImagePullBackOff").contains("Back-off pulling image \"" + mirror.endpoint())
                .contains("resumes where it stopped").contains("untrusting: FAILED");
        // nothing after the pull check is reported done: no MigrationController line at all
        assertThat(apply.out()).doesNotContain("MigrationController openshift-migration");
    }

    @Test
    void anImageMissingFromTheMirrorBlocksTheInstallWithTheListBeforeAnythingIsApplied() throws Exception {
        Path results = dir.resolve("results-missing-velero");
        java.nio.file.Files.createDirectories(results);
        try (var files = java.nio.file.Files.list(mirror.results())) {
            for (Path file : files.toList()) {
                String text = java.nio.file.Files.readString(file);
                if (file.getFileName().toString().equals("mapping.txt")) {
                    // velero's line points at a repository the mirror does not have
                    text = text.replace(mirror.endpoint() + "/rhmtc/openshift-migration-velero-rhel8:",
                            mirror.endpoint() + "/rhmtc/never-mirrored-velero:");
                }
                java.nio.file.Files.writeString(results.resolve(file.getFileName()), text);
            }
        }
        List<String> args = new ArrayList<>(List.of("install", "--kubeconfig", kubeconfig.toString(), "--context",
                "untrusting", "--mirror-results", results.toString(), "--mtc-version", "1.7.18", "--registry-ca",
                mirror.endpoint() + "=" + mirror.caFile(), "--apply"));
        InstallCommandSimulationTest.Run run = InstallCommandSimulationTest.run(args.toArray(String[]::new));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("not in the mirror").contains("mirror again")
                .contains(mirror.endpoint() + "/rhmtc/never-mirrored-velero");
        assertThat(run.out()).as("nothing applied, nothing reported done").doesNotContain("done").doesNotContain("created");
    }

    @Test
    void aUserWhoIsNotClusterAdminIsToldPlainly() {
        InstallCommandSimulationTest.Run apply = install("not-admin", "1.8.8", "--apply");

        assertThat(apply.exit()).as(apply.out() + apply.err()).isEqualTo(1);
        assertThat(apply.out()).contains("forbidden (403)").contains("cluster-admin").doesNotContain("not-admin: applied");
        assertThat(apply.out() + apply.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
