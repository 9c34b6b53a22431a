package io.mtcassistant.sim.olm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.mtcassistant.install.plan.KubeObjects;
import io.mtcassistant.sim.SimulatedCluster;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulated OLM's upgrade: MTC 1.7.18 installed from release-v1.7, then the Subscription's channel changed to
 * release-v1.8 yields a new InstallPlan (Manual: waiting) for 1.8.8 that replaces 1.7.18; approving it moves the CSV
 * from the old to the new one (the old goes Replacing, then away) and the operator to 1.8.8.
 */
class OlmChannelChangeSimulationTest {

    private static final String NS = Api.MIGRATION_NAMESPACE;
    private static final String OLD = "mtc-operator.v1.7.18";
    private static final String NEW = "mtc-operator.v1.8.8";

    @TempDir
    static Path dir;
    static DemoMirror mirror;
    static SimulatedCluster cluster;
    static KubernetesClient client;

    @BeforeAll
    static void start() {
        mirror = new DemoMirror(dir);
        cluster = SimulatedCluster.builder().name("olm-upgrade").openShift4("4.12.40").start();
        cluster.operators().speed(SimulationSpeed.fast()).trustRegistry(mirror.registry.endpoint(),
                mirror.registry.caFile());
        client = cluster.client();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {client, cluster, mirror}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // closing test servers
            }
        }
    }

    @Test
    void channelChangeOpensAPlanThatReplacesTheOldCsvAndApprovingItMovesTheOperator() {
        DemoMirror.createAll(client, mirror.catalogSourceAndIcspYaml("demo-mirror") + """
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: openshift-migration}
                ---
                apiVersion: operators.coreos.com/v1
                kind: OperatorGroup
                metadata: {name: migration, namespace: openshift-migration}
                spec: {targetNamespaces: [openshift-migration]}
                ---
                apiVersion: operators.coreos.com/v1alpha1
                kind: Subscription
                metadata: {name: mtc-operator, namespace: openshift-migration}
                spec: {name: mtc-operator, channel: release-v1.7, installPlanApproval: Manual, source: demo-mirror,
                  sourceNamespace: openshift-marketplace, startingCSV: mtc-operator.v1.7.18}
                """);
        approve(planFor(OLD));
        Eventually.get("1.7.18 installed", () -> OLD.equals(subscription().path("status").path("installedCSV").asText())
                && "Succeeded".equals(phase(OLD)));
        assertThat(operatorVersion()).isEqualTo("1.7.18");
        // every phase the old CSV goes through, from a watch (each status write is an event)
        List<String> oldPhases = new CopyOnWriteArrayList<>();
        Watch watch = client.genericKubernetesResources(Api.CSV).inNamespace(NS).withName(OLD).watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, GenericKubernetesResource resource) {
                oldPhases.add(action == Action.DELETED ? "(deleted)"
                        : String.valueOf(KubeObjects.valueAt(resource, "status.phase").orElse("")));
            }

            @Override
            public void onClose(WatcherException cause) {
                // the test closes it
            }
        });

        client.genericKubernetesResources(Api.SUBSCRIPTION).inNamespace(NS).withName("mtc-operator").patch(
                PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"channel\":\"release-v1.8\",\"startingCSV\":\"" + NEW + "\"}}");
        ObjectNode plan = planFor(NEW);
        assertThat(plan.path("status").path("bundleLookups").path(0).path("replaces").asText()).isEqualTo(OLD);
        Eventually.get("the new plan waits for approval", () -> "RequiresApproval".equals(
                get(Api.INSTALL_PLAN, Api.name(plan)).path("status").path("phase").asText()));
        assertThat(subscription().path("status").path("state").asText()).isEqualTo("UpgradePending");
        assertThat(get(Api.CSV, NEW)).as("nothing installs before the approval").isNull();
        assertThat(phase(OLD)).isEqualTo("Succeeded");

        approve(plan);
        ObjectNode csv = Eventually.get("1.8.8 Succeeded", () -> {
            ObjectNode c = get(Api.CSV, NEW);
            return c != null && "Succeeded".equals(c.path("status").path("phase").asText()) ? c : null;
        });
        assertThat(csv.path("spec").path("replaces").asText()).isEqualTo(OLD);
        Eventually.get("the old CSV deleted", () -> oldPhases.contains("(deleted)") && phase(OLD) == null);
        watch.close();
        assertThat(oldPhases).containsSubsequence("Replacing", "(deleted)").doesNotContain("Failed");
        ObjectNode operator = get(Api.DEPLOYMENT, InstallPlans.OPERATOR_DEPLOYMENT);
        assertThat(operator.path("metadata").path("labels").path("olm.owner").asText()).isEqualTo(NEW);
        assertThat(operatorVersion()).isEqualTo("1.8.8");
        assertThat(Eventually.get("installedCSV 1.8.8", () -> NEW.equals(subscription().path("status")
                .path("installedCSV").asText()) ? subscription() : null).path("status").path("state").asText())
                .isEqualTo("AtLatestKnown");
    }

    private static ObjectNode planFor(String csv) {
        return Eventually.get("an InstallPlan for " + csv, () -> list(Api.INSTALL_PLAN).stream()
                .filter(p -> p.path("spec").path("clusterServiceVersionNames").toString().contains("\"" + csv + "\""))
                .findFirst().orElse(null));
    }

    private static void approve(ObjectNode plan) {
        assertThat(plan.path("spec").path("approved").asBoolean()).isFalse();
        client.genericKubernetesResources(Api.INSTALL_PLAN).inNamespace(NS).withName(Api.name(plan))
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"approved\":true}}");
    }

    private static String operatorVersion() {
        JsonNode container = get(Api.DEPLOYMENT, InstallPlans.OPERATOR_DEPLOYMENT).path("spec").path("template")
                .path("spec").path("containers").path(0);
        return InstallPlans.operatorVersion(container);
    }

    private static ObjectNode subscription() {
        return get(Api.SUBSCRIPTION, "mtc-operator");
    }

    private static String phase(String csv) {
        ObjectNode found = get(Api.CSV, csv);
        return found == null ? null : found.path("status").path("phase").asText();
    }

    private static ObjectNode get(ResourceDefinitionContext kind, String name) {
        GenericKubernetesResource found = client.genericKubernetesResources(kind).inNamespace(NS).withName(name).get();
        return found == null ? null : Api.JSON.valueToTree(found);
    }

    private static List<ObjectNode> list(ResourceDefinitionContext kind) {
        return client.genericKubernetesResources(kind).inNamespace(NS).list().getItems().stream()
                .map(r -> (ObjectNode) Api.JSON.valueToTree(r)).toList();
    }
}
