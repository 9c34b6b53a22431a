package io.mtcassistant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtcassistant.install.plan.KubeObjects;
import io.mtcassistant.install.plan.ObjectRef;
import io.mtcassistant.sim.SimulatedCluster;
import io.mtcassistant.sim.SimulatedKubeconfig;
import io.mtcassistant.sim.olm.SimulationSpeed;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code install} and {@code uninstall} against simulated OpenShift 4 clusters (simulated OLM and MTC operator): the
 * exported apply.sh, run with Debian's kubectl on one cluster, yields the same objects as {@code install --apply} on
 * the other; uninstall lists, refuses a wrong confirmation, then deletes.
 */
class InstallCommandSimulationTest {

    private static final Path KUBECTL = Path.of("/usr/bin/kubectl");

    @TempDir
    static Path dir;
    static io.mtcassistant.install.TestMirrorAccess mirror;
    static SimulatedCluster scripted;
    static SimulatedCluster applied;
    static Path scriptedKubeconfig;
    static Path appliedKubeconfig;

    @BeforeAll
    static void start() throws Exception {
        mirror = io.mtcassistant.install.TestMirrorAccess.start(dir);
        scripted = cluster("by-script");
        applied = cluster("by-install");
        scriptedKubeconfig = new SimulatedKubeconfig().add("by-script", scripted).currentContext("by-script")
                .write(dir.resolve("script.kubeconfig"));
        appliedKubeconfig = new SimulatedKubeconfig().add("by-install", applied).currentContext("by-install")
                .write(dir.resolve("install.kubeconfig"));
    }

    private static SimulatedCluster cluster(String name) {
        SimulatedCluster cluster = SimulatedCluster.builder().name(name).openShift4("4.14.10").admin(true).start();
        cluster.operators().speed(SimulationSpeed.fast()).trustRegistry(mirror.endpoint(), mirror.caFile());
        return cluster;
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {scripted, applied, mirror}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // closing test servers
            }
        }
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MtcAssistantCommand.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    private static String[] install(Path kubeconfig, String context, String... mode) {
        List<String> args = new ArrayList<>(List.of("install", "--kubeconfig", kubeconfig.toString(), "--context", context,
                "--mirror-results", mirror.results().toString(), "--mtc-version", "1.8.8", "--timeout", "120",
                "--registry-ca", mirror.endpoint() + "=" + mirror.caFile()));
        args.addAll(List.of(mode));
        return args.toArray(String[]::new);
    }

    @Test
    void exportedScriptWithKubectlYieldsTheSameObjectsAsInstallThenUninstallRemovesThem() throws Exception {
        Run plan = run(install(appliedKubeconfig, "by-install", "--plan"));
        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("create-if-absent Subscription openshift-migration/mtc-operator")
                .contains("startingCSV: mtc-operator.v1.8.8").contains("approve InstallPlan");

        Path export = dir.resolve("export");
        Run exported = run(install(scriptedKubeconfig, "by-script", "--export", export.toString()));
        assertThat(exported.exit()).as(exported.err()).isZero();
        assertThat(export.resolve("apply.sh")).exists();

        Run apply = run(install(appliedKubeconfig, "by-install", "--apply"));
        assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
        assertThat(apply.out()).contains("by-install: applied").contains("MTC web console: https://");

        Assumptions.assumeTrue(Files.isExecutable(KUBECTL), "skipped the apply.sh half: /usr/bin/kubectl is not installed"
                + " (Debian package kubernetes-client)");
        ProcessBuilder script = new ProcessBuilder("sh", export.resolve("apply.sh").toString()).redirectErrorStream(true);
        script.environment().put("KUBECTL", KUBECTL.toString());
        script.environment().put("KUBECONFIG", scriptedKubeconfig.toString());
        // the simulation serves no OpenAPI document for kubectl's client-side schema check
        script.environment().put("KUBECTL_VALIDATE", "false");
        Process process = script.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("all ").contains("steps done");

        try (KubernetesClient a = scripted.client(); KubernetesClient b = applied.client()) {
            for (ObjectRef ref : List.of(
                    new ObjectRef("config.openshift.io/v1", "ImageDigestMirrorSet", null, "idms-generic-0"),
                    new ObjectRef("operators.coreos.com/v1alpha1", "CatalogSource", "openshift-marketplace", "redhat-operator-index"),
                    new ObjectRef("operators.coreos.com/v1", "OperatorGroup", "openshift-migration", "migration"),
                    new ObjectRef("operators.coreos.com/v1alpha1", "Subscription", "openshift-migration", "mtc-operator"),
                    new ObjectRef("migration.openshift.io/v1alpha1", "MigrationController", "openshift-migration",
                            "migration-controller"))) {
                Object specA = spec(a, ref);
                assertThat(specA).as(ref.toString()).isNotNull().isEqualTo(spec(b, ref));
            }
            GenericKubernetesResource csv = a.genericKubernetesResources("operators.coreos.com/v1alpha1",
                    "ClusterServiceVersion").inNamespace("openshift-migration").withName("mtc-operator.v1.8.8").get();
            assertThat(KubeObjects.valueAt(csv, "status.phase")).contains("Succeeded");
        }

        Run list = run("uninstall", "--kubeconfig", appliedKubeconfig.toString(), "--context", "by-install", "--plan");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("MigrationController openshift-migration/migration-controller")
                .contains("Subscription openshift-migration/mtc-operator")
                .contains("ClusterServiceVersion openshift-migration/mtc-operator.v1.8.8")
                .contains("removes Velero from the cluster");
        Run wrong = run("uninstall", "--kubeconfig", appliedKubeconfig.toString(), "--context", "by-install",
                "--confirm", "by-script");
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains("type the context's name exactly");
        Run delete = run("uninstall", "--kubeconfig", appliedKubeconfig.toString(), "--context", "by-install",
                "--confirm", "by-install");
        assertThat(delete.exit()).as(delete.out() + delete.err()).isZero();
        try (KubernetesClient b = applied.client()) {
            assertThat(b.genericKubernetesResources("operators.coreos.com/v1alpha1", "Subscription")
                    .inNamespace("openshift-migration").withName("mtc-operator").get()).isNull();
        }
    }

    @Test
    void badInputExitsTwoWithTheInputNamed() {
        Run version = run(install(appliedKubeconfig, "by-install", "--plan").clone());
        assertThat(version.exit()).isZero();
        Run badVersion = run("install", "--kubeconfig", appliedKubeconfig.toString(), "--context", "by-install",
                "--mirror-results", mirror.results().toString(), "--mtc-version", "1.8", "--plan");
        assertThat(badVersion.exit()).isEqualTo(2);
        assertThat(badVersion.err()).contains("--mtc-version 1.8");
        Run badFolder = run("install", "--kubeconfig", appliedKubeconfig.toString(), "--context", "by-install",
                "--mirror-results", dir.resolve("nothing-here").toString(), "--mtc-version", "1.8.8", "--plan");
        assertThat(badFolder.exit()).isEqualTo(2);
        assertThat(badFolder.err()).contains("--mirror-results").contains("nothing-here");
    }

    @SuppressWarnings("unchecked")
    private static Object spec(KubernetesClient client, ObjectRef ref) {
        var op = client.genericKubernetesResources(ref.apiVersion(), ref.kind());
        GenericKubernetesResource found = ref.namespace() == null ? op.withName(ref.name()).get()
                : op.inNamespace(ref.namespace()).withName(ref.name()).get();
        return found == null ? null : ((Map<String, Object>) KubeObjects.asMap(found)).get("spec");
    }
}
