package io.mtcassistant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtcassistant.install.SharedFixtures;
import io.mtcassistant.install.plan.KubeObjects;
import io.mtcassistant.registration.ServiceAccountTokens;
import io.mtcassistant.sim.SimulatedCluster;
import io.mtcassistant.sim.SimulatedKubeconfig;
import io.mtcassistant.sim.SimulatedServiceAccountTokens;
import io.mtcassistant.sim.migration.MigrationKinds;
import io.mtcassistant.sim.migration.SimulatedMigrationController;
import io.mtcassistant.storage.StorageApis;
import io.mtcassistant.storage.testsupport.CrdSchema;
import io.mtcassistant.storage.testsupport.TestLogFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code register-cluster} from a simulated 4.12 control cluster to simulated remotes on OpenShift 3.11 and 4.10
 * (the token Secret the cluster made) and 4.12 (a long-lived token Secret created for it); the simulated MTC
 * controller makes a MigCluster Ready only when its token authenticates against the remote's API.
 */
class RegisterClusterCommandSimulationTest {

    @TempDir
    static Path dir;
    static SimulatedCluster control;
    static SimulatedCluster ocp311;
    static SimulatedCluster ocp410;
    static SimulatedCluster ocp412;
    static SimulatedServiceAccountTokens tokenController;
    static SimulatedMigrationController controller;
    static Path kubeconfig;

    @BeforeAll
    static void start() throws Exception {
        control = SimulatedCluster.builder().name("control").openShift4("4.12.30").admin(true).start();
        ocp311 = SimulatedCluster.builder().name("ocp311").openShift3("3.11.784").admin(true).start();
        ocp410 = SimulatedCluster.builder().name("ocp410").openShift4("4.10.67").admin(true).start();
        ocp412 = SimulatedCluster.builder().name("ocp412").openShift4("4.12.30").admin(true).start();
        try (KubernetesClient client = control.client()) {
            MigrationKinds.install(client);
        }
        SimulatedServiceAccountTokens.seedLegacyToken(ocp311, "openshift-migration", "migration-controller");
        SimulatedServiceAccountTokens.seedLegacyToken(ocp410, "openshift-migration", "migration-controller");
        tokenController = SimulatedServiceAccountTokens.start(ocp412);
        controller = SimulatedMigrationController.on(control).start();
        kubeconfig = new SimulatedKubeconfig().add("control", control).add("ocp311", ocp311).add("ocp410", ocp410)
                .add("ocp412", ocp412).currentContext("control").write(dir.resolve("kubeconfig"));
    }

    @AfterAll
    static void stop() {
        controller.close();
        tokenController.close();
        for (SimulatedCluster c : List.of(control, ocp311, ocp410, ocp412)) {
            c.close();
        }
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        List<String> all = new ArrayList<>(List.of("register-cluster", "--kubeconfig", kubeconfig.toString(),
                "--context", "control", "--timeout", "120"));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MtcAssistantCommand.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void openShift311UsesItsTokenSecretAndBecomesReady() throws Exception {
        TestLogFile log = TestLogFile.mark();
        Run run = run("--remote", "ocp311", "--apply");
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("token: OpenShift 3.11", "the token Secret the cluster made",
                "MigCluster ocp311 is Ready", "condition Ready");
        String token = savedToken("ocp311");
        assertThat(token).startsWith("sim-sa-");
        assertThat(run.out() + log.written()).doesNotContain(token);
        GenericKubernetesResource cluster = migCluster("ocp311");
        assertThat(KubeObjects.valueAt(cluster, "spec.url")).contains(ocp311.url());
        assertThat(KubeObjects.valueAt(cluster, "spec.caBundle")).isPresent();
        assertThat(KubeObjects.valueAt(cluster, "spec.insecure")).contains("false");
    }

    @Test
    void openShift410UsesItsTokenSecretWithoutMakingOne() {
        Run run = run("--remote", "ocp410", "--apply", "--insecure-remote");
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("MigCluster ocp410 is Ready");
        try (KubernetesClient remote = ocp410.client()) {
            assertThat(remote.secrets().inNamespace("openshift-migration")
                    .withName(ServiceAccountTokens.LONG_LIVED_SECRET).get()).isNull();
        }
        assertThat(KubeObjects.valueAt(migCluster("ocp410"), "spec.insecure")).contains("true");
        assertThat(KubeObjects.valueAt(migCluster("ocp410"), "spec.caBundle")).isEmpty();
    }

    @Test
    void openShift412GetsALongLivedTokenSecretOnlyWhenApplying() {
        Run plan = run("--remote", "ocp412", "--plan");
        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("long-lived token Secret", "kind: MigCluster", "placeholder");
        try (KubernetesClient remote = ocp412.client()) {
            assertThat(remote.secrets().inNamespace("openshift-migration")
                    .withName(ServiceAccountTokens.LONG_LIVED_SECRET).get()).as("a plan changes nothing").isNull();
        }
        Run run = run("--remote", "ocp412", "--apply", "--exposed-registry-path",
                "default-route-openshift-image-registry.apps.ocp412.example");
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("MigCluster ocp412 is Ready");
        try (KubernetesClient remote = ocp412.client()) {
            Secret secret = remote.secrets().inNamespace("openshift-migration")
                    .withName(ServiceAccountTokens.LONG_LIVED_SECRET).get();
            assertThat(secret.getType()).isEqualTo("kubernetes.io/service-account-token");
            assertThat(secret.getMetadata().getAnnotations())
                    .containsEntry("kubernetes.io/service-account.name", "migration-controller");
        }
        assertThat(KubeObjects.valueAt(migCluster("ocp412"), "spec.exposedRegistryPath"))
                .contains("default-route-openshift-image-registry.apps.ocp412.example");
    }

    @Test
    void anOpenShift4RemoteWithoutRegistryRouteIsOfferedTheDefaultRouteAndGetsItWhenAsked() throws Exception {
        Run offer = run("--remote", "ocp410", "--name", "ocp410-direct", "--plan");
        assertThat(offer.exit()).as(offer.err()).isZero();
        assertThat(offer.out()).contains("no exposedRegistryPath: the image registry on ocp410 has no default route; "
                + "direct image migration copies images", "--enable-default-route turns it on",
                "spec.defaultRoute=true on ocp410");
        Run plan = run("--remote", "ocp410", "--name", "ocp410-direct", "--plan", "--enable-default-route");
        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("Expose the image registry of ocp410 (default route) (on ocp410, first)",
                "kind: Config", "defaultRoute: true", "# why: direct image migration");
        Path export = dir.resolve("export-route");
        Run exported = run("--remote", "ocp410", "--name", "ocp410-direct", "--export", export.toString(),
                "--enable-default-route");
        assertThat(exported.exit()).as(exported.out() + exported.err()).isZero();
        assertThat(export.resolve(RegisterClusterCommand.REMOTE_EXPORT)).isDirectory();
        assertThat(export.resolve("control")).isDirectory();
        try (KubernetesClient remote = ocp410.client()) {
            assertThat(remote.genericKubernetesResources("route.openshift.io/v1", "Route")
                    .inNamespace("openshift-image-registry").withName("default-route").get())
                    .as("plans and exports change nothing").isNull();
        }
        Run applied = run("--remote", "ocp410", "--name", "ocp410-direct", "--insecure-remote", "--apply",
                "--enable-default-route");
        assertThat(applied.exit()).as(applied.out() + applied.err()).isZero();
        String host = "default-route-openshift-image-registry.apps.ocp410.example";
        assertThat(applied.out()).contains("exposedRegistryPath " + host + ": the default route ocp410 made now",
                "MigCluster ocp410-direct is Ready");
        assertThat(KubeObjects.valueAt(migCluster("ocp410-direct"), "spec.exposedRegistryPath")).contains(host);
        note("register-cluster --enable-default-route --apply (OpenShift 4.10 remote)", applied);
    }

    private static void note(String what, Run run) throws Exception {
        java.nio.file.Files.createDirectories(Path.of("target"));
        java.nio.file.Files.writeString(Path.of("target", "register-cluster-default-route.md"), "### " + what
                + "\n```\n" + run.out() + "```\n");
    }

    @Test
    void anUnreachableTunnelUrlIsTestConnectFailed() {
        Run run = run("--remote", "ocp410", "--name", "via-tunnel", "--tunnel-api", "openshift-migration", "--apply");
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("MigCluster via-tunnel is NOT Ready",
                "TestConnectFailed: the control cluster cannot reach the remote API");
        assertThat(KubeObjects.valueAt(migCluster("via-tunnel"), "spec.url"))
                .contains("https://proxied-cluster.openshift-migration.svc.cluster.local:8443");
    }

    @Test
    void aWrongTokenIsInvalidSaToken() throws Exception {
        Run run = run("--remote", "ocp311", "--name", "wrong-token", "--apply");
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        try (KubernetesClient client = control.client()) {
            client.secrets().inNamespace("openshift-config").withName("wrong-token-token").edit(s -> {
                s.getData().put("saToken", Base64.getEncoder().encodeToString("expired".getBytes(StandardCharsets.UTF_8)));
                return s;
            });
            client.genericKubernetesResources(StorageApis.MIG_CLUSTERS).inNamespace("openshift-migration")
                    .withName("wrong-token").waitUntilCondition(c -> KubeObjects.valueAt(c,
                            "status.conditions[type=InvalidSaToken].status").isPresent(), 120,
                            java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void theMigClusterConformsToTheMtc18Crd() throws Exception {
        CrdSchema schema = CrdSchema.load(SharedFixtures.mtc(
                "olm-bundle-1.8/manifests/migration.openshift.io_migclusters.yaml"));
        GenericKubernetesResource cluster = new io.mtcassistant.registration.ClusterRegistration("ocp311",
                "https://api.ocp311.example:8443", java.util.Optional.of("-----BEGIN CERTIFICATE-----\n"), false,
                java.util.Optional.of("docker-registry-default.apps.ocp311.example")).migCluster();
        assertThat(schema.violations(KubeObjects.asMap(cluster))).isEmpty();
    }

    private static String savedToken(String name) {
        try (KubernetesClient client = control.client()) {
            Secret secret = client.secrets().inNamespace("openshift-config").withName(name + "-token").get();
            return new String(Base64.getDecoder().decode(secret.getData().get("saToken")), StandardCharsets.UTF_8);
        }
    }

    private static GenericKubernetesResource migCluster(String name) {
        try (KubernetesClient client = control.client()) {
            return client.genericKubernetesResources(StorageApis.MIG_CLUSTERS).inNamespace("openshift-migration")
                    .withName(name).get();
        }
    }
}
