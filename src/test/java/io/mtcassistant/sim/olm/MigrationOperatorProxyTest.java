package io.mtcassistant.sim.olm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mtcassistant.install.plan.ActionOutcome;
import io.mtcassistant.install.plan.ActionState;
import io.mtcassistant.install.plan.ApplyResult;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.install.plan.ChangePlanApplier;
import io.mtcassistant.mirror.catalog.demo.DemoCatalog;
import io.mtcassistant.network.ControllerSettings;
import io.mtcassistant.network.NetworkPlanner;
import io.mtcassistant.network.ReconcileReport;
import io.mtcassistant.network.SecretHandling;
import io.mtcassistant.sim.SimulatedCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulated MTC operator reconciles the proxy settings like mig-operator (migration-proxy Secret, controller env,
 * migration-controller ConfigMap), and the network plan's wait does not end on the Successful condition from before
 * its patch while the operator has not run yet (its pod is down: the image it restarts with cannot be pulled).
 */
class MigrationOperatorProxyTest {

    private static final String PASSWORD = "Dvm-s3cret";
    private static final String INHERITED = "http://cluster-wide.corp:3128";

    @TempDir
    static Path dir;
    static DemoMirror mirror;
    static SimulatedCluster cluster;
    static KubernetesClient client;
    static String operatorImage;

    @BeforeAll
    static void start() {
        mirror = new DemoMirror(dir);
        cluster = SimulatedCluster.builder().name("proxy-sim").openShift3("3.11.784").admin(true).start();
        cluster.operators().speed(SimulationSpeed.fast()).trustRegistry(mirror.registry.endpoint(),
                mirror.registry.caFile());
        client = cluster.client();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(Api.MIGRATION_NAMESPACE)
                .endMetadata().build()).create();
        String registry = mirror.registry.endpoint();
        operatorImage = registry + "/" + DemoCatalog.LEGACY_REPOSITORY + ":v1.7";
        // The operator pod's HTTPS_PROXY stands for what OLM injects from the cluster-wide proxy.
        client.genericKubernetesResources(Api.DEPLOYMENT).resource(Serialization.unmarshal("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: migration-operator, namespace: openshift-migration}
                spec:
                  selector: {matchLabels: {app: migration-operator}}
                  template:
                    metadata: {labels: {app: migration-operator}}
                    spec:
                      containers:
                      - name: operator
                        image: %s
                        env:
                        - {name: REGISTRY, value: "%s"}
                        - {name: HTTPS_PROXY, value: "%s"}
                """.formatted(operatorImage, registry, INHERITED), GenericKubernetesResource.class)).create();
        Eventually.get("operator available", () -> operatorAvailable() == 1);
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (cluster != null) {
            cluster.close();
        }
        if (mirror != null) {
            mirror.close();
        }
    }

    private static int operatorAvailable() {
        return get(Api.DEPLOYMENT, "migration-operator").path("status").path("availableReplicas").asInt();
    }

    private static ObjectNode get(io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext kind, String name) {
        GenericKubernetesResource found = client.genericKubernetesResources(kind).inNamespace(Api.MIGRATION_NAMESPACE)
                .withName(name).get();
        return found == null ? null : Api.JSON.valueToTree(found);
    }

    /** A merge patch replaces the whole containers list, so the patch carries the env again. */
    private static void operatorImage(String image) {
        ObjectNode container = (ObjectNode) get(Api.DEPLOYMENT, "migration-operator").path("spec").path("template")
                .path("spec").path("containers").path(0);
        container.put("image", image);
        ObjectNode patch = Api.object();
        patch.putObject("spec").putObject("template").putObject("spec").putArray("containers").add(container);
        client.genericKubernetesResources(Api.DEPLOYMENT).inNamespace(Api.MIGRATION_NAMESPACE)
                .withName("migration-operator").patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString());
    }

    private static Map<String, String> secretData() {
        ObjectNode secret = get(MigrationProxy.SECRET, MigrationProxy.SECRET_NAME);
        if (secret == null) {
            return null;
        }
        Map<String, String> values = new java.util.TreeMap<>();
        secret.path("data").fields().forEachRemaining(e -> values.put(e.getKey(),
                new String(Base64.getDecoder().decode(e.getValue().asText()), StandardCharsets.UTF_8)));
        return values;
    }

    private static List<String> env(String container) {
        JsonNode containers = get(Api.DEPLOYMENT, "migration-controller").path("spec").path("template").path("spec")
                .path("containers");
        return StreamSupport.stream(containers.spliterator(), false)
                .filter(c -> container.equals(c.path("name").asText()))
                .flatMap(c -> StreamSupport.stream(c.path("env").spliterator(), false))
                .map(e -> e.path("name").asText() + "=" + e.path("value").asText()).toList();
    }

    @Test
    void proxySettingsReachTheSecretAndTheControllerAndTheWaitIsForTheReconcileAfterThePatch() throws Exception {
        client.genericKubernetesResources(Api.MIGRATION_CONTROLLER).resource(Serialization.unmarshal("""
                apiVersion: migration.openshift.io/v1alpha1
                kind: MigrationController
                metadata: {name: migration-controller, namespace: openshift-migration}
                spec: {migration_velero: true, migration_controller: true, migration_log_reader: false,
                       noProxy: .old.corp}
                """, GenericKubernetesResource.class)).create();
        Eventually.get("Successful", () -> Api.condition(get(Api.MIGRATION_CONTROLLER, "migration-controller")
                .path("status").path("conditions"), "Successful") != null);
        assertThat(secretData()).containsExactlyInAnyOrderEntriesOf(Map.of("HTTPS_PROXY", INHERITED,
                "NO_PROXY", ".old.corp"));
        assertThat(env("mtc")).containsExactly("HTTPS_PROXY=" + INHERITED, "NO_PROXY=.old.corp");
        assertThat(ReconcileReport.read(client)).contains("https_proxy: not on the MigrationController; HTTPS_PROXY="
                + INHERITED + " comes from the operator's environment (the cluster-wide proxy)");

        operatorImage(mirror.registry.endpoint() + "/rhmtc/not-mirrored-operator:v1.7");
        Eventually.get("operator down", () -> operatorAvailable() == 0);
        // A round that began while the operator was still up could reconcile the patch below; one round later, none can.
        long round = cluster.operators().rounds();
        cluster.operators().wake();
        Eventually.get("a whole round with the operator down", () -> cluster.operators().rounds() >= round + 2);

        String stunnel = "http://dvm:" + PASSWORD + "@10.0.0.5:3128";
        ControllerSettings settings = new ControllerSettings("http://proxy.corp:3128", null, ".corp,10.0.0.0/16",
                stunnel, null, null, "1000,2000");
        ChangePlan plan = NetworkPlanner.plan("proxy-sim", NetworkPlanner.liveController(client), settings, List.of(),
                SecretHandling.INCLUDE, Duration.ofSeconds(120));
        List<ActionOutcome> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<ApplyResult> applying = CompletableFuture.supplyAsync(() ->
                new ChangePlanApplier(client, Duration.ofMillis(50), Clock.systemUTC()).apply(plan, seen::add));
        ActionOutcome stale = Eventually.get("the wait sees the old Successful", () -> seen.stream()
                .filter(o -> o.index() == 1 && o.state() != ActionState.WAITING && !o.message().isEmpty())
                .findFirst().orElse(null));
        assertThat(stale.state()).as(stale.message()).isEqualTo(ActionState.RUNNING);
        assertThat(stale.message()).startsWith("status.conditions[type=Successful].status is True from before the"
                + " change (not reconciled yet");
        assertThat(secretData()).doesNotContainKey("HTTP_PROXY");

        operatorImage(operatorImage);
        ApplyResult result = applying.get(120, TimeUnit.SECONDS);
        assertThat(result.outcomes()).extracting(ActionOutcome::state).containsExactly(ActionState.DONE,
                ActionState.DONE);
        assertThat(secretData()).containsExactlyInAnyOrderEntriesOf(Map.of("HTTP_PROXY", "http://proxy.corp:3128",
                "HTTPS_PROXY", INHERITED, "NO_PROXY", ".corp,10.0.0.0/16"));
        assertThat(env("discovery")).containsExactly("HTTP_PROXY=http://proxy.corp:3128", "HTTPS_PROXY=" + INHERITED,
                "NO_PROXY=.corp,10.0.0.0/16");
        JsonNode config = get(Api.CONFIG_MAP, MigrationProxy.CONTROLLER_CONFIG).path("data");
        assertThat(config.path("STUNNEL_TCP_PROXY").asText()).isEqualTo(stunnel);
        assertThat(config.path("TARGET_SUPPLEMENTAL_GROUPS").asText()).isEqualTo("1000,2000");
        List<String> report = ReconcileReport.read(client);
        assertThat(report).contains(
                "http_proxy: applied (Secret migration-proxy HTTP_PROXY and the migration-controller env)",
                "no_proxy: applied (Secret migration-proxy NO_PROXY and the migration-controller env)",
                "Secret migration-proxy keys: HTTPS_PROXY, HTTP_PROXY, NO_PROXY")
                .anyMatch(l -> l.startsWith("stunnel_tcp_proxy: applied (ConfigMap migration-controller STUNNEL_TCP_PROXY="))
                .noneMatch(l -> l.contains(PASSWORD));
    }
}
