package io.mtcassistant.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlanValidatorTest {

    private static List<String> errors(PlanRequest request, PlanLimits limits) {
        return PlanValidator.validate(request, PlanFixtures.inventory(limits)).stream().filter(PlanProblem::blocking)
                .map(PlanProblem::line).toList();
    }

    @Test
    void aValidRequestHasNoErrors() {
        assertThat(errors(PlanFixtures.request("shop-plan", "shop", "wiki:wiki-new"), PlanLimits.DEFAULTS)).isEmpty();
    }

    @Test
    void namesMustBeKubernetesNames() {
        assertThat(KubernetesName.problem("shop-1")).isEmpty();
        assertThat(KubernetesName.problem("Shop")).get().asString().contains("lower-case");
        assertThat(KubernetesName.problem("-shop")).isPresent();
        assertThat(KubernetesName.problem("a".repeat(64))).get().asString().contains("64 characters");
        assertThat(KubernetesName.problem("")).contains("is empty");
        assertThat(errors(PlanFixtures.request("My_Plan", "shop"), PlanLimits.DEFAULTS))
                .singleElement().asString().startsWith("name: 'My_Plan' must be lower-case");
    }

    @Test
    void namespacesMapSourceToTarget() {
        NamespaceMapping renamed = NamespaceMapping.parse("shop:shop-new");
        assertThat(renamed.source()).isEqualTo("shop");
        assertThat(renamed.target()).isEqualTo("shop-new");
        assertThat(renamed.specValue()).isEqualTo("shop:shop-new");
        NamespaceMapping same = NamespaceMapping.parse("shop");
        assertThat(same.renamed()).isFalse();
        assertThat(same.specValue()).isEqualTo("shop");
        assertThat(NamespaceMapping.parse("shop:").specValue()).isEqualTo("shop");
        assertThat(MigPlanManifests.migPlan(PlanFixtures.request("p", "shop", "wiki:wiki-new"))
                .getAdditionalProperties().get("spec")).asString().contains("namespaces=[shop, wiki:wiki-new]");
        assertThat(errors(PlanFixtures.request("p", "shop:Bad"), PlanLimits.DEFAULTS))
                .anyMatch(e -> e.startsWith("namespaces: target namespace 'Bad'"));
        assertThat(errors(PlanFixtures.request("p", "shop:x", "wiki:x"), PlanLimits.DEFAULTS))
                .contains("namespaces: two namespaces go to x");
    }

    @Test
    void systemNamespacesAreFlagged() {
        assertThat(NamespaceMapping.isSystem("openshift-monitoring")).isTrue();
        assertThat(NamespaceMapping.isSystem("kube-system")).isTrue();
        assertThat(NamespaceMapping.isSystem("default")).isTrue();
        assertThat(NamespaceMapping.isSystem("shop")).isFalse();
        List<PlanProblem> problems = PlanValidator.validate(PlanFixtures.request("p", "openshift-monitoring"),
                PlanFixtures.inventory(PlanLimits.DEFAULTS));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.blocking()).isFalse();
            assertThat(p.message()).contains("system namespace");
        });
    }

    @Test
    void limitsAreCheckedBeforeCreating() {
        assertThat(errors(PlanFixtures.request("p", "shop", "wiki"), new PlanLimits(1, 100, 100)))
                .containsExactly("namespaces: 2 namespaces exceed the controller's limit of 1 (mig_namespace_limit): "
                        + "split the plan");
        assertThat(errors(PlanFixtures.request("p", "shop", "big"), PlanLimits.DEFAULTS))
                .containsExactly("namespaces: 101 persistent volumes exceed the controller's limit of 100 "
                        + "(mig_pv_limit): split the plan or raise the limit");
        assertThat(errors(PlanFixtures.request("p", "shop", "big", "wiki", "openshift-monitoring"),
                PlanLimits.DEFAULTS)).anyMatch(e -> e.startsWith("namespaces: 115 pods exceed"));
    }

    @Test
    void limitsComeFromTheMigrationControllerWithDefaults() {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(PlanLimits.of(null)).isEqualTo(new PlanLimits(10, 100, 100));
        assertThat(PlanLimits.of(mapper.createObjectNode().set("spec", mapper.createObjectNode()
                .put("mig_pv_limit", "25").put("mig_namespace_limit", 3))))
                .isEqualTo(new PlanLimits(3, 100, 25));
    }

    @Test
    void onlyReadyClustersAndExistingNamespacesPass() {
        PlanRequest request = new PlanRequest("p", "old-cluster", "host", "nope", List.of(NamespaceMapping.parse("gone")),
                List.of(), false, false, List.of());
        assertThat(errors(request, PlanLimits.DEFAULTS)).containsExactly(
                "source-cluster: MigCluster 'old-cluster' is not Ready: TestConnectFailed: dial tcp: i/o timeout",
                "storage: MigStorage 'nope' does not exist",
                "namespaces: gone does not exist on the source cluster");
    }

    @Test
    void directImagesNeedTheSourceRegistryRoute() {
        PlanRequest request = new PlanRequest("p", "host", "sim-source", "replication-repository",
                List.of(NamespaceMapping.parse("shop")), List.of(), true, true, List.of());
        assertThat(errors(request, PlanLimits.DEFAULTS)).singleElement().asString()
                .startsWith("direct-images: MigCluster 'host' has no exposed registry route");
    }

    private static List<String> volumeWarnings(String source, String target, RsyncEndpoint rsync) {
        PlanInventory base = PlanFixtures.inventory(PlanLimits.DEFAULTS);
        PlanInventory inventory = new PlanInventory(base.clusters(), base.storages(), base.limits(),
                base.sourceNamespaces(), rsync);
        PlanRequest request = new PlanRequest("p", source, target, "replication-repository",
                List.of(NamespaceMapping.parse("shop")), List.of(), false, true, List.of());
        return PlanValidator.validate(request, inventory).stream().filter(p -> p.field().equals("direct-volumes"))
                .map(p -> (p.blocking() ? "error " : "warning ") + p.message()).toList();
    }

    @Test
    void directVolumesSayWhatTheRsyncEndpointNeedsWhenItIsNotSet() {
        assertThat(volumeWarnings("sim-source", "host", new RsyncEndpoint("host", null))).singleElement().asString()
                .startsWith("warning rsync_endpoint_type is not set on the control cluster's MigrationController, "
                        + "so rsync to 'host' uses a Route: a passthrough Route on the destination cluster's router")
                .endsWith("set NodePort (or ClusterIP) in the Proxy & network step, or use indirect volume migration");
        assertThat(new RsyncEndpoint("host", null).needs("host")).startsWith("To host rsync uses a Route endpoint "
                + "(rsync_endpoint_type unset: the controller's default): a passthrough Route");

        RsyncEndpoint nodePort = new RsyncEndpoint("host", "NodePort");
        assertThat(volumeWarnings("sim-source", "host", nodePort)).isEmpty();
        assertThat(nodePort.needs("host")).startsWith("To host rsync uses a NodePort endpoint (rsync_endpoint_type "
                + "= NodePort): a NodePort Service: the source must reach the destination's node addresses");

        assertThat(volumeWarnings("sim-source", "host", new RsyncEndpoint("host", "LoadBalancer"))).singleElement()
                .asString().contains("'LoadBalancer'", "silently uses Route", "Proxy & network step");
        assertThat(volumeWarnings("sim-source", "host", new RsyncEndpoint("host", "ClusterIP"))).singleElement()
                .asString().startsWith("warning rsync_endpoint_type ClusterIP works only when the source's pods can "
                        + "reach the destination's service network");
        assertThat(volumeWarnings("host", "host", new RsyncEndpoint("host", "ClusterIP")))
                .as("within one cluster ClusterIP is fine").isEmpty();
        assertThat(volumeWarnings("host", "sim-source", new RsyncEndpoint("host", "NodePort"))).singleElement()
                .asString().startsWith("warning MigCluster 'sim-source' is not the control cluster: its "
                        + "rsync_endpoint_type is not checked here");
        assertThat(volumeWarnings("sim-source", "host", null)).as("not read: not checked").isEmpty();
    }

    @Test
    void pvChoicesParse() {
        assertThat(PvChoice.parse("pv-a=copy:snapshot:gp3-csi"))
                .isEqualTo(new PvChoice("pv-a", PvAction.COPY, CopyMethod.SNAPSHOT, "gp3-csi", null, null));
        assertThat(PvChoice.parse("pv-b=skip").action()).isEqualTo(PvAction.SKIP);
        assertThatThrownBy(() -> PvChoice.parse("pv-b=keep")).hasMessageContaining("use copy, move or skip");
        assertThatThrownBy(() -> PvChoice.parse("pv-b=move:snapshot")).hasMessageContaining("copy only");
        assertThatThrownBy(() -> PvChoice.parse("copy")).hasMessageContaining("NAME=");
        // the access mode and verify parts come after the older ones, so older --pv values read as before
        assertThat(PvChoice.parse("pv-a=copy:filesystem:cephfs:ReadWriteMany:verify")).isEqualTo(
                new PvChoice("pv-a", PvAction.COPY, CopyMethod.FILESYSTEM, "cephfs", "ReadWriteMany", true));
        assertThat(PvChoice.parse("pv-a=copy::::verify"))
                .isEqualTo(new PvChoice("pv-a", PvAction.COPY, null, null, null, true));
        assertThat(PvChoice.parse("pv-a=copy:::ReadWriteOnce:no-verify"))
                .isEqualTo(new PvChoice("pv-a", PvAction.COPY, null, null, "ReadWriteOnce", false));
        assertThatThrownBy(() -> PvChoice.parse("pv-a=copy:::RWX")).hasMessageContaining("'RWX' is not an access "
                + "mode: use ReadWriteOnce, ReadWriteMany, ReadOnlyMany, ReadWriteOncePod");
        assertThatThrownBy(() -> PvChoice.parse("pv-a=copy::::yes")).hasMessageContaining("verify or no-verify");
        assertThatThrownBy(() -> PvChoice.parse("pv-a=copy:snapshot:::verify"))
                .hasMessageContaining("verify checks filesystem copies");
        assertThatThrownBy(() -> PvChoice.parse("pv-a=skip:::ReadWriteOnce")).hasMessageContaining("copy only");
        assertThatThrownBy(() -> PvChoice.parse("pv-a=copy:filesystem:c:ReadWriteOnce:verify:x"))
                .hasMessageContaining("too many ':' parts");
    }
}
