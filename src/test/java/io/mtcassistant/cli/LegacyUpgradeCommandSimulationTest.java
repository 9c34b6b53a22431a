package io.mtcassistant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.install.LegacyOperatorFiles;
import io.mtcassistant.install.MirrorAccess;
import io.mtcassistant.install.MirrorResults;
import io.mtcassistant.install.TestMirrorAccess;
import io.mtcassistant.mirror.registry.CredentialStore;
import io.mtcassistant.mirror.registry.ProxySettings;
import io.mtcassistant.mirror.registry.RegistryAccess;
import io.mtcassistant.sim.SimulatedCluster;
import io.mtcassistant.sim.SimulatedKubeconfig;
import io.mtcassistant.sim.olm.SimulationSpeed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code install --upgrade} on simulated OpenShift 3.11 (no OLM): the cluster first runs an older legacy operator
 * (the mirror's operator.yml with OPERATOR_VERSION 1.7.17, given with --operator-yml), then the upgrade to the
 * mirrored 1.7.18 pulls the new image first, merge-patches the operator's Deployment with the new operator.yml, keeps
 * the MigrationController, and verifies 1.7.18.
 */
class LegacyUpgradeCommandSimulationTest {

    @TempDir
    static Path dir;
    static TestMirrorAccess mirror;
    static SimulatedCluster cluster;
    static Path kubeconfig;
    static Path olderOperatorYml;
    static Path controllerYml;

    @BeforeAll
    static void start() throws Exception {
        mirror = TestMirrorAccess.start(dir);
        cluster = SimulatedCluster.builder().name("old-legacy").openShift3("3.11.784").admin(true).start();
        cluster.operators().speed(SimulationSpeed.fast()).trustRegistry(mirror.endpoint(), mirror.caFile());
        kubeconfig = new SimulatedKubeconfig().add("old-legacy", cluster).currentContext("old-legacy")
                .write(dir.resolve("kubeconfig"));
        RegistryAccess access = new RegistryAccess(CredentialStore.empty(), ProxySettings.none(),
                Map.of(mirror.endpoint(), List.of(mirror.caFile())));
        LegacyOperatorFiles files = LegacyOperatorFiles.fromMirror(MirrorResults.read(mirror.results()),
                new MirrorAccess(access, true));
        // the simulated operator reports the version its OPERATOR_VERSION says, as an older image would
        assertThat(files.operatorYml()).contains("        env:\n");
        olderOperatorYml = Files.writeString(dir.resolve("operator-1.7.17.yml"), files.operatorYml().replace("        env:\n",
                "        env:\n        - name: OPERATOR_VERSION\n          value: \"1.7.17\"\n"));
        controllerYml = Files.writeString(dir.resolve("controller.yml"), files.controllerYml());
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
                "old-legacy", "--mirror-results", mirror.results().toString(), "--mtc-version", version, "--timeout", "60",
                "--registry-ca", mirror.endpoint() + "=" + mirror.caFile()));
        args.addAll(List.of(mode));
        return InstallCommandSimulationTest.run(args.toArray(String[]::new));
    }

    @Test
    void upgradeAppliesTheNewOperatorYmlOverTheOldAndVerifiesTheNewVersion() {
        InstallCommandSimulationTest.Run older = install("1.7.17", "--operator-yml", olderOperatorYml.toString(),
                "--controller-yml", controllerYml.toString(), "--apply");
        assertThat(older.exit()).as(older.out() + older.err()).isZero();
        assertThat(older.out()).contains("OPERATOR_VERSION is 1.7.17");

        InstallCommandSimulationTest.Run refused = install("1.7.18", "--plan");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("already runs MTC 1.7.17, not 1.7.18").contains("install --upgrade")
                .doesNotContain("OLM");

        InstallCommandSimulationTest.Run plan = install("1.7.18", "--upgrade", "--plan");
        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("Upgrade MTC 1.7.17 to 1.7.18 (legacy operator, remote cluster)")
                .contains("merge-patch Deployment openshift-migration/migration-operator")
                .contains("-          value: 1.7.17").contains("MigrationController is kept")
                .doesNotContain("create-if-absent MigrationController").doesNotContain("OLM");
        assertThat(plan.out().indexOf("Pod openshift-migration/mtc-assistant-pull-check"))
                .as("the new image is pulled before the operator is touched")
                .isLessThan(plan.out().indexOf("merge-patch Deployment"));

        InstallCommandSimulationTest.Run apply = install("1.7.18", "--upgrade", "--apply");
        assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
        assertThat(apply.out()).contains("old-legacy: applied").contains("OPERATOR_VERSION is 1.7.18: found 1.7.18")
                .doesNotContain("FAIL");

        InstallCommandSimulationTest.Run again = install("1.7.18", "--plan");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("Reuse MTC 1.7.18");
    }
}
