package io.mtcassistant.compat;

import static io.mtcassistant.compat.TestClusters.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.cluster.ClusterRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every combination of source and target platform the issue names, against the built-in table. */
class PlatformPairsTest {

    private static final String KUBERNETES = "k8s";
    private static final List<String> PLATFORMS = List.of("3.11", "4.2", "4.5", "4.6", "4.9", "4.10", "4.12", "4.16", KUBERNETES);
    /** The table's stable MTC version per release, written out by hand as the test's own expectation. */
    private static final Map<String, String> STABLE = Map.of("3.11", "1.7", "4.2", "1.7", "4.5", "1.7", "4.6", "1.7",
            "4.9", "1.7", "4.10", "1.8", "4.12", "1.8", "4.16", "1.8");
    private static final List<String> LEGACY = List.of("3.11", "4.2", "4.5");

    static Stream<Arguments> pairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (String source : PLATFORMS) {
            for (String target : PLATFORMS) {
                pairs.add(Arguments.of(source, target));
            }
        }
        return pairs.stream();
    }

    private static ClusterSnapshot cluster(ClusterRole role, String context, String platform) {
        return KUBERNETES.equals(platform) ? TestClusters.kubernetes(role, context)
                : TestClusters.ocp(role, context, platform, TestClusters.prepared());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void pair(String source, String target) {
        CompatibilityReport report = TestClusters.evaluator().evaluate(
                List.of(cluster(ClusterRole.SOURCE, "src", source), cluster(ClusterRole.TARGET, "dst", target)),
                MigrationDecisions.none());

        CheckResult version = row(report, CheckKind.SAME_MTC_VERSION, null);
        CheckResult control = row(report, CheckKind.CONTROL_CLUSTER, null);
        if (source.equals(KUBERNETES) || target.equals(KUBERNETES)) {
            String plain = source.equals(KUBERNETES) ? "src" : "dst";
            CheckResult platform = row(report, CheckKind.PLATFORM_AND_VERSION, plain);
            assertThat(platform.severity()).isEqualTo(Severity.BLOCKING);
            assertThat(platform.explanation()).contains("plain Kubernetes").contains("covers only OpenShift Container Platform");
            assertThat(platform.action()).contains("MTC cannot migrate to or from plain Kubernetes");
            assertThat(report.verdict()).isEqualTo(Verdict.BLOCKED);
            assertThat(report.plan().mtcVersion()).isNull();
            return;
        }
        assertThat(row(report, CheckKind.PLATFORM_AND_VERSION, "src").severity()).isEqualTo(Severity.OK);
        assertThat(row(report, CheckKind.PLATFORM_AND_VERSION, "dst").severity()).isEqualTo(Severity.OK);

        String stableSource = STABLE.get(source);
        String stableTarget = STABLE.get(target);
        if (stableSource.equals(stableTarget)) {
            assertThat(version.severity()).isEqualTo(Severity.OK);
            assertThat(report.plan().mtcVersion()).isEqualTo(MtcVersion.of(stableSource));
            String method = LEGACY.contains(source) ? "legacy-operator" : "olm";
            assertThat(report.plan().cluster("src").orElseThrow().install().method().id()).isEqualTo(method);
        } else {
            assertThat(version.severity()).isEqualTo(Severity.NEEDS_DECISION);
            assertThat(report.plan().mtcVersion()).isNull();
            DecisionRequest request = version.decision();
            assertThat(request.topic()).isEqualTo(DecisionTopic.MTC_VERSION);
            // 1.7 can run everywhere (off the table on 4.10+); 1.8 cannot run on the 1.7-only cluster.
            assertThat(request.availableOptions()).extracting(DecisionOption::id).containsExactly("mtc-1.7");
            assertThat(report.verdict()).isIn(Verdict.NEEDS_DECISION, Verdict.BLOCKED);
        }

        boolean sourceLegacy = LEGACY.contains(source);
        boolean targetLegacy = LEGACY.contains(target);
        if (sourceLegacy && targetLegacy) {
            assertThat(control.severity()).isEqualTo(Severity.BLOCKING);
            assertThat(control.explanation()).contains("This cluster cannot be the control cluster.");
            assertThat(report.verdict()).isEqualTo(Verdict.BLOCKED);
        } else {
            assertThat(control.severity()).isEqualTo(Severity.OK);
            String expected = targetLegacy ? "src" : sourceLegacy ? "dst"
                    : OpenShiftVersion.of(source).compareTo(OpenShiftVersion.of(target)) > 0 ? "src" : "dst";
            assertThat(report.plan().controlCluster()).isEqualTo(expected);
        }
        if (!sourceLegacy || !targetLegacy) {
            if (stableSource.equals(stableTarget)) {
                // Everything prepared, remote reachability not stated: warnings only.
                assertThat(report.verdict()).isEqualTo(Verdict.READY_WITH_WARNINGS);
            }
        }
    }
}
