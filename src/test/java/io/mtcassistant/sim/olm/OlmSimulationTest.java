package io.mtcassistant.sim.olm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.mtcassistant.sim.SimulatedCluster;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated OLM on OpenShift 4, driven through a fabric8 client like the install engine drives a cluster. */
class OlmSimulationTest {

    @TempDir
    static Path dir;
    static DemoMirror mirror;
    static SimulatedCluster cluster;
    static KubernetesClient client;

    @BeforeAll
    static void start() {
        mirror = new DemoMirror(dir);
        cluster = SimulatedCluster.builder().name("olm").openShift4("4.14.10").start();
        cluster.operators().speed(SimulationSpeed.fast()).trustRegistry(mirror.registry.endpoint(),
                mirror.registry.caFile());
        client = cluster.client();
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

    static ObjectNode get(ResourceDefinitionContext kind, String namespace, String name) {
        GenericKubernetesResource found = namespace == null
                ? client.genericKubernetesResources(kind).withName(name).get()
                : client.genericKubernetesResources(kind).inNamespace(namespace).withName(name).get();
        return found == null ? null : Api.JSON.valueToTree(found);
    }

    static List<ObjectNode> list(ResourceDefinitionContext kind, String namespace) {
        return client.genericKubernetesResources(kind).inNamespace(namespace).list().getItems().stream()
                .map(r -> (ObjectNode) Api.JSON.valueToTree(r)).toList();
    }

    static void create(ResourceDefinitionContext kind, String yaml) {
        GenericKubernetesResource resource = io.fabric8.kubernetes.client.utils.Serialization.unmarshal(yaml,
                GenericKubernetesResource.class);
        client.genericKubernetesResources(kind).resource(resource).create();
    }

    static void namespace(String name) {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
                .createOr(existing -> existing.update());
    }

    static void catalogSource(String name, String image) {
        create(Api.CATALOG_SOURCE, """
                apiVersion: operators.coreos.com/v1alpha1
                kind: CatalogSource
                metadata: {name: %s, namespace: openshift-marketplace}
                spec: {sourceType: grpc, image: "%s"}
                """.formatted(name, image));
    }

    static String catalogState(String name) {
        ObjectNode source = get(Api.CATALOG_SOURCE, "openshift-marketplace", name);
        return source == null ? null : source.path("status").path("connectionState").path("lastObservedState").asText(null);
    }

    static void operatorGroupAndSubscription(String namespace, String channel, String startingCsv) {
        namespace(namespace);
        create(Api.OPERATOR_GROUP, """
                apiVersion: operators.coreos.com/v1
                kind: OperatorGroup
                metadata: {name: migration, namespace: %s}
                spec: {targetNamespaces: [%s]}
                """.formatted(namespace, namespace));
        subscription(namespace, channel, startingCsv);
    }

    static void subscription(String namespace, String channel, String startingCsv) {
        create(Api.SUBSCRIPTION, """
                apiVersion: operators.coreos.com/v1alpha1
                kind: Subscription
                metadata: {name: mtc-operator, namespace: %s}
                spec:
                  name: mtc-operator
                  channel: %s
                  installPlanApproval: Manual
                  source: demo-mirror
                  sourceNamespace: openshift-marketplace
                  startingCSV: %s
                """.formatted(namespace, channel, startingCsv));
    }

    static synchronized void mirroredCatalogAndIcsp() {
        if (get(Api.CATALOG_SOURCE, "openshift-marketplace", "demo-mirror") == null) {
            DemoMirror.createAll(client, mirror.catalogSourceAndIcspYaml("demo-mirror"));
        }
        Eventually.get("the mirrored catalog READY", () -> "READY".equals(catalogState("demo-mirror")));
    }

    static ObjectNode approveWhenPlanned(String namespace, String csv) {
        ObjectNode plan = Eventually.get("an InstallPlan for " + csv, () -> list(Api.INSTALL_PLAN, namespace).stream()
                .filter(p -> p.path("spec").path("clusterServiceVersionNames").toString().contains(csv)).findFirst()
                .orElse(null));
        assertThat(plan.path("spec").path("approval").asText()).isEqualTo("Manual");
        assertThat(plan.path("spec").path("approved").asBoolean()).isFalse();
        Eventually.get("RequiresApproval", () -> "RequiresApproval".equals(
                get(Api.INSTALL_PLAN, namespace, Api.name(plan)).path("status").path("phase").asText()));
        client.genericKubernetesResources(Api.INSTALL_PLAN).inNamespace(namespace).withName(Api.name(plan))
                .edit(p -> {
                    @SuppressWarnings("unchecked")
                    java.util.Map<String, Object> spec = (java.util.Map<String, Object>) p.getAdditionalProperties()
                            .get("spec");
                    spec.put("approved", true);
                    return p;
                });
        return plan;
    }

    @Test
    void mirroredCatalogTurnsReadyAndServesPackageManifest() {
        mirroredCatalogAndIcsp();
        ObjectNode manifest = Eventually.get("PackageManifest mtc-operator",
                () -> get(Api.PACKAGE_MANIFEST, "openshift-marketplace", "mtc-operator"));
        assertThat(manifest.path("status").path("catalogSource").asText()).isEqualTo("demo-mirror");
        assertThat(manifest.path("status").path("channels").toString()).contains("release-v1.7", "release-v1.8",
                "mtc-operator.v1.8.8");
    }

    @Test
    void catalogWhoseImageIsMissingStaysInTransientFailureUntilItIsMirrored() {
        String missing = mirror.registry.endpoint() + "/redhat/redhat-operator-index:v4.99";
        catalogSource("late", missing);
        String state = Eventually.get("TRANSIENT_FAILURE", () -> "TRANSIENT_FAILURE".equals(catalogState("late"))
                ? get(Api.CATALOG_SOURCE, "openshift-marketplace", "late").path("status").path("message").asText()
                : null);
        assertThat(state).contains("v4.99", "manifest unknown");
        // mirror it afterwards (the same index under the new tag): the periodic re-check turns it READY
        io.mtcassistant.mirror.registry.RegistryAccess access = new io.mtcassistant.mirror.registry.RegistryAccess(
                io.mtcassistant.mirror.registry.CredentialStore.empty(),
                io.mtcassistant.mirror.registry.ProxySettings.none(),
                java.util.Map.of(mirror.registry.endpoint(), List.of(mirror.registry.caFile())));
        var registry = access.client(mirror.registry.endpoint(), mirror.registry.endpoint(), false);
        registry.putManifest("redhat/redhat-operator-index", "v4.99",
                registry.getManifest("redhat/redhat-operator-index", io.mtcassistant.mirror.catalog.demo.DemoCatalog.INDEX_TAG, null));
        Eventually.get("READY after mirroring", () -> "READY".equals(catalogState("late")));
    }

    @Test
    void defaultSourcesCannotBeReachedAndGoAwayWhenDisabled() {
        Eventually.get("redhat-operators TRANSIENT_FAILURE", () -> "TRANSIENT_FAILURE".equals(
                catalogState("redhat-operators")));
        assertThat(get(Api.CATALOG_SOURCE, "openshift-marketplace", "redhat-operators").path("status").path("message")
                .asText()).contains("registry.redhat.io", "no such host");
        client.genericKubernetesResources(Api.OPERATOR_HUB).withName("cluster").edit(hub -> {
            hub.getAdditionalProperties().put("spec", java.util.Map.of("disableAllDefaultSources", true));
            return hub;
        });
        Eventually.get("default sources deleted", () -> get(Api.CATALOG_SOURCE, "openshift-marketplace",
                "redhat-operators") == null && get(Api.CATALOG_SOURCE, "openshift-marketplace", "community-operators") == null);
        JsonNode sources = Eventually.get("OperatorHub status", () -> {
            JsonNode found = get(Api.OPERATOR_HUB, null, "cluster").path("status").path("sources");
            return found.size() == 4 && found.path(0).path("disabled").asBoolean() ? found : null;
        });
        assertThat(sources.path(0).path("name").asText()).isEqualTo("redhat-operators");
    }

    @Test
    void mirrorPolicyRollsOutTheMachineConfigPools() {
        mirroredCatalogAndIcsp();
        ObjectNode worker = Eventually.get("worker pool updated with the mirror config", () -> {
            ObjectNode pool = get(Api.MACHINE_CONFIG_POOL, null, "worker");
            JsonNode updated = Api.condition(pool.path("status").path("conditions"), "Updated");
            return pool.path("status").path("configuration").path("name").asText().equals("rendered-worker-0")
                    || updated == null || !"True".equals(updated.path("status").asText()) ? null : pool;
        });
        assertThat(worker.path("status").path("updatedMachineCount").asInt()).isEqualTo(3);
    }

    @Test
    void manualSubscriptionInstallsThePinnedCsvAfterApprovalAndTheOperatorRunsMtc() {
        mirroredCatalogAndIcsp();
        String namespace = Api.MIGRATION_NAMESPACE;
        operatorGroupAndSubscription(namespace, "release-v1.8", "mtc-operator.v1.8.7");
        ObjectNode subscription = Eventually.get("UpgradePending", () -> {
            ObjectNode s = get(Api.SUBSCRIPTION, namespace, "mtc-operator");
            return "UpgradePending".equals(s.path("status").path("state").asText()) ? s : null;
        });
        assertThat(subscription.path("status").path("currentCSV").asText()).isEqualTo("mtc-operator.v1.8.7");
        assertThat(list(Api.CSV, namespace)).isEmpty();
        approveWhenPlanned(namespace, "mtc-operator.v1.8.7");
        ObjectNode csv = Eventually.get("CSV Succeeded", () -> {
            ObjectNode c = get(Api.CSV, namespace, "mtc-operator.v1.8.7");
            return c != null && "Succeeded".equals(c.path("status").path("phase").asText()) ? c : null;
        });
        List<String> phases = new java.util.ArrayList<>();
        csv.path("status").path("conditions").forEach(c -> phases.add(c.path("phase").asText()));
        assertThat(phases).containsSubsequence("InstallReady", "Installing", "Succeeded");
        assertThat(csv.path("status").path("reason").asText()).isEqualTo("InstallSucceeded");
        ObjectNode installed = Eventually.get("installedCSV", () -> {
            ObjectNode s = get(Api.SUBSCRIPTION, namespace, "mtc-operator");
            return s.path("status").has("installedCSV") ? s : null;
        });
        assertThat(installed.path("status").path("installedCSV").asText()).isEqualTo("mtc-operator.v1.8.7");
        // the channel has a newer CSV: OLM opens the upgrade plan and waits for its approval
        Eventually.get("upgrade plan for 1.8.8", () -> Subscriptions.planFor(new Pass(new Api(client), null, null,
                null, java.time.Instant.now()), namespace, "mtc-operator", "mtc-operator.v1.8.8").orElse(null));
        assertThat(get(Api.CSV, namespace, "mtc-operator.v1.8.8")).isNull();

        create(Api.MIGRATION_CONTROLLER, """
                apiVersion: migration.openshift.io/v1alpha1
                kind: MigrationController
                metadata: {name: migration-controller, namespace: openshift-migration}
                spec: {cluster_name: host, migration_velero: true, migration_controller: true, migration_ui: true}
                """);
        ObjectNode controller = Eventually.get("MigrationController Successful", () -> {
            ObjectNode c = get(Api.MIGRATION_CONTROLLER, namespace, "migration-controller");
            JsonNode successful = Api.condition(c.path("status").path("conditions"), "Successful");
            return successful != null && "True".equals(successful.path("status").asText()) ? c : null;
        });
        assertThat(controller.path("spec").path("version").asText()).isEqualTo("1.8.7");
        for (String deployment : List.of("migration-operator", "migration-controller", "migration-ui", "velero")) {
            Eventually.get(deployment + " available", () -> get(Api.DEPLOYMENT, namespace, deployment).path("status")
                    .path("availableReplicas").asInt() == 1);
        }
        Eventually.get("node-agent ready", () -> get(Api.DAEMON_SET, namespace, "node-agent") != null
                && get(Api.DAEMON_SET, namespace, "node-agent").path("status").path("numberReady").asInt() == 1);
        List<ObjectNode> pods = list(Api.POD, namespace);
        assertThat(pods).allSatisfy(p -> assertThat(p.path("status").path("phase").asText()).isEqualTo("Running"));
        assertThat(pods.stream().map(Api::name)).anySatisfy(n -> assertThat(n).startsWith("migration-controller-"));
        assertThat(get(Api.CONFIG_MAP, namespace, "migration-cluster-config").path("data").path("OPERATOR_VERSION")
                .asText()).isEqualTo("1.8.7");
        assertThat(get(Api.ROUTE, namespace, "migration").path("spec").path("host").asText())
                .startsWith("migration-openshift-migration.apps.");
    }

    @Test
    void unknownChannelGetsResolutionFailedAndNoInstallPlan() {
        mirroredCatalogAndIcsp();
        operatorGroupAndSubscription("unknown-channel", "release-v9.9", "mtc-operator.v9.9.0");
        ObjectNode failed = Eventually.get("ResolutionFailed", () -> Api.condition(get(Api.SUBSCRIPTION,
                "unknown-channel", "mtc-operator").path("status").path("conditions"), "ResolutionFailed"));
        assertThat(failed.path("message").asText()).contains("no operators found in channel release-v9.9");
        long rounds = cluster.operators().rounds();
        Eventually.get("two more controller rounds", () -> cluster.operators().rounds() > rounds + 2);
        assertThat(list(Api.INSTALL_PLAN, "unknown-channel")).isEmpty();
    }

    @Test
    void plantedCsvFailureShowsItsReasonAndMessage() {
        mirroredCatalogAndIcsp();
        cluster.operators().failNextCsv("InstallComponentFailed", "install strategy failed: simulated failure");
        operatorGroupAndSubscription("failing", "release-v1.7", "mtc-operator.v1.7.17");
        approveWhenPlanned("failing", "mtc-operator.v1.7.17");
        ObjectNode csv = Eventually.get("CSV Failed", () -> {
            ObjectNode c = get(Api.CSV, "failing", "mtc-operator.v1.7.17");
            return c != null && "Failed".equals(c.path("status").path("phase").asText()) ? c : null;
        });
        assertThat(csv.path("status").path("reason").asText()).isEqualTo("InstallComponentFailed");
        assertThat(csv.path("status").path("message").asText()).contains("simulated failure");
    }

    @Test
    void subscriptionToAnUnhealthyCatalogWaits() {
        namespace("no-catalog");
        subscription("no-catalog", "release-v1.8", "mtc-operator.v1.8.8");
        client.genericKubernetesResources(Api.SUBSCRIPTION).inNamespace("no-catalog").withName("mtc-operator")
                .edit(s -> {
                    @SuppressWarnings("unchecked")
                    java.util.Map<String, Object> spec = (java.util.Map<String, Object>) s.getAdditionalProperties()
                            .get("spec");
                    spec.put("source", "nowhere");
                    return s;
                });
        ObjectNode unhealthy = Eventually.get("CatalogSourcesUnhealthy", () -> Api.condition(get(Api.SUBSCRIPTION,
                "no-catalog", "mtc-operator").path("status").path("conditions"), "CatalogSourcesUnhealthy"));
        assertThat(unhealthy.path("message").asText()).contains("openshift-marketplace/nowhere missing");
        assertThat(list(Api.INSTALL_PLAN, "no-catalog")).isEmpty();
    }
}
