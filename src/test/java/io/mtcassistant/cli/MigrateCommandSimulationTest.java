package io.mtcassistant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mtcassistant.monitor.MigResources;
import io.mtcassistant.sim.SimulatedCluster;
import io.mtcassistant.sim.SimulatedKubeconfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `migrate` and `monitor` against a simulated control cluster (CRUD store; no controller runs the migrations). */
class MigrateCommandSimulationTest {

    private static SimulatedCluster cluster;
    private static KubernetesClient admin;
    @TempDir
    static Path dir;
    private static Path kubeconfig;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    @BeforeAll
    static void start() throws Exception {
        cluster = SimulatedCluster.builder().name("sim-target").start();
        MigResources.WATCHED.forEach(cluster::registerResource);
        admin = cluster.client();
        kubeconfig = new SimulatedKubeconfig().add("sim-target", cluster).currentContext("sim-target")
                .write(dir.resolve("kubeconfig"));
        create(plan("shop", true));
        create(plan("broken", false));
    }

    @AfterAll
    static void stop() {
        if (admin != null) {
            admin.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static GenericKubernetesResource plan(String name, boolean ready) {
        String conditions = ready
                ? "{\"type\": \"Ready\", \"status\": \"True\", \"category\": \"Required\", \"message\": \"The migration plan is ready.\"}"
                : "{\"type\": \"InvalidStorageRef\", \"status\": \"True\", \"category\": \"Critical\", \"message\": \"The `migStorageRef` must reference a valid `migstorage`.\"}";
        return Serialization.unmarshal("""
                {"apiVersion": "migration.openshift.io/v1alpha1", "kind": "MigPlan",
                 "metadata": {"name": "%s", "namespace": "openshift-migration"},
                 "spec": {"namespaces": ["shop"]}, "status": {"conditions": [%s]}}""".formatted(name, conditions),
                GenericKubernetesResource.class);
    }

    private static void create(GenericKubernetesResource object) {
        admin.genericKubernetesResources(object.getKind().equals("MigPlan") ? MigResources.MIG_PLAN
                : MigResources.MIG_MIGRATION).inNamespace(MigResources.NAMESPACE).resource(object).create();
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        String[] full = new String[args.length + 2];
        System.arraycopy(args, 0, full, 0, args.length);
        full[args.length] = "--kubeconfig";
        full[args.length + 1] = kubeconfig.toString();
        return MtcAssistantCommand.run(full, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private static List<JsonNode> migrationsOf(String plan) {
        return admin.genericKubernetesResources(MigResources.MIG_MIGRATION).inNamespace(MigResources.NAMESPACE)
                .list().getItems().stream().map(m -> (JsonNode) Serialization.jsonMapper().valueToTree(m))
                .filter(m -> plan.equals(m.path("spec").path("migPlanRef").path("name").asText())).toList();
    }

    @Test
    void cutoverWithQuiesceThenEveryForbiddenActionRefusedWithItsReason() throws Exception {
        assertThat(run("migrate", "--context", "sim-target", "--plan", "shop", "--cutover", "--quiesce"))
                .as(err.toString()).isZero();
        assertThat(out.toString()).contains("created migration shop-cutover-");
        List<JsonNode> created = migrationsOf("shop");
        assertThat(created).hasSize(1);
        JsonNode spec = created.get(0).get("spec");
        assertThat(new ObjectMapper().convertValue(spec, Map.class)).containsOnly(
                Map.entry("migPlanRef", Map.of("name", "shop", "namespace", "openshift-migration")),
                Map.entry("stage", false), Map.entry("quiescePods", true));

        // the new migration has no status yet: it counts as running, so a second start is refused
        assertThat(run("migrate", "--context", "sim-target", "--plan", "shop", "--stage")).isEqualTo(1);
        assertThat(err.toString()).contains("refused").contains("still running");

        assertThat(run("migrate", "--context", "sim-target", "--plan", "broken", "--stage")).isEqualTo(1);
        assertThat(err.toString()).contains("not Ready").contains("migStorageRef");

        assertThat(run("migrate", "--context", "sim-target", "--plan", "nope", "--rollback")).isEqualTo(1);
        assertThat(err.toString()).contains("no MigPlan named nope");

        String name = created.get(0).path("metadata").path("name").asText();
        assertThat(run("migrate", "--context", "sim-target", "--plan", "shop", "--cancel", name)).isZero();
        assertThat(migrationsOf("shop").get(0).path("spec").path("canceled").asBoolean()).isTrue();

        assertThat(run("monitor", "--context", "sim-target", "--output", "json")).as(err.toString()).isZero();
        JsonNode plans = new ObjectMapper().readTree(out.toString()).get("plans");
        assertThat(plans).extracting(p -> p.get("name").asText()).containsExactly("broken", "shop");
        assertThat(plans.get(0).get("status").asText()).isEqualTo("Not Ready");
        assertThat(plans.get(1).get("migrations").get(0).get("action").asText()).isEqualTo("cutover");
        assertThat(plans.get(1).get("migrations").get(0).get("state").asText()).isEqualTo("not-started");

        assertThat(run("migrate", "--context", "sim-target", "--plan", "shop", "--stage", "--quiesce")).isEqualTo(2);
        assertThat(run("migrate", "--context", "nowhere", "--plan", "shop", "--stage")).isEqualTo(2);
    }
}
