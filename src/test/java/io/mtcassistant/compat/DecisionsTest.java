package io.mtcassistant.compat;

import static io.mtcassistant.compat.TestClusters.ocp;
import static io.mtcassistant.compat.TestClusters.prepared;
import static io.mtcassistant.compat.TestClusters.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.cluster.ClusterRole;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same-version conflict and its options; the control cluster, with the legacy-as-control edge case. */
class DecisionsTest {

    private final CompatibilityEvaluator evaluator = TestClusters.evaluator();
    private final List<ClusterSnapshot> ocp311To412 = List.of(
            ocp(ClusterRole.SOURCE, "onprem", "3.11", ClusterInventory.empty()),
            ocp(ClusterRole.TARGET, "cloud", "4.12", prepared()));

    @Test
    void conflictIsExplainedInTheTablesWordsAndNotPickedSilently() {
        CompatibilityReport report = evaluator.evaluate(ocp311To412, MigrationDecisions.none());
        CheckResult version = row(report, CheckKind.SAME_MTC_VERSION, null);

        assertThat(version.severity()).isEqualTo(Severity.NEEDS_DECISION);
        assertThat(report.verdict()).isEqualTo(Verdict.NEEDS_DECISION);
        assertThat(version.explanation())
                .contains("\"MTC v.1.7.z\" for OpenShift 3.11 (source onprem)")
                .contains("\"MTC v.1.8.z\" for OpenShift 4.12 (target cloud)")
                .contains("both your source cluster and the destination cluster must use the same version of MTC")
                .contains("MTC 1.7 supports migrations from OpenShift Container Platform 3.11 to 4.9.")
                .contains("MTC 1.8 only supports migrations from OpenShift Container Platform 4.10 and later.")
                .as("only 1.7 is possible here, so it is not 'your choice' (issue 16, point 11)")
                .doesNotContain("the choice is yours").contains("only MTC 1.7 on every cluster is possible for these clusters");
        assertThat(report.plan().mtcVersion()).isNull();
        assertThat(report.plan().cluster("cloud").orElseThrow().install()).isNull();
        assertThat(report.openDecisions()).hasSize(1);

        DecisionOption mtc17 = option(version.decision(), "mtc-1.7");
        assertThat(mtc17.available()).isTrue();
        assertThat(mtc17.cliFlag()).isEqualTo("--mtc-version 1.7");
        assertThat(mtc17.consequences()).anySatisfy(c -> assertThat(c)
                .contains("OpenShift 3.11 (source onprem): Legacy MTC v.1.7.z operator: Install manually with the operator.yml file."));
        assertThat(mtc17.consequences()).anySatisfy(c -> assertThat(c)
                .contains("OpenShift 4.12 (target cloud): Install with OLM, release channel release-v1.7")
                .contains("Not the table's stable version"));
        assertThat(mtc17.consequences()).anySatisfy(c -> assertThat(c).contains("OADP operator, channel stable-1.0"));

        DecisionOption mtc18 = option(version.decision(), "mtc-1.8");
        assertThat(mtc18.available()).isFalse();
        assertThat(mtc18.unavailableReason()).contains("OpenShift 3.11 (source onprem) has no MTC v.1.8.z install")
                .contains("MTC 1.8 only supports migrations from OpenShift Container Platform 4.10 and later.");
    }

    @Test
    void choosingMtc17IsRecordedAndShapesThePlan() {
        MigrationDecisions decisions = MigrationDecisions.none().withMtcVersion(MtcVersion.of("1.7"))
                .withDefaultRemoteReachesControl(Reachability.YES);
        CompatibilityReport report = evaluator.evaluate(ocp311To412, decisions);

        CheckResult version = row(report, CheckKind.SAME_MTC_VERSION, null);
        assertThat(version.severity()).isEqualTo(Severity.WARNING);
        assertThat(version.summary()).contains("your decision");
        assertThat(version.facts()).anySatisfy(f -> assertThat(f.source()).isEqualTo("your decision"));
        assertThat(report.decisions().mtcVersion()).isEqualTo(MtcVersion.of("1.7"));
        assertThat(report.verdict().canProceed()).isTrue();

        MigrationPlan plan = report.plan();
        assertThat(plan.mtcVersion()).isEqualTo(MtcVersion.of("1.7"));
        assertThat(plan.controlCluster()).isEqualTo("cloud");
        ClusterPlan onprem = plan.cluster("onprem").orElseThrow();
        assertThat(onprem.install().method()).isEqualTo(InstallMethod.LEGACY_OPERATOR);
        assertThat(onprem.controlCluster()).isFalse();
        assertThat(onprem.oadpChannel()).isNull();
        ClusterPlan cloud = plan.cluster("cloud").orElseThrow();
        assertThat(cloud.install().channel()).isEqualTo("release-v1.7");
        assertThat(cloud.oadpChannel()).isEqualTo("stable-1.0");
        assertThat(cloud.controlCluster()).isTrue();
        assertThat(row(report, CheckKind.PLATFORM_AND_VERSION, "cloud").summary()).contains("release-v1.7")
                .contains("not the table's stable version");
    }

    @Test
    void choosingMtc18ForALegacySourceBlocks() {
        CompatibilityReport report = evaluator.evaluate(ocp311To412,
                MigrationDecisions.none().withMtcVersion(MtcVersion.of("1.8")));
        CheckResult version = row(report, CheckKind.SAME_MTC_VERSION, null);
        assertThat(version.severity()).isEqualTo(Severity.BLOCKING);
        assertThat(version.explanation()).contains("has no MTC v.1.8.z install");
        assertThat(version.action()).contains("possible: 1.7");
        assertThat(report.plan().mtcVersion()).isNull();
    }

    @Test
    void unknownVersionBlocks() {
        CompatibilityReport report = evaluator.evaluate(ocp311To412,
                MigrationDecisions.none().withMtcVersion(MtcVersion.of("1.6")));
        assertThat(row(report, CheckKind.SAME_MTC_VERSION, null).severity()).isEqualTo(Severity.BLOCKING);
        assertThat(row(report, CheckKind.SAME_MTC_VERSION, null).action()).contains("1.7, 1.8");
    }

    @Test
    void agreeingColumnsNeedNoDecisionAndAnExplicitSameChoiceIsOk() {
        List<ClusterSnapshot> modern = List.of(ocp(ClusterRole.SOURCE, "a", "4.10", prepared()),
                ocp(ClusterRole.TARGET, "b", "4.16", prepared()));
        assertThat(row(evaluator.evaluate(modern, MigrationDecisions.none()), CheckKind.SAME_MTC_VERSION, null).severity())
                .isEqualTo(Severity.OK);
        assertThat(row(evaluator.evaluate(modern, MigrationDecisions.none().withMtcVersion(MtcVersion.of("1.8"))),
                CheckKind.SAME_MTC_VERSION, null).severity()).isEqualTo(Severity.OK);
        // 1.7 on two 4.10+ clusters is possible but off the table: a warning, not silence.
        assertThat(row(evaluator.evaluate(modern, MigrationDecisions.none().withMtcVersion(MtcVersion.of("1.7"))),
                CheckKind.SAME_MTC_VERSION, null).severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void extraRemoteTakesPartInTheVersionRule() {
        List<ClusterSnapshot> clusters = List.of(ocp(ClusterRole.SOURCE, "a", "4.10", prepared()),
                ocp(ClusterRole.TARGET, "b", "4.12", prepared()), ocp(ClusterRole.REMOTE, "c", "4.8", prepared()));
        CompatibilityReport report = evaluator.evaluate(clusters, MigrationDecisions.none());
        assertThat(row(report, CheckKind.SAME_MTC_VERSION, null).severity()).isEqualTo(Severity.NEEDS_DECISION);
        assertThat(row(report, CheckKind.SAME_MTC_VERSION, null).explanation()).contains("OpenShift 4.8 (extra remote c)");
    }

    @Test
    void mostModernClusterIsTheControlClusterAndATieGoesToTheTarget() {
        CompatibilityReport newerSource = evaluator.evaluate(List.of(ocp(ClusterRole.SOURCE, "a", "4.16", prepared()),
                ocp(ClusterRole.TARGET, "b", "4.12", prepared())), MigrationDecisions.none());
        assertThat(newerSource.plan().controlCluster()).isEqualTo("a");
        CompatibilityReport tie = evaluator.evaluate(List.of(ocp(ClusterRole.SOURCE, "a", "4.12", prepared()),
                ocp(ClusterRole.TARGET, "b", "4.12", prepared())), MigrationDecisions.none());
        assertThat(tie.plan().controlCluster()).isEqualTo("b");
        assertThat(row(tie, CheckKind.CONTROL_CLUSTER, null).explanation()).contains("tie on version goes to the target");
        // A third, newer cluster can be the control cluster.
        CompatibilityReport remote = evaluator.evaluate(List.of(ocp(ClusterRole.SOURCE, "a", "4.5", prepared()),
                ocp(ClusterRole.TARGET, "b", "4.5", prepared()), ocp(ClusterRole.REMOTE, "c", "4.9", prepared())),
                MigrationDecisions.none());
        assertThat(remote.plan().controlCluster()).isEqualTo("c");
        assertThat(row(remote, CheckKind.CONTROL_CLUSTER, null).severity()).isEqualTo(Severity.OK);
    }

    @Test
    void choosingALessModernControlClusterWarnsAndALegacyOneBlocks() {
        List<ClusterSnapshot> clusters = List.of(ocp(ClusterRole.SOURCE, "a", "4.10", prepared()),
                ocp(ClusterRole.TARGET, "b", "4.16", prepared()));
        CompatibilityReport older = evaluator.evaluate(clusters, MigrationDecisions.none().withControlCluster("a"));
        assertThat(row(older, CheckKind.CONTROL_CLUSTER, null).severity()).isEqualTo(Severity.WARNING);
        assertThat(older.plan().controlCluster()).isEqualTo("a");

        CompatibilityReport legacy = evaluator.evaluate(ocp311To412, MigrationDecisions.none().withControlCluster("onprem"));
        CheckResult control = row(legacy, CheckKind.CONTROL_CLUSTER, null);
        assertThat(control.severity()).isEqualTo(Severity.BLOCKING);
        assertThat(control.explanation()).contains("This cluster cannot be the control cluster.");
        assertThat(control.action()).contains("--legacy-control-cluster").contains("--tunnel-api");

        CompatibilityReport missing = evaluator.evaluate(clusters, MigrationDecisions.none().withControlCluster("zzz"));
        assertThat(row(missing, CheckKind.CONTROL_CLUSTER, null).severity()).isEqualTo(Severity.BLOCKING);
    }

    @Test
    void unstatedReachabilityWarnsAndAYesIsOk() {
        CompatibilityReport unknown = evaluator.evaluate(ocp311To412, MigrationDecisions.none().withMtcVersion(MtcVersion.of("1.7")));
        assertThat(row(unknown, CheckKind.REMOTE_REACHES_CONTROL, "onprem").severity()).isEqualTo(Severity.WARNING);
        assertThat(unknown.checks()).noneMatch(r -> r.check() == CheckKind.REMOTE_REACHES_CONTROL && "cloud".equals(r.cluster()));
        CompatibilityReport yes = evaluator.evaluate(ocp311To412, MigrationDecisions.none().withMtcVersion(MtcVersion.of("1.7"))
                .withRemoteReachesControl("onprem", Reachability.YES));
        assertThat(row(yes, CheckKind.REMOTE_REACHES_CONTROL, "onprem").severity()).isEqualTo(Severity.OK);
    }

    @Test
    void networkRestrictionOffersTunnelLegacyControlAndFixingTheNetwork() {
        MigrationDecisions decisions = MigrationDecisions.none().withMtcVersion(MtcVersion.of("1.7"))
                .withRemoteReachesControl("onprem", Reachability.NO);
        CompatibilityReport report = evaluator.evaluate(ocp311To412, decisions);
        CheckResult reach = row(report, CheckKind.REMOTE_REACHES_CONTROL, "onprem");
        assertThat(reach.severity()).isEqualTo(Severity.NEEDS_DECISION);
        assertThat(reach.decision().topic()).isEqualTo(DecisionTopic.NETWORK_RESTRICTION);
        assertThat(reach.explanation()).contains("Edge cases exist in which network restrictions prevent modern clusters");
        assertThat(reach.decision().options()).extracting(DecisionOption::id)
                .containsExactly("tunnel-api", "legacy-control-cluster", "fix-network");
        assertThat(reach.decision().options()).allMatch(DecisionOption::available);
        DecisionOption tunnel = option(reach.decision(), "tunnel-api");
        assertThat(tunnel.consequences())
                .contains("Command: crane tunnel-api --source-context onprem --destination-context cloud")
                .anySatisfy(c -> assertThat(c).contains("LoadBalancer").contains("openvpn image"));
        assertThat(option(reach.decision(), "legacy-control-cluster").cliFlag()).isEqualTo("--legacy-control-cluster");
        assertThat(report.verdict()).isEqualTo(Verdict.NEEDS_DECISION);
    }

    @Test
    void legacyControlClusterIsNotOfferedWithoutARestrictionOrForAModernCluster() {
        CompatibilityReport report = evaluator.evaluate(ocp311To412, MigrationDecisions.none().withMtcVersion(MtcVersion.of("1.7")));
        assertThat(report.checks()).noneMatch(r -> r.decision() != null);

        List<ClusterSnapshot> modern = List.of(ocp(ClusterRole.SOURCE, "a", "4.9", prepared()),
                ocp(ClusterRole.TARGET, "b", "4.9", prepared()));
        CompatibilityReport restricted = evaluator.evaluate(modern,
                MigrationDecisions.none().withRemoteReachesControl("a", Reachability.NO));
        DecisionRequest request = row(restricted, CheckKind.REMOTE_REACHES_CONTROL, "a").decision();
        assertThat(option(request, "legacy-control-cluster").available()).isFalse();
        assertThat(option(request, "tunnel-api").available()).isTrue();
    }

    @Test
    void tunnelChoiceGivesTheExactCommandAndWhatItNeeds() {
        MigrationDecisions decisions = MigrationDecisions.none().withMtcVersion(MtcVersion.of("1.7"))
                .withRemoteReachesControl("onprem", Reachability.NO).withNetworkWorkaround(NetworkWorkaround.TUNNEL_API);
        CompatibilityReport report = evaluator.evaluate(ocp311To412, decisions);
        CheckResult reach = row(report, CheckKind.REMOTE_REACHES_CONTROL, "onprem");
        assertThat(reach.severity()).isEqualTo(Severity.WARNING);
        assertThat(reach.summary()).isEqualTo("Tunnel: crane tunnel-api --source-context onprem --destination-context cloud");
        assertThat(reach.explanation()).contains("LoadBalancer").contains("openvpn image");
        assertThat(reach.action()).contains("--source-image <mirror>/konveyor/openvpn:latest");
        assertThat(report.plan().networkWorkaround()).isEqualTo(NetworkWorkaround.TUNNEL_API);
        assertThat(report.plan().tunnelCommands()).containsExactly(
                "crane tunnel-api --source-context onprem --destination-context cloud "
                        + "--source-image <mirror>/konveyor/openvpn:latest --destination-image <mirror>/konveyor/openvpn:latest");
        assertThat(report.plan().controlCluster()).isEqualTo("cloud");
        assertThat(report.verdict().canProceed()).isTrue();
    }

    @Test
    void legacyClusterAsControlClusterIsTheEdgeCase() {
        MigrationDecisions decisions = MigrationDecisions.none().withMtcVersion(MtcVersion.of("1.7"))
                .withRemoteReachesControl("onprem", Reachability.NO)
                .withNetworkWorkaround(NetworkWorkaround.LEGACY_CONTROL_CLUSTER);
        CompatibilityReport report = evaluator.evaluate(ocp311To412, decisions);
        CheckResult control = row(report, CheckKind.CONTROL_CLUSTER, null);
        assertThat(control.severity()).isEqualTo(Severity.WARNING);
        assertThat(control.explanation())
                .contains("it is possible to designate the legacy cluster as the control cluster and push workloads to the remote cluster")
                .contains("crane tunnel-api --source-context onprem --destination-context cloud");
        assertThat(report.plan().controlCluster()).isEqualTo("onprem");
        assertThat(report.plan().cluster("onprem").orElseThrow().controlCluster()).isTrue();
        // The modern cluster is now the remote one: the legacy control cluster must reach it.
        CheckResult reach = row(report, CheckKind.REMOTE_REACHES_CONTROL, "cloud");
        assertThat(reach.severity()).isEqualTo(Severity.WARNING);
        assertThat(reach.explanation()).contains("pushes workloads to cloud");
        assertThat(report.verdict().canProceed()).isTrue();
    }

    @Test
    void legacyControlClusterNeedsALegacyCluster() {
        List<ClusterSnapshot> modern = List.of(ocp(ClusterRole.SOURCE, "a", "4.9", prepared()),
                ocp(ClusterRole.TARGET, "b", "4.12", prepared()));
        CompatibilityReport report = evaluator.evaluate(modern,
                MigrationDecisions.none().withNetworkWorkaround(NetworkWorkaround.LEGACY_CONTROL_CLUSTER)
                        .withMtcVersion(MtcVersion.of("1.7")));
        assertThat(row(report, CheckKind.CONTROL_CLUSTER, null).severity()).isEqualTo(Severity.BLOCKING);
        assertThat(row(report, CheckKind.CONTROL_CLUSTER, null).summary()).contains("No legacy cluster");
    }

    @Test
    void tunnelIsNotTheAnswerWithMtc18() {
        List<ClusterSnapshot> modern = List.of(ocp(ClusterRole.SOURCE, "a", "4.10", prepared()),
                ocp(ClusterRole.TARGET, "b", "4.12", prepared()));
        CompatibilityReport report = evaluator.evaluate(modern, MigrationDecisions.none()
                .withRemoteReachesControl("a", Reachability.NO).withNetworkWorkaround(NetworkWorkaround.TUNNEL_API));
        assertThat(row(report, CheckKind.REMOTE_REACHES_CONTROL, "a").severity()).isEqualTo(Severity.BLOCKING);
    }

    @Test
    void allLegacyClustersBlockWithoutTheEdgeCase() {
        List<ClusterSnapshot> legacy = List.of(ocp(ClusterRole.SOURCE, "a", "3.11", ClusterInventory.empty()),
                ocp(ClusterRole.TARGET, "b", "4.5", prepared()));
        CheckResult control = row(evaluator.evaluate(legacy, MigrationDecisions.none()), CheckKind.CONTROL_CLUSTER, null);
        assertThat(control.severity()).isEqualTo(Severity.BLOCKING);
        assertThat(control.action()).contains("Add a cluster on OpenShift 4.6 or later");
    }

    @Test
    void nonAdminAndUnreachableClustersBlock() {
        CompatibilityReport report = evaluator.evaluate(List.of(TestClusters.nonAdmin(ClusterRole.SOURCE, "a", "4.12"),
                TestClusters.unreachable(ClusterRole.TARGET, "b")), MigrationDecisions.none());
        CheckResult admin = row(report, CheckKind.CLUSTER_ADMIN, "a");
        assertThat(admin.severity()).isEqualTo(Severity.BLOCKING);
        assertThat(admin.action()).contains("oc adm policy add-cluster-role-to-user cluster-admin developer");
        CheckResult api = row(report, CheckKind.API_REACHABLE, "b");
        assertThat(api.severity()).isEqualTo(Severity.BLOCKING);
        assertThat(api.summary()).contains("refused the connection");
        assertThat(report.checksFor("b")).hasSize(1);
        assertThat(report.verdict()).isEqualTo(Verdict.BLOCKED);
        assertThat(report.verdictText()).startsWith("2 checks block the migration");
    }

    @Test
    void versionDerivedFromKubernetesIsAWarning() {
        ClusterSnapshot base = ocp(ClusterRole.SOURCE, "a", "4.12", prepared());
        var f = base.facts();
        ClusterSnapshot noVersion = ClusterSnapshot.connected(ClusterRole.SOURCE, new io.mtcassistant.cluster.ClusterFacts(
                f.context(), f.apiUrl(), f.kubernetesVersion(), null, null, f.platform(), f.user(), true), prepared());
        CompatibilityReport report = evaluator.evaluate(List.of(noVersion, ocp(ClusterRole.TARGET, "b", "4.12", prepared())),
                MigrationDecisions.none());
        CheckResult platform = row(report, CheckKind.PLATFORM_AND_VERSION, "a");
        assertThat(platform.severity()).isEqualTo(Severity.WARNING);
        assertThat(platform.facts()).anySatisfy(fact -> assertThat(fact.source()).contains("derived from Kubernetes"));
    }

    @Test
    void choosingAnOptionOfARowGivesTheDecisionsToEvaluateAgain() {
        CompatibilityReport report = evaluator.evaluate(ocp311To412, MigrationDecisions.none()
                .withRemoteReachesControl("onprem", Reachability.NO));
        CheckResult version = row(report, CheckKind.SAME_MTC_VERSION, null);
        MigrationDecisions decided = report.decisions().choose(version, "mtc-1.7");
        assertThat(decided.mtcVersion()).isEqualTo(MtcVersion.of("1.7"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> report.decisions().choose(version, "mtc-1.8"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not possible");

        CompatibilityReport second = evaluator.evaluate(ocp311To412, decided);
        CheckResult reach = row(second, CheckKind.REMOTE_REACHES_CONTROL, "onprem");
        assertThat(reach.severity()).isEqualTo(Severity.NEEDS_DECISION);
        CompatibilityReport tunnel = evaluator.evaluate(ocp311To412, decided.choose(reach, "tunnel-api"));
        assertThat(tunnel.verdict().canProceed()).isTrue();
        assertThat(tunnel.plan().tunnelCommands()).hasSize(1);
        CompatibilityReport fixed = evaluator.evaluate(ocp311To412, decided.choose(reach, "fix-network"));
        assertThat(row(fixed, CheckKind.REMOTE_REACHES_CONTROL, "onprem").severity()).isEqualTo(Severity.OK);
        CompatibilityReport legacy = evaluator.evaluate(ocp311To412, decided.choose(reach, "legacy-control-cluster"));
        assertThat(legacy.plan().controlCluster()).isEqualTo("onprem");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> decided.choose(row(second, CheckKind.CONTROL_CLUSTER, null), "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static DecisionOption option(DecisionRequest request, String id) {
        return request.options().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
    }
}
