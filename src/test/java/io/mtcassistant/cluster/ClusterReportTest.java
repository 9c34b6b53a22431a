package io.mtcassistant.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterReportTest {

    private static final ContextEntry SOURCE = new ContextEntry("src", Path.of("/k/a"), "c1", "https://a:8443", "u1",
            null);
    private static final ContextEntry TARGET = new ContextEntry("dst", Path.of("/k/b"), "c2", "https://b:6443", null,
            "default");

    private static ConnectionOutcome connected(ClusterFacts facts) {
        ClusterSession session = new ClusterSession() {
            @Override
            public ContextEntry context() {
                return SOURCE;
            }

            @Override
            public ClusterFacts facts() {
                return facts;
            }

            @Override
            public io.fabric8.kubernetes.client.KubernetesClient client() {
                throw new UnsupportedOperationException();
            }

            @Override
            public void close() {
            }
        };
        return new ConnectionOutcome.Connected(SOURCE, session);
    }

    private static final ClusterFacts UPDATING = new ClusterFacts("src", "https://a:8443", "v1.25.0", "4.12.45",
            "4.13.1", PlatformClass.MODERN, "kube:admin", true);
    private static final ConnectionFailure TLS = new ConnectionFailure(FailureKind.TLS_UNTRUSTED,
            "The API server at https://b:6443 presented a certificate that this machine does not trust.",
            "Choose the cluster's CA file.", "SSLHandshakeException: PKIX path building failed");

    @Test
    void openShiftTextShowsAnUpdateInProgress() {
        assertThat(ClusterReport.openShiftText(UPDATING)).isEqualTo("4.12.45 (updating to 4.13.1)");
        assertThat(ClusterReport.openShiftText(new ClusterFacts("k", "u", "v1.29.0", null, null,
                PlatformClass.NOT_OPENSHIFT, "me", false))).isEqualTo("not OpenShift");
    }

    @Test
    void tableHasARowPerContextAndExplainsFailures() {
        String table = ClusterReport.table(List.of(connected(UPDATING), new ConnectionOutcome.Failed(TARGET, TLS)));
        List<String> lines = table.lines().toList();
        assertThat(lines.get(0)).startsWith("CONTEXT").contains("CLUSTER-ADMIN");
        assertThat(lines.get(1)).contains("src", "connected", "4.12.45 (updating to 4.13.1)", "modern", "kube:admin",
                "yes");
        assertThat(lines.get(2)).contains("dst", "FAILED: TLS not trusted", "https://b:6443");
        assertThat(table).contains("dst: /k/b, cluster c2, user (none)")
                .contains("dst failed (TLS not trusted): The API server at https://b:6443 presented")
                .contains("  Next step: Choose the cluster's CA file.")
                .contains("  Detail: SSLHandshakeException: PKIX path building failed");
    }

    @Test
    void jsonCarriesFactsAndFailures() throws Exception {
        JsonNode root = new ObjectMapper().readTree(ClusterReport.json(List.of(connected(UPDATING),
                new ConnectionOutcome.Failed(TARGET, TLS))));
        assertThat(root.get("allConnected").asBoolean()).isFalse();
        JsonNode first = root.get("clusters").get(0);
        assertThat(first.get("desiredVersion").asText()).isEqualTo("4.13.1");
        assertThat(first.get("platform").asText()).isEqualTo("MODERN");
        JsonNode second = root.get("clusters").get(1);
        assertThat(second.get("kubeconfigUser").isNull()).isTrue();
        assertThat(second.get("failure").get("label").asText()).isEqualTo("TLS not trusted");
    }
}
