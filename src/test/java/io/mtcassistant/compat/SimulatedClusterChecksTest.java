package io.mtcassistant.compat;

import static io.mtcassistant.compat.TestClusters.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtcassistant.cluster.ClusterFacts;
import io.mtcassistant.cluster.ClusterRole;
import io.mtcassistant.sim.SimulatedCluster;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The probe and the checks against simulated clusters (fabric8 mock server on 127.0.0.1; a simulation). */
class SimulatedClusterChecksTest {

    private final List<SimulatedCluster> started = new java.util.ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(SimulatedCluster::close);
    }

    private SimulatedCluster start(SimulatedCluster.Builder builder) {
        SimulatedCluster cluster = builder.start();
        started.add(cluster);
        return cluster;
    }

    private ClusterSnapshot snapshot(SimulatedCluster cluster, ClusterRole role) {
        try (KubernetesClient client = SimulatedMtcSeeds.userClient(cluster)) {
            ClusterFacts facts = SimulatedMtcSeeds.facts(cluster, client);
            return ClusterSnapshot.connected(role, facts, ClusterInventoryProbe.probe(client, facts));
        }
    }

    private CompatibilityReport check(SimulatedCluster source, SimulatedCluster target, MigrationDecisions decisions) {
        return TestClusters.evaluator().evaluate(List.of(snapshot(source, ClusterRole.SOURCE),
                snapshot(target, ClusterRole.TARGET)), decisions);
    }

    private SimulatedCluster ocp4(String name, String version, Consumer<SimulatedMtcSeeds> seed) {
        SimulatedCluster cluster = start(SimulatedCluster.builder().name(name).openShift4(version));
        seed.accept(new SimulatedMtcSeeds(cluster));
        return cluster;
    }

    @Test
    void nonAdminUserBlocks() {
        SimulatedCluster source = start(SimulatedCluster.builder().name("src").openShift4("4.12.45").admin(false)
                .userName("developer"));
        SimulatedCluster target = ocp4("dst", "4.14.8", s -> s.operatorHub(true));
        CompatibilityReport report = check(source, target, MigrationDecisions.none());
        CheckResult admin = row(report, CheckKind.CLUSTER_ADMIN, "src");
        assertThat(admin.severity()).isEqualTo(Severity.BLOCKING);
        assertThat(admin.summary()).isEqualTo("developer is not cluster-admin");
        assertThat(row(report, CheckKind.CLUSTER_ADMIN, "dst").severity()).isEqualTo(Severity.OK);
        assertThat(report.verdict()).isEqualTo(Verdict.BLOCKED);
    }

    @Test
    void cleanClustersWithDefaultSourcesDisabledAndMirrorPolicies() {
        SimulatedCluster source = ocp4("src", "4.12.45", s -> s.operatorHub(true)
                .imageContentSourcePolicy("redhat-operator-index", "registry.redhat.io/rhmtc", "mirror.corp:5000/rhmtc"));
        SimulatedCluster target = ocp4("dst", "4.14.8", s -> s.operatorHub(true)
                .imageDigestMirrorSet("idms-operator-0", "registry.redhat.io/rhmtc", "mirror.corp:5000/rhmtc"));
        CompatibilityReport report = check(source, target, MigrationDecisions.none()
                .withDefaultRemoteReachesControl(Reachability.YES));

        assertThat(row(report, CheckKind.PLATFORM_AND_VERSION, "src").summary())
                .isEqualTo("OpenShift 4.12: MTC v.1.8.z, OLM, channel release-v1.8");
        assertThat(row(report, CheckKind.EXISTING_MTC, "src").severity()).isEqualTo(Severity.OK);
        assertThat(row(report, CheckKind.OPERATORHUB_SOURCES, "src").severity()).isEqualTo(Severity.OK);
        assertThat(row(report, CheckKind.CLUSTER_PROXY, "dst").summary()).isEqualTo("No cluster-wide proxy");
        // 4.12 knows only ImageContentSourcePolicy; 4.14 has ImageDigestMirrorSet.
        CheckResult srcMirror = row(report, CheckKind.IMAGE_MIRROR_POLICY, "src");
        assertThat(srcMirror.severity()).isEqualTo(Severity.OK);
        assertThat(srcMirror.facts()).anySatisfy(f -> assertThat(f.value()).contains("not available before 4.13"));
        CheckResult dstMirror = row(report, CheckKind.IMAGE_MIRROR_POLICY, "dst");
        assertThat(dstMirror.severity()).isEqualTo(Severity.OK);
        assertThat(dstMirror.facts()).anySatisfy(f -> assertThat(f.value()).isEqualTo("idms-operator-0"));
        assertThat(report.verdict()).isEqualTo(Verdict.READY);
        assertThat(report.plan().controlCluster()).isEqualTo("dst");
    }

    @Test
    void defaultSourcesEnabledIsAWarningWithTheCommand() {
        SimulatedCluster source = ocp4("src", "4.12.45", s -> s.operatorHub(false));
        SimulatedCluster target = ocp4("dst", "4.12.45", SimulatedMtcSeeds::noOperatorHub);
        CompatibilityReport report = check(source, target, MigrationDecisions.none());
        CheckResult enabled = row(report, CheckKind.OPERATORHUB_SOURCES, "src");
        assertThat(enabled.severity()).isEqualTo(Severity.WARNING);
        assertThat(enabled.facts()).anySatisfy(f -> assertThat(f.name() + "=" + f.value())
                .isEqualTo("spec.disableAllDefaultSources=false"));
        assertThat(enabled.action()).contains("oc patch OperatorHub cluster --type json")
                .contains("\"path\": \"/spec/disableAllDefaultSources\", \"value\": true");
        // No OperatorHub object at all: the defaults apply, so the sources are enabled too.
        CheckResult absent = row(report, CheckKind.OPERATORHUB_SOURCES, "dst");
        assertThat(absent.severity()).isEqualTo(Severity.WARNING);
        assertThat(absent.facts()).anySatisfy(f -> assertThat(f.value()).isEqualTo("absent"));
        assertThat(row(report, CheckKind.IMAGE_MIRROR_POLICY, "dst").summary()).isEqualTo("No image mirror policy");
    }

    @Test
    void clusterProxyIsReportedWithCredentialsMaskedAndNoProxyGaps() {
        SimulatedCluster source = ocp4("src", "4.12.45", s -> s.operatorHub(true));
        SimulatedCluster target = ocp4("dst", "4.12.45", s -> s.operatorHub(true)
                .proxy("http://mtc:Sup3rSecret@proxy.corp:3128", "http://mtc:Sup3rSecret@proxy.corp:3128",
                        ".cluster.local,.svc,10.0.0.0/16"));
        CompatibilityReport report = check(source, target, MigrationDecisions.none());
        CheckResult proxy = row(report, CheckKind.CLUSTER_PROXY, "dst");
        assertThat(proxy.severity()).isEqualTo(Severity.WARNING);
        assertThat(proxy.summary()).isEqualTo("Cluster-wide proxy set");
        assertThat(proxy.facts()).anySatisfy(f -> assertThat(f.name() + "=" + f.value())
                .isEqualTo("noProxy=.cluster.local,.svc,10.0.0.0/16"));
        assertThat(proxy.explanation()).contains("not in noProxy").contains(java.net.URI.create(source.url()).getHost() + " (src)");
        assertThat(ReportJson.render(report)).doesNotContain("Sup3rSecret").contains("proxy.corp:3128");
        assertThat(ReportMarkdown.render(report)).doesNotContain("Sup3rSecret");
        assertThat(row(report, CheckKind.CLUSTER_PROXY, "src").severity()).isEqualTo(Severity.OK);
    }

    @Test
    void existingOlderMtcIsAnUpgradeAndNewerIsAConflict() {
        SimulatedCluster source = ocp4("src", "4.9.59", s -> s.operatorHub(true).migrationNamespace()
                .migrationController("1.7.14").olmInstall("1.7.14"));
        SimulatedCluster target = ocp4("dst", "4.12.45", s -> s.operatorHub(true).migrationNamespace()
                .migrationController("1.8.8").olmInstall("1.8.8"));
        // The table disagrees (1.7 for 4.9, 1.8 for 4.12): until a version is chosen, the meaning is open.
        CompatibilityReport undecided = check(source, target, MigrationDecisions.none());
        CheckResult open = row(undecided, CheckKind.EXISTING_MTC, "dst");
        assertThat(open.severity()).isEqualTo(Severity.WARNING);
        assertThat(open.summary()).contains("MTC 1.8.8 installed; meaning depends on the MTC version decision");
        assertThat(open.facts()).anySatisfy(f -> assertThat(f.value()).contains("spec.version 1.8.8"));
        assertThat(open.facts()).anySatisfy(f -> assertThat(f.name()).isEqualTo("Subscription mtc-operator"));
        // The OADP Subscription OLM creates beside MTC is not mistaken for MTC.
        assertThat(open.facts()).noneSatisfy(f -> assertThat(f.name()).contains("oadp"));

        CompatibilityReport mtc17 = check(source, target, MigrationDecisions.none().withMtcVersion(MtcVersion.of("1.7")));
        CheckResult reuse = row(mtc17, CheckKind.EXISTING_MTC, "src");
        assertThat(reuse.severity()).isEqualTo(Severity.OK);
        assertThat(reuse.summary()).isEqualTo("Reuse: MTC 1.7.14 is installed");
        CheckResult conflict = row(mtc17, CheckKind.EXISTING_MTC, "dst");
        assertThat(conflict.severity()).isEqualTo(Severity.BLOCKING);
        assertThat(conflict.summary()).contains("Conflict: MTC 1.8.8 is newer than the planned MTC 1.7");
        assertThat(conflict.action()).contains("section 7.6");
        assertThat(mtc17.plan().cluster("dst").orElseThrow().existing()).isEqualTo(ExistingMtcAction.CONFLICT);
        assertThat(mtc17.verdict()).isEqualTo(Verdict.BLOCKED);
    }

    @Test
    void existingOlderMtcOnANewerClusterIsAnUpgradeWithTheChannelSwitch() {
        SimulatedCluster source = ocp4("src", "4.10.67", s -> s.operatorHub(true));
        SimulatedCluster target = ocp4("dst", "4.12.45", s -> s.operatorHub(true).migrationNamespace()
                .migrationController("1.7.14").olmInstall("1.7.14"));
        CompatibilityReport report = check(source, target, MigrationDecisions.none());
        CheckResult upgrade = row(report, CheckKind.EXISTING_MTC, "dst");
        assertThat(upgrade.severity()).isEqualTo(Severity.WARNING);
        assertThat(upgrade.summary()).isEqualTo("Upgrade: MTC 1.7.14 → MTC 1.8");
        assertThat(upgrade.action()).contains("release-v1.8").contains("stable-1.0 to stable-1.2");
        assertThat(report.plan().cluster("dst").orElseThrow().existing()).isEqualTo(ExistingMtcAction.UPGRADE);
    }

    @Test
    void leftoverNamespaceIsAWarning() {
        SimulatedCluster source = ocp4("src", "4.12.45", s -> s.operatorHub(true).migrationNamespace());
        SimulatedCluster target = ocp4("dst", "4.12.45", s -> s.operatorHub(true));
        CheckResult leftover = row(check(source, target, MigrationDecisions.none()), CheckKind.EXISTING_MTC, "src");
        assertThat(leftover.severity()).isEqualTo(Severity.WARNING);
        assertThat(leftover.summary()).contains("exists, but no MTC in it");
    }

    @Test
    void openShift3IsProbedForMtcOnlyAndPlainKubernetesIsUnsupported() {
        SimulatedCluster source = start(SimulatedCluster.builder().name("ocp3").openShift3("3.11.784"));
        new SimulatedMtcSeeds(source).migrationNamespace().migrationController("1.7.14");
        SimulatedCluster target = start(SimulatedCluster.builder().name("k8s").kubernetes("v1.29.2"));
        CompatibilityReport report = check(source, target, MigrationDecisions.none());
        ClusterSnapshot ocp3 = snapshot(source, ClusterRole.SOURCE);
        assertThat(ocp3.inventory().operatorHub()).isNull();
        assertThat(ocp3.inventory().problems()).isEmpty();
        assertThat(ocp3.inventory().migrationControllers()).extracting(ClusterInventory.ExistingMigrationController::version)
                .containsExactly("1.7.14");
        assertThat(row(report, CheckKind.PLATFORM_AND_VERSION, "ocp3").summary())
                .isEqualTo("OpenShift 3.11: MTC v.1.7.z, legacy operator from operator.yml");
        CheckResult plain = row(report, CheckKind.PLATFORM_AND_VERSION, "k8s");
        assertThat(plain.severity()).isEqualTo(Severity.BLOCKING);
        assertThat(plain.explanation()).contains("plain Kubernetes (v1.29.2)");
    }

    @Test
    void unreadableResourceBecomesAProblemNotAFailure() {
        SimulatedCluster source = ocp4("src", "4.12.45", s -> s.operatorHub(true));
        source.mockServer().expect().get().withPath("/apis/config.openshift.io/v1/proxies/cluster")
                .andReturn(403, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"Forbidden\","
                        + "\"code\":403,\"message\":\"proxies.config.openshift.io is forbidden\"}").always();
        ClusterSnapshot snapshot = snapshot(source, ClusterRole.SOURCE);
        assertThat(snapshot.inventory().proxy()).isNull();
        assertThat(snapshot.inventory().problems()).anySatisfy(p -> assertThat(p).contains("Proxy cluster").contains("403"));
        CompatibilityReport report = TestClusters.evaluator().evaluate(List.of(snapshot,
                TestClusters.ocp(ClusterRole.TARGET, "dst", "4.12", TestClusters.prepared())), MigrationDecisions.none());
        assertThat(row(report, CheckKind.CLUSTER_PROXY, "src").summary()).isEqualTo("Not read");
    }
}
