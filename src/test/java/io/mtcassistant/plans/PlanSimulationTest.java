package io.mtcassistant.plans;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mtcassistant.install.plan.ApplyListener;
import io.mtcassistant.install.plan.ApplyResult;
import io.mtcassistant.install.plan.ChangePlanApplier;
import io.mtcassistant.monitor.Condition;
import io.mtcassistant.monitor.MigResources;
import io.mtcassistant.sim.SimulatedEnvironment;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Plans created through the change plan against the demo's simulated controller, which discovers their PVs. */
class PlanSimulationTest {

    private static SimulatedEnvironment environment;
    private static KubernetesClient target;
    private static ChangePlanApplier applier;

    @BeforeAll
    static void start() {
        environment = SimulatedEnvironment.startDemoPair();
        environment.migrations().awaitSeeded(Duration.ofSeconds(120));
        target = environment.target().client();
        applier = new ChangePlanApplier(target, Duration.ofMillis(200), Clock.systemUTC());
        // a source MigCluster without a registry route, Ready
        GenericKubernetesResource noRoute = MigPlanManifests.object("MigCluster", "no-route",
                Map.of("isHostCluster", false, "url", environment.source().url(), "insecure", true));
        target.genericKubernetesResources(MigResources.MIG_CLUSTER).inNamespace(MigResources.NAMESPACE)
                .resource(noRoute).create();
        target.genericKubernetesResources(MigResources.MIG_CLUSTER).inNamespace(MigResources.NAMESPACE)
                .withName("no-route").subresource("status").patch(io.fabric8.kubernetes.client.dsl.base.PatchContext
                        .of(io.fabric8.kubernetes.client.dsl.base.PatchType.JSON), "[{\"op\": \"add\", \"path\": "
                        + "\"/status\", \"value\": {\"conditions\": [{\"type\": \"Ready\", \"status\": \"True\", "
                        + "\"category\": \"Required\", \"message\": \"The cluster is ready.\"}]}}]");
    }

    @AfterAll
    static void stop() {
        if (target != null) {
            target.close();
        }
        if (environment != null) {
            environment.close();
        }
    }

    private static ApplyResult create(PlanRequest request) {
        return applier.apply(PlanChanges.create("sim-target", request), ApplyListener.NONE);
    }

    private static JsonNode plan(String name) {
        return Serialization.jsonMapper().valueToTree(target.genericKubernetesResources(MigResources.MIG_PLAN)
                .inNamespace(MigResources.NAMESPACE).withName(name).get());
    }

    private static List<Condition> conditions(String name) {
        return Condition.listFrom(plan(name).path("status").path("conditions"));
    }

    @Test
    void aPlanBecomesReadyWithItsVolumesDiscovered() {
        ApplyResult result = create(PlanFixtures.request("wiki-plan", "wiki"));
        assertThat(result.succeeded()).as(String.valueOf(result.failure())).isTrue();
        JsonNode plan = plan("wiki-plan");
        List<PlanVolume> volumes = PlanVolume.listFrom(plan);
        assertThat(volumes).extracting(PlanVolume::claim).containsExactlyInAnyOrder("wiki-db", "wiki-uploads");
        PlanVolume uploads = volumes.stream().filter(v -> v.claim().equals("wiki-uploads")).findFirst().orElseThrow();
        assertThat(uploads.storageClass()).isEqualTo("nfs-legacy");
        assertThat(uploads.supportedActions()).containsExactly("copy", "move", "skip");
        assertThat(DestStorageClass.listFrom(plan)).extracting(DestStorageClass::name)
                .contains("gp3-csi", "ocs-storagecluster-cephfs");
        // the console's defaults: glusterfs and nfs are not on the target, so its default class
        assertThat(PvSelections.resolve(plan, List.of())).extracting(PvChoice::storageClass).containsOnly("gp3-csi");
        assertThat(conditions("wiki-plan")).extracting(Condition::type).contains("Ready", "PvsDiscovered");

        // edit: skip the uploads, copy the db to cephfs; then close
        ApplyResult edited = applier.apply(PlanChanges.editVolumes("sim-target", plan,
                List.of(PvChoice.parse(uploads.name() + "=skip"),
                        new PvChoice(volumes.stream().filter(v -> v.claim().equals("wiki-db")).findFirst().orElseThrow()
                                .name(), PvAction.COPY, null, "ocs-storagecluster-cephfs", null, true))),
                ApplyListener.NONE);
        assertThat(edited.succeeded()).isTrue();
        assertThat(PvSelections.resolve(plan("wiki-plan"), List.of())).extracting(PvChoice::action)
                .containsExactlyInAnyOrderElementsOf(List.of(PvAction.COPY, PvAction.SKIP));
        assertThat(applier.apply(PlanChanges.close("sim-target", "wiki-plan"), ApplyListener.NONE).succeeded()).isTrue();
        awaitCondition("wiki-plan", "Closed");
        assertThat(conditions("wiki-plan")).extracting(Condition::type).doesNotContain("Ready");
    }

    @Test
    void aMissingNamespaceIsCritical() {
        ApplyResult result = create(PlanFixtures.request("missing-ns", "billing", "nowhere"));
        assertThat(result.succeeded()).isFalse();
        assertThat(result.failure().orElseThrow().message()).contains("Namespaces [nowhere] not found");
        Condition missing = awaitCondition("missing-ns", "NamespaceNotFoundOnSourceCluster");
        assertThat(PlanConditionGuide.explain(missing).fix()).contains("Remove it from the plan");
        assertThat(applier.apply(PlanChanges.delete("sim-target", "missing-ns", List.of()), ApplyListener.NONE)
                .succeeded()).isTrue();
        assertThat(target.genericKubernetesResources(MigResources.MIG_PLAN).inNamespace(MigResources.NAMESPACE)
                .withName("missing-ns").get()).isNull();
    }

    @Test
    void aPlanOverThePvLimitIsCritical() {
        ResourceDefinitionContext controllers = new ResourceDefinitionContext.Builder()
                .withGroup("migration.openshift.io").withVersion("v1alpha1").withKind("MigrationController")
                .withPlural("migrationcontrollers").withNamespaced(true).build();
        // a low limit on the simulated MigrationController; the engine reads it too
        target.genericKubernetesResources(controllers).inNamespace(MigResources.NAMESPACE).resource(
                MigPlanManifests.object("MigrationController", "migration-controller", Map.of("mig_pv_limit", "3")))
                .createOr(o -> o.update());
        try {
            assertThat(PlanInventoryReader.readControl(target).limits()).isEqualTo(new PlanLimits(10, 100, 3));
            ApplyResult result = create(PlanFixtures.request("too-many-pvs", "wiki", "ci-tools", "billing"));
            assertThat(result.succeeded()).isFalse();
            Condition limit = awaitCondition("too-many-pvs", "PvLimitExceeded");
            assertThat(limit.message()).isEqualTo("PV limit: 3 exceeded, found: 4.");
            assertThat(PlanConditionGuide.explain(limit).fix()).contains("mig_pv_limit");
        } finally {
            target.genericKubernetesResources(controllers).inNamespace(MigResources.NAMESPACE)
                    .withName("migration-controller").delete();
            // an open plan on these namespaces would be in conflict with the other tests' plans
            delete("too-many-pvs");
        }
    }

    @Test
    void directImagesWithoutARegistryRouteAreCritical() {
        PlanRequest request = new PlanRequest("needs-route", "no-route", "host", "replication-repository",
                List.of(NamespaceMapping.parse("ci-tools")), List.of(), true, true, List.of());
        // the engine says so before creating ...
        assertThat(PlanValidator.validate(request, PlanInventoryReader.readControl(target)))
                .extracting(PlanProblem::field).contains("direct-images");
        // ... and the controller when it is created anyway
        assertThat(create(request).succeeded()).isFalse();
        Condition route = awaitCondition("needs-route", "SourceClusterNoRegistryPath");
        assertThat(route.category()).isEqualTo("Critical");
        assertThat(PlanConditionGuide.explain(route).words()).contains("exposed registry route");
        delete("needs-route");
    }

    @Test
    void theSeededDemoPlansStayReady() {
        for (String plan : List.of("webshop", "crm")) {
            assertThat(conditions(plan)).extracting(Condition::type).as(plan).contains("Ready");
            assertThat(PlanVolume.listFrom(plan(plan))).as(plan).isNotEmpty();
        }
    }

    @Test
    void twoOpenPlansOnOneNamespaceAreInConflictUntilOneIsClosed() {
        createDirectly(PlanFixtures.request("ci-first", "ci-tools"));
        createDirectly(PlanFixtures.request("ci-second", "ci-tools", "billing"));
        try {
            Condition conflict = awaitCondition("ci-second", "PlanConflict");
            assertThat(conflict.category()).isEqualTo("Error");
            assertThat(conflict.message()).isEqualTo("The plan is in conflict with [ci-first].");
            assertThat(PlanConditionGuide.explain(conflict).words()).isEqualTo("Another open plan between the same "
                    + "clusters already migrates one of these namespaces. Conflicting plan(s): ci-first.");
            assertThat(awaitCondition("ci-first", "PlanConflict").message()).contains("[ci-second]");
            assertThat(conditions("ci-second")).extracting(Condition::type).doesNotContain("Ready");

            assertThat(applier.apply(PlanChanges.close("sim-target", "ci-first"), ApplyListener.NONE).succeeded())
                    .isTrue();
            awaitCondition("ci-second", "Ready");
            assertThat(conditions("ci-second")).extracting(Condition::type).doesNotContain("PlanConflict");
        } finally {
            delete("ci-first");
            delete("ci-second");
        }
    }

    @Test
    void aClaimSmallerThanItsVolumeNeedsItsCapacityConfirmed() {
        KubernetesClient source = environment.source().client();
        try {
            GrownClaims.create(source, "grown-db", "pv-grown-db-data");
            createDirectly(PlanFixtures.request("grown", "grown-db"));
            Condition capacity = awaitCondition("grown", "PvCapacityAdjustmentRequired");
            assertThat(capacity.category()).isEqualTo("Warn");
            assertThat(capacity.message()).endsWith(": [pv-grown-db-data]");
            PlanConditionGuide.Explained explained = PlanConditionGuide.explain(capacity);
            assertThat(explained.words()).endsWith("Volume(s): pv-grown-db-data.");
            assertThat(PlanConditionGuide.showsFix(explained)).isTrue();
            assertThat(explained.fix()).contains("capacityConfirmed");
            JsonNode pv = plan("grown").path("spec").path("persistentVolumes").get(0);
            assertThat(pv.path("capacity").asText()).isEqualTo("8Gi");
            assertThat(pv.path("proposedCapacity").asText()).isEqualTo("8Gi");
            // a Warn: the plan stays Ready; confirming the capacity clears it
            assertThat(conditions("grown")).extracting(Condition::type).contains("Ready");
            target.genericKubernetesResources(MigResources.MIG_PLAN).inNamespace(MigResources.NAMESPACE)
                    .withName("grown").patch(io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                            io.fabric8.kubernetes.client.dsl.base.PatchType.JSON),
                            "[{\"op\": \"add\", \"path\": \"/spec/persistentVolumes/0/capacityConfirmed\", "
                                    + "\"value\": true}]");
            awaitNoCondition("grown", "PvCapacityAdjustmentRequired");
        } finally {
            delete("grown");
            source.namespaces().withName("grown-db").delete();
            source.close();
        }
    }

    /** Creates an object of this old group/version in the namespace of the simulated source. */
    private static void createOld(KubernetesClient source, String namespace, String group, String version, String kind,
            String plural) {
        var context = new io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext.Builder().withGroup(group)
                .withVersion(version).withKind(kind).withPlural(plural).withNamespaced(true).build();
        source.genericKubernetesResources(context).inNamespace(namespace).resource(
                new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder().withApiVersion(group + "/"
                        + version).withKind(kind).withNewMetadata().withName("web").withNamespace(namespace)
                        .endMetadata().build()).create();
    }

    @Test
    void resourcesOfApisTheTargetNoLongerServesAreListed() {
        KubernetesClient source = environment.source().client();
        try {
            source.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
                    .withName("legacy-web").endMetadata().build()).create();
            createOld(source, "legacy-web", "extensions", "v1beta1", "Ingress", "ingresses");
            createOld(source, "legacy-web", "apps", "v1beta2", "Deployment", "deployments");
            createOld(source, "legacy-web", "rbac.authorization.k8s.io", "v1beta1", "RoleBinding", "rolebindings");
            // removed in 1.26: the simulated 4.12 target (1.25) still serves it
            createOld(source, "legacy-web", "autoscaling", "v2beta2", "HorizontalPodAutoscaler",
                    "horizontalpodautoscalers");
            createDirectly(PlanFixtures.request("legacy", "legacy-web"));
            Condition gvks = awaitCondition("legacy", "GVKsIncompatible");
            assertThat(gvks.category()).isEqualTo("Warn");
            assertThat(gvks.message()).contains("`incompatibleNamespaces`");
            assertThat(PlanConditionGuide.showsFix(PlanConditionGuide.explain(gvks))).isTrue();
            awaitTrue(() -> !PlanConditionGuide.incompatibleResources(plan("legacy")).isEmpty());
            assertThat(PlanConditionGuide.incompatibleResources(plan("legacy"))).containsExactly("legacy-web: "
                    + "apps/v1beta2 deployments, extensions/v1beta1 ingresses, rbac.authorization.k8s.io/v1beta1 "
                    + "rolebindings");
        } finally {
            delete("legacy");
            source.namespaces().withName("legacy-web").delete();
            source.close();
        }
    }

    @Test
    void differentMtcVersionsOnTheClustersAreAMismatch() {
        KubernetesClient source = environment.source().client();
        java.util.function.BiConsumer<KubernetesClient, String> version = (client, v) -> client.configMaps()
                .inNamespace(MigResources.NAMESPACE).resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                        .withNewMetadata().withName("migration-cluster-config").endMetadata()
                        .addToData("OPERATOR_VERSION", v).build()).createOr(o -> o.update());
        io.fabric8.kubernetes.api.model.ConfigMap before = target.configMaps().inNamespace(MigResources.NAMESPACE)
                .withName("migration-cluster-config").get();
        try {
            version.accept(source, "1.7.18");
            version.accept(target, "1.8.5");
            createDirectly(PlanFixtures.request("versions", "billing"));
            Condition mismatch = awaitCondition("versions", "ClusterVersionMismatch");
            assertThat(mismatch.category()).isEqualTo("Warn");
            assertThat(mismatch.message()).isEqualTo("Cluster operator versions do not match. Source, destination, "
                    + "and host clusters must all have the same MTC operator version.");
            PlanConditionGuide.Explained explained = PlanConditionGuide.explain(mismatch);
            assertThat(explained.words()).contains("different MTC versions");
            assertThat(PlanConditionGuide.showsFix(explained)).isTrue();
        } finally {
            delete("versions");
            source.configMaps().inNamespace(MigResources.NAMESPACE).withName("migration-cluster-config").delete();
            if (before == null) {
                target.configMaps().inNamespace(MigResources.NAMESPACE).withName("migration-cluster-config").delete();
            } else {
                version.accept(target, before.getData().get("OPERATOR_VERSION"));
            }
            source.close();
        }
    }

    /** Straight to the API (no waiting for validation): for plans that never become Ready. */
    private static void createDirectly(PlanRequest request) {
        target.genericKubernetesResources(MigResources.MIG_PLAN).inNamespace(MigResources.NAMESPACE)
                .resource(MigPlanManifests.migPlan(request)).create();
    }

    private static void delete(String plan) {
        target.genericKubernetesResources(MigResources.MIG_PLAN).inNamespace(MigResources.NAMESPACE).withName(plan)
                .delete();
    }

    private static void awaitNoCondition(String plan, String type) {
        awaitTrue(() -> conditions(plan).stream().noneMatch(c -> c.type().equals(type)));
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not true within 90 s");
            }
            try {
                Thread.sleep(100); // a poll, not a timing assumption
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    private static Condition awaitCondition(String plan, String type) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            for (Condition condition : conditions(plan)) {
                if (condition.type().equals(type)) {
                    return condition;
                }
            }
            try {
                Thread.sleep(100); // a poll, not a timing assumption
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
        throw new AssertionError(plan + " never got " + type + ": " + conditions(plan));
    }
}
