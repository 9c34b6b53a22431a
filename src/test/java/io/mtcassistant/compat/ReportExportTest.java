package io.mtcassistant.compat;

import static io.mtcassistant.compat.TestClusters.ocp;
import static io.mtcassistant.compat.TestClusters.prepared;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mtcassistant.cluster.ClusterRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportExportTest {

    private final CompatibilityReport conflict = TestClusters.evaluator().evaluate(List.of(
            ocp(ClusterRole.SOURCE, "onprem", "3.11", ClusterInventory.empty()),
            ocp(ClusterRole.TARGET, "cloud", "4.12", prepared()
                    .withProxy(new ClusterInventory.ClusterProxy(true, "http://proxyuser:s3cr3tpass@proxy.corp:3128",
                            "http://proxyuser:s3cr3tpass@proxy.corp:3128", ".cluster.local,.svc", null)))),
            MigrationDecisions.none());

    @Test
    void jsonCarriesVerdictRowsDecisionOptionsAndPlan() throws Exception {
        String json = ReportJson.render(conflict);
        dump("conflict.json", json);
        JsonNode root = ReportJson.mapper().readTree(json);
        assertThat(root.get("verdict").asText()).isEqualTo("NEEDS_DECISION");
        JsonNode first = root.get("checks").get(0);
        assertThat(first.get("check").asText()).isEqualTo("SAME_MTC_VERSION");
        assertThat(first.get("title").asText()).isEqualTo("Same MTC version on every cluster");
        assertThat(first.get("severity").asText()).isEqualTo("NEEDS_DECISION");
        assertThat(first.get("decision").get("options").get(0).get("cliFlag").asText()).isEqualTo("--mtc-version 1.7");
        assertThat(first.get("facts").get(0).get("source").asText()).isEqualTo("Table 7.1");
        assertThat(root.get("plan").get("clusters").get(1).get("context").asText()).isEqualTo("cloud");
        assertThat(root.get("plan").get("mtcVersion").isNull()).isTrue();
        assertThat(json).doesNotContain("s3cr3tpass");
    }

    @Test
    void jsonOfADecidedPlanHasVersionsAsText() throws Exception {
        CompatibilityReport decided = TestClusters.evaluator().evaluate(List.of(
                ocp(ClusterRole.SOURCE, "onprem", "3.11", ClusterInventory.empty()),
                ocp(ClusterRole.TARGET, "cloud", "4.12", prepared())),
                MigrationDecisions.none().withMtcVersion(MtcVersion.of("1.7")));
        JsonNode root = ReportJson.mapper().readTree(ReportJson.render(decided));
        assertThat(root.get("plan").get("mtcVersion").asText()).isEqualTo("1.7");
        JsonNode cloud = root.get("plan").get("clusters").get(1);
        assertThat(cloud.get("openshiftVersion").asText()).isEqualTo("4.12");
        assertThat(cloud.get("install").get("method").asText()).isEqualTo("olm");
        assertThat(cloud.get("install").get("channel").asText()).isEqualTo("release-v1.7");
        assertThat(root.get("decisions").get("mtcVersion").asText()).isEqualTo("1.7");
    }

    @Test
    void decisionsSurviveAJsonRoundTrip() throws Exception {
        MigrationDecisions decisions = MigrationDecisions.none().withMtcVersion(MtcVersion.of("1.7"))
                .withControlCluster("cloud").withNetworkWorkaround(NetworkWorkaround.TUNNEL_API)
                .withRemoteReachesControl("onprem", Reachability.NO).withDefaultRemoteReachesControl(Reachability.YES);
        String json = ReportJson.mapper().writeValueAsString(decisions);
        assertThat(ReportJson.mapper().readValue(json, MigrationDecisions.class)).isEqualTo(decisions);
    }

    @Test
    void markdownHasVerdictPlanTableDetailsAndOptions() throws Exception {
        String md = ReportMarkdown.render(conflict);
        dump("conflict.md", md);
        assertThat(md).startsWith("# MTC compatibility report")
                .contains("**Verdict: Needs your decision**")
                .contains("| Severity | Check | Cluster | Result |")
                .contains("| ❓ needs decision | Same MTC version on every cluster | all |")
                .contains("**Decision needed:** Which MTC version should run on every cluster?")
                .contains("- MTC 1.7 on every cluster — `--mtc-version 1.7`")
                .contains("~~MTC 1.8 on every cluster~~ (not possible)")
                .contains("| `onprem` | source | 3.11 | ocp-3.11 |")
                .doesNotContain("s3cr3tpass");
        String text = ReportText.render(conflict);
        dump("conflict.txt", text);
        assertThat(text).startsWith("Verdict: Needs your decision").contains("[--mtc-version 1.7]");
    }

    private static void dump(String name, String text) throws Exception {
        Path dir = Path.of("target", "report-samples");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name), text);
    }
}
