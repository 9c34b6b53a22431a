package io.mtcassistant.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mtcassistant.common.XdgDirs;
import io.mtcassistant.install.MigrationControllers;
import io.mtcassistant.install.plan.ActionState;
import io.mtcassistant.install.plan.ApplyResult;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.install.plan.ChangePlanApplier;
import io.mtcassistant.install.plan.ChangePlanExporter;
import io.mtcassistant.install.plan.ChangePlanPreview;
import io.mtcassistant.install.plan.KubeObjects;
import io.mtcassistant.sim.DemoNetwork;
import io.mtcassistant.sim.SimulatedCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The network step's engine on the demo's simulated pair: findings, fixes through the change plan, the proxy patch. */
class NetworkSimulationTest {

    private static final String PASSWORD = "Tr4nsfer-s3cret";
    private static SimulatedCluster source;
    private static SimulatedCluster target;
    private static KubernetesClient sourceClient;
    private static KubernetesClient targetClient;

    @BeforeAll
    static void start() {
        source = SimulatedCluster.builder().name("net-source").openShift3("3.11.784").admin(true).start();
        target = SimulatedCluster.builder().name("net-target").openShift4("4.12.45").admin(true).start();
        DemoNetwork.seed(source, target);
        sourceClient = source.client();
        targetClient = target.client();
    }

    @AfterAll
    static void stop() {
        sourceClient.close();
        targetClient.close();
        source.close();
        target.close();
    }

    private static ChangePlanApplier applier(KubernetesClient client) {
        return new ChangePlanApplier(client, Duration.ofMillis(100), Clock.systemUTC());
    }

    @Test
    void findsTheDemosBlockingPolicyAndFixesItThroughTheChangePlan() {
        Cidr other = Cidr.parse("other", DemoNetwork.TARGET_MACHINE_NETWORK);
        assertThat(NetworkScan.userNamespaces(sourceClient)).containsAll(DemoNetwork.NAMESPACES);
        NetworkScan scan = new NetworkScan("net-source", sourceClient, other, RsyncEndpointType.ROUTE);
        List<NetworkFinding> findings = scan.scan(List.of("crm", "webshop"));
        List<NetworkFinding> blocking = findings.stream().filter(NetworkFinding::blocking).toList();
        assertThat(blocking).hasSize(2).allSatisfy(f -> {
            assertThat(f.namespace()).isEqualTo("crm");
            assertThat(f.verdict().deciders()).containsExactly(DemoNetwork.DENY_ALL);
        });
        ChangePlan plan = NetworkPlanner.plan("net-source", null, null, findings, SecretHandling.PLACEHOLDER,
                Duration.ofSeconds(60));
        assertThat(plan.actions()).extracting(a -> a.target().name())
                .containsExactly(RsyncNetworkFixes.EGRESS_POLICY, RsyncNetworkFixes.INGRESS_POLICY);
        ApplyResult result = applier(sourceClient).apply(plan, o -> { });
        assertThat(result.outcomes()).extracting(o -> o.state()).containsOnly(ActionState.DONE);
        assertThat(scan.scan(List.of("crm")).stream().filter(NetworkFinding::blocking)).isEmpty();
        ApplyResult again = applier(sourceClient).apply(plan, o -> { });
        assertThat(again.outcomes()).extracting(o -> o.state()).containsOnly(ActionState.ALREADY_PRESENT);
    }

    @Test
    void anEgressRuleThatDeniesTheOtherClusterGetsAnAllowRulePutFirst() {
        Cidr other = Cidr.parse("other", "10.0.0.0/16");
        sourceClient.genericKubernetesResources(EgressRulesEvaluator.SDN_API, EgressRulesEvaluator.SDN_KIND)
                .inNamespace("payroll").resource(Serialization.unmarshal("apiVersion: network.openshift.io/v1\n"
                        + "kind: EgressNetworkPolicy\nmetadata:\n  name: test-egress-policy\n  namespace: payroll\nspec:\n"
                        + "  egress:\n  - type: Deny\n    to:\n      cidrSelector: 0.0.0.0/0\n",
                        GenericKubernetesResource.class)).create();
        NetworkScan scan = new NetworkScan("net-source", sourceClient, other, RsyncEndpointType.ROUTE);
        NetworkFinding finding = scan.scan(List.of("payroll")).stream().filter(NetworkFinding::blocking).findFirst()
                .orElseThrow();
        assertThat(finding.mechanism()).isEqualTo("EgressNetworkPolicy");
        ChangePlan plan = NetworkPlanner.plan("net-source", null, null, List.of(finding), SecretHandling.PLACEHOLDER,
                Duration.ofSeconds(60));
        String preview = ChangePlanPreview.text(plan, ChangePlanPreview.of(plan, sourceClient));
        assertThat(preview).contains("+  - type: Allow").contains("+      cidrSelector: 10.0.0.0/16");
        applier(sourceClient).apply(plan, o -> { });
        GenericKubernetesResource live = sourceClient.genericKubernetesResources(EgressRulesEvaluator.SDN_API,
                EgressRulesEvaluator.SDN_KIND).inNamespace("payroll").withName("test-egress-policy").get();
        assertThat(EgressRulesEvaluator.rules(live)).extracting(r -> r.get("type")).containsExactly("Allow", "Deny");
        assertThat(scan.scan(List.of("payroll")).stream().filter(NetworkFinding::blocking)).isEmpty();
    }

    @Test
    void readsTheClusterWideProxyOnlyWhereOpenShiftHasOne() {
        ClusterProxy three = ClusterProxy.read(sourceClient, "3.11.784");
        assertThat(three.exists()).isFalse();
        assertThat(three.note()).contains("OpenShift 3.11 has no cluster-wide proxy object");
        ClusterProxy four = ClusterProxy.read(targetClient, "4.12.45");
        assertThat(four.exists()).isTrue();
        assertThat(four.note()).contains("is empty");
        assertThat(new NoProxySuggestions().machineNetworkOf(targetClient).against("")).extracting(NoProxySuggestion::entry)
                .containsExactly(DemoNetwork.TARGET_MACHINE_NETWORK);
    }

    /** Stands in for the operator (none runs here): a finished ansible run, as ansible-operator writes its status. */
    private static void reconciled(KubernetesClient client, boolean failed) {
        var controllers = client.genericKubernetesResources(MigrationControllers.API_VERSION, MigrationControllers.KIND)
                .inNamespace(MigrationControllers.NAMESPACE);
        GenericKubernetesResource now = controllers.withName(MigrationControllers.NAME).get();
        Map<String, Object> result = Map.of("completion", java.time.Instant.now().toString());
        now.getAdditionalProperties().put("status", Map.of("conditions", failed
                ? List.of(Map.of("type", "Running", "status", "False", "reason", "Failed"), Map.of("type", "Failure",
                        "status", "True", "message", "bad proxy", "ansibleResult", result))
                : List.of(Map.of("type", "Running", "status", "True", "reason", "Successful", "ansibleResult", result),
                        Map.of("type", "Successful", "status", "True"))));
        controllers.resource(now).updateStatus();
    }

    @Test
    void aFailureFromBeforeThePatchDoesNotEndTheWaitButANewOneDoes() {
        sourceClient.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
                .withName(MigrationControllers.NAMESPACE).endMetadata().build()).createOr(c -> c.update());
        sourceClient.genericKubernetesResources(MigrationControllers.API_VERSION, MigrationControllers.KIND)
                .inNamespace(MigrationControllers.NAMESPACE).resource(KubeObjects.generic(Map.of("apiVersion",
                        MigrationControllers.API_VERSION, "kind", MigrationControllers.KIND, "metadata", Map.of("name",
                                MigrationControllers.NAME, "namespace", MigrationControllers.NAMESPACE), "spec",
                        Map.of("migration_velero", true, "http_proxy", "bad-proxy")))).create();
        reconciled(sourceClient, true);
        ChangePlan fix = NetworkPlanner.plan("net-source", NetworkPlanner.liveController(sourceClient),
                new ControllerSettings("http://proxy.corp:3128", null, null, null, null, null, null), List.of(),
                SecretHandling.INCLUDE, Duration.ofSeconds(60));
        List<String> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
        ApplyResult fixed = applier(sourceClient).apply(fix, o -> {
            if (o.index() == 1 && o.message().contains("from before the change") && progress.isEmpty()) {
                progress.add(o.message());
                reconciled(sourceClient, false);
            }
        });
        assertThat(progress).singleElement().asString().startsWith("status.conditions[type=Successful].status is not"
                + " set yet from before the change");
        assertThat(fixed.outcomes()).extracting(o -> o.state()).containsExactly(ActionState.DONE, ActionState.DONE);

        ChangePlan broken = NetworkPlanner.plan("net-source", NetworkPlanner.liveController(sourceClient),
                new ControllerSettings("http://proxy2.corp:3128", null, null, null, null, null, null), List.of(),
                SecretHandling.INCLUDE, Duration.ofSeconds(60));
        ApplyResult failed = applier(sourceClient).apply(broken, o -> {
            if (o.index() == 1 && o.message().contains("from before the change")) {
                reconciled(sourceClient, true);
            }
        });
        assertThat(failed.outcomes()).extracting(o -> o.state()).containsExactly(ActionState.DONE, ActionState.FAILED);
        assertThat(failed.outcomes().get(1).message()).endsWith("status.conditions[type=Failure].status is True: bad proxy");
    }

    @Test
    void suggestsTheNodesNetworkWhereNoMachineNetworkHoldsIt() {
        assertThat(new NoProxySuggestions().machineNetworkOf(sourceClient).nodeAddressesOf(sourceClient).against(""))
                .extracting(NoProxySuggestion::entry).containsExactly("192.168.10.0/24");
        assertThat(new NoProxySuggestions().machineNetworkOf(targetClient).nodeAddressesOf(targetClient).against(""))
                .extracting(NoProxySuggestion::entry).containsExactly(DemoNetwork.TARGET_MACHINE_NETWORK);
    }

    @Test
    void theProxyPatchKeepsOtherFieldsAndNeverLogsOrExportsThePassword(@TempDir Path dir) throws Exception {
        Path log = XdgDirs.system().state().resolve("mtc-assistant.log");
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        Map<String, Object> spec = new java.util.LinkedHashMap<>(Map.of("cluster_name", "host", "migration_velero", true,
                "migration_controller", true, "migration_ui", true, "httpProxy", "http://old.corp:3128"));
        GenericKubernetesResource controller = KubeObjects.generic(Map.of("apiVersion", MigrationControllers.API_VERSION,
                "kind", MigrationControllers.KIND, "metadata", Map.of("name", MigrationControllers.NAME,
                        "namespace", MigrationControllers.NAMESPACE), "spec", spec));
        targetClient.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
                .withName(MigrationControllers.NAMESPACE).endMetadata().build()).createOr(c -> c.update());
        var resource = targetClient.genericKubernetesResources(MigrationControllers.API_VERSION, MigrationControllers.KIND)
                .inNamespace(MigrationControllers.NAMESPACE);
        GenericKubernetesResource created = resource.resource(controller).create();
        created.getAdditionalProperties().put("status", Map.of("conditions", List.of(Map.of("type", "Successful",
                "status", "True", "message", "Last reconciliation succeeded"))));
        resource.resource(created).updateStatus();

        ControllerSettings settings = new ControllerSettings("http://proxy.corp:3128", "http://proxy.corp:3128",
                ".corp,10.0.0.0/16", "http://dvm:" + PASSWORD + "@10.0.0.5:3128", "Route", null, "1000,2000");
        GenericKubernetesResource live = NetworkPlanner.liveController(targetClient);
        ChangePlan exported = NetworkPlanner.plan("net-target", live, settings, List.of(), SecretHandling.PLACEHOLDER,
                Duration.ofSeconds(60));
        Path out = dir.resolve("export");
        ChangePlanExporter.export(exported, out);
        String all = String.join("\n", Files.list(out).map(p -> {
            try {
                return Files.readString(p);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList());
        assertThat(all).contains("stunnel_tcp_proxy: http://dvm:PASSWORD-NOT-EXPORTED@10.0.0.5:3128")
                .contains("httpProxy: null").doesNotContain(PASSWORD);
        String preview = ChangePlanPreview.text(exported, ChangePlanPreview.of(exported, targetClient));
        assertThat(preview).doesNotContain(PASSWORD).contains("-  httpProxy:").contains("+  http_proxy:");

        ChangePlan applied = NetworkPlanner.plan("net-target", live, settings, List.of(), SecretHandling.INCLUDE,
                Duration.ofSeconds(60));
        // No operator runs on this cluster: the test reconciles in its place once the wait has seen the old status.
        ApplyResult result = applier(targetClient).apply(applied, o -> {
            if (o.index() == 1 && o.message().contains("from before the change")) {
                GenericKubernetesResource now = resource.withName(MigrationControllers.NAME).get();
                now.getAdditionalProperties().put("status", Map.of("conditions", List.of(
                        Map.of("type", "Running", "status", "True", "reason", "Successful",
                                "ansibleResult", Map.of("completion", java.time.Instant.now().toString())),
                        Map.of("type", "Successful", "status", "True", "message", "Last reconciliation succeeded"))));
                resource.resource(now).updateStatus();
            }
        });
        assertThat(result.outcomes()).extracting(o -> o.state()).containsExactly(ActionState.DONE, ActionState.DONE);
        Map<String, Object> after = NetworkPlanner.spec(NetworkPlanner.liveController(targetClient));
        assertThat(after).containsEntry("cluster_name", "host").containsEntry("migration_ui", true)
                .containsEntry("http_proxy", "http://proxy.corp:3128").doesNotContainKey("httpProxy")
                .containsEntry("stunnel_tcp_proxy", "http://dvm:" + PASSWORD + "@10.0.0.5:3128")
                .containsEntry("target_supplemental_groups", "1000,2000");
        assertThat(ReconcileReport.read(targetClient)).anyMatch(l -> l.contains("Successful=True"));
        if (Files.exists(log)) {
            byte[] bytes = Files.readAllBytes(log);
            String written = new String(bytes, (int) Math.min(logStart, bytes.length),
                    (int) (bytes.length - Math.min(logStart, bytes.length)), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(written).contains("stunnel").doesNotContain(PASSWORD);
        }
    }
}
