package io.mtcassistant.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.install.SharedFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated MigPlan and MigHook validate against the real MTC 1.8 CRDs (../shared/fixtures/mtc). */
class PlanManifestsSchemaTest {

    private static final String MANIFESTS = "olm-bundle-1.8/manifests/";

    private static PlanRequest fullRequest() {
        return new PlanRequest("shop", "sim-source", "host", "replication-repository",
                List.of(NamespaceMapping.parse("shop"), NamespaceMapping.parse("wiki:wiki-new")), List.of(), true,
                false, List.of(new PlanHook("quiesce-db", "- hosts: localhost\n  tasks: []\n", null,
                        HookPhase.PreBackup, null, "openshift-migration", "migration-controller"),
                        new PlanHook("warm-cache", null, "quay.example/tools/warm:1", HookPhase.PostRestore, null,
                                "shop", "default")));
    }

    @Test
    void theMigPlanMatchesItsCrd() throws Exception {
        CrdSchema schema = CrdSchema.load(SharedFixtures.mtc(MANIFESTS + "migration.openshift.io_migplans.yaml"));
        assertThat(schema.check(MigPlanManifests.migPlan(fullRequest()))).isEmpty();
        // the edited persistent volumes, too
        var patched = PvSelections.patchedVolumes(PlanFixtures.discoveredPlan(),
                PvSelections.resolve(PlanFixtures.discoveredPlan(), List.of()));
        var plan = io.mtcassistant.install.plan.KubeObjects.asMap(PlanFixtures.discoveredPlan());
        ((java.util.Map<String, Object>) plan.get("spec")).put("persistentVolumes", patched);
        plan.remove("status");
        assertThat(schema.check(plan)).isEmpty();
    }

    @Test
    void theSchemaCheckCatchesMistakes() throws Exception {
        CrdSchema schema = CrdSchema.load(SharedFixtures.mtc(MANIFESTS + "migration.openshift.io_migplans.yaml"));
        var plan = io.mtcassistant.install.plan.KubeObjects.asMap(MigPlanManifests.migPlan(fullRequest()));
        ((java.util.Map<String, Object>) plan.get("spec")).put("indirectImageMigraton", true);
        ((java.util.Map<String, Object>) plan.get("spec")).put("closed", "yes");
        assertThat(schema.check(plan)).containsExactlyInAnyOrder("spec.closed: must be a boolean",
                "spec.indirectImageMigraton: is not in the schema (the server would drop it)");
    }

    @Test
    void theMigHooksMatchTheirCrd() throws Exception {
        CrdSchema schema = CrdSchema.load(SharedFixtures.mtc(MANIFESTS + "migration.openshift.io_mighooks.yaml"));
        var hooks = MigPlanManifests.migHooks(fullRequest());
        assertThat(hooks).hasSize(2);
        hooks.forEach(h -> assertThat(schema.check(h)).isEmpty());
        assertThat(hooks.get(0).getAdditionalProperties().get("spec")).asString()
                .contains("custom=false", "targetCluster=source", "playbook=LSBob3N0czog");
        assertThat(hooks.get(1).getAdditionalProperties().get("spec")).asString()
                .contains("custom=true", "targetCluster=destination", "image=quay.example/tools/warm:1");
    }
}
