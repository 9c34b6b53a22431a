package io.mtcassistant.plans;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mtcassistant.monitor.ActionCheck;
import io.mtcassistant.monitor.MigTestObjects;
import io.mtcassistant.monitor.MonitorModel;
import io.mtcassistant.monitor.MonitorSnapshot;
import io.mtcassistant.plans.PlanChangeRules.Change;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Edit, close and delete of an existing plan: refused with the reason while a migration runs or once closed. */
class PlanChangeRulesTest {

    private static MonitorSnapshot snapshot(GenericKubernetesResource... objects) {
        return new MonitorModel(Clock.systemUTC()).build(Stream.of(objects)
                .map(o -> (JsonNode) Serialization.jsonMapper().valueToTree(o)).toList());
    }

    private static GenericKubernetesResource closedPlan(String name) {
        ObjectNode plan = Serialization.jsonMapper().valueToTree(MigTestObjects.readyPlan(name));
        ((ObjectNode) plan.path("spec")).put("closed", true);
        return Serialization.jsonMapper().convertValue(plan, GenericKubernetesResource.class);
    }

    @Test
    void anIdlePlanMayBeEditedClosedAndDeleted() {
        MonitorSnapshot idle = snapshot(MigTestObjects.readyPlan("shop"),
                MigTestObjects.succeededCutover("shop-cutover-1", "shop"));
        for (Change change : Change.values()) {
            assertThat(PlanChangeRules.check(idle, "shop", change).allowed()).as(change.name()).isTrue();
        }
    }

    @Test
    void aRunningMigrationBlocksEveryChangeAndIsNamed() {
        MonitorSnapshot running = snapshot(MigTestObjects.readyPlan("shop"),
                MigTestObjects.runningCutover("shop-cutover-2", "shop", 40));
        for (Change change : Change.values()) {
            ActionCheck check = PlanChangeRules.check(running, "shop", change);
            assertThat(check.allowed()).isFalse();
            assertThat(check.reason()).startsWith("migration shop-cutover-2 of plan shop is running (")
                    .endsWith("wait for it to end or cancel it first");
        }
        // a migration just created, without a status yet, counts as running too
        assertThat(PlanChangeRules.check(snapshot(MigTestObjects.readyPlan("shop"),
                MigTestObjects.stage("shop-stage-1", "shop")), "shop", Change.DELETE).allowed()).isFalse();
    }

    @Test
    void aClosedPlanMayOnlyBeDeleted() {
        MonitorSnapshot closed = snapshot(closedPlan("old"));
        assertThat(PlanChangeRules.check(closed, "old", Change.CLOSE).reason()).isEqualTo("plan old is already closed");
        assertThat(PlanChangeRules.check(closed, "old", Change.EDIT).reason()).startsWith("plan old is closed");
        assertThat(PlanChangeRules.check(closed, "old", Change.DELETE).allowed()).isTrue();
    }

    @Test
    void anUnknownPlanIsNamed() {
        assertThat(PlanChangeRules.check(snapshot(), "gone", Change.DELETE).reason())
                .isEqualTo("no MigPlan named gone in openshift-migration");
    }

    @Test
    void theMonitorsEditPatchesOnlyWhatChanged() {
        JsonNode plan = Serialization.jsonMapper().valueToTree(MigTestObjects.readyPlan("shop"));
        PlanEdit asLive = PlanEdit.asLive(plan, LivePlanHooks.NONE);
        assertThat(PlanChanges.edit("c", plan, LivePlanHooks.NONE, asLive)).isEmpty();
        var edit = PlanChanges.edit("c", plan, LivePlanHooks.NONE, asLive.withNamespaces(List.of(
                NamespaceMapping.parse("shop"), NamespaceMapping.parse("shop-db:db")))).orElseThrow();
        assertThat(edit.actions()).hasSize(1);
        assertThat(io.mtcassistant.install.plan.KubeObjects.yaml(edit.actions().get(0).object()))
                .contains("- shop", "- shop-db:db").doesNotContain("persistentVolumes", "hooks", "indirect");
    }

    private static PlanHook hook(String name, HookPhase phase, String image) {
        return new PlanHook(name, null, image, phase, null, "shop", "default");
    }

    /** The plan with these hooks in spec.hooks, as the controller's cluster holds it. */
    private static JsonNode planWithHooks(List<PlanHook> hooks) {
        ObjectNode plan = Serialization.jsonMapper().valueToTree(MigTestObjects.readyPlan("shop"));
        ((ObjectNode) plan.path("spec")).set("hooks", Serialization.jsonMapper().valueToTree(
                MigPlanManifests.hookEntries(hooks)));
        ((ObjectNode) plan.path("spec")).put("indirectImageMigration", true);
        return plan;
    }

    @Test
    void optionsAndHooksGoInOneChangePlanUnchangedHooksAreLeftAndDroppedOnesDeletedUnlessShared() {
        PlanHook quiesce = hook("quiesce", HookPhase.PreBackup, "quay.example/quiesce:1");
        PlanHook warm = hook("warm", HookPhase.PostRestore, "quay.example/warm:1");
        PlanHook audit = hook("audit", HookPhase.PostBackup, "quay.example/audit:1");
        JsonNode plan = planWithHooks(List.of(quiesce, warm, audit));
        LivePlanHooks live = new LivePlanHooks(List.of(quiesce, warm, audit), List.of(), java.util.Set.of("audit"));
        PlanEdit asLive = PlanEdit.asLive(plan, live);
        assertThat(asLive.directImages()).isFalse();
        assertThat(PlanChanges.edit("c", plan, live, asLive)).as("the hooks as they are: no change").isEmpty();

        PlanHook warmer = hook("warm", HookPhase.PostRestore, "quay.example/warm:2");
        PlanHook notify = hook("notify", HookPhase.PreRestore, "quay.example/notify:1");
        var change = PlanChanges.edit("c", plan, live, asLive.withOptions(true, true)
                .withHooks(List.of(quiesce, warmer, notify))).orElseThrow();

        assertThat(change.title()).isEqualTo("Edit plan shop");
        assertThat(change.actions()).extracting(a -> a.kind() + " " + a.object().getKind() + " "
                + a.object().getMetadata().getName()).containsExactly("MERGE_PATCH MigHook warm",
                "CREATE MigHook notify", "MERGE_PATCH MigPlan shop");
        String patch = io.mtcassistant.install.plan.KubeObjects.yaml(change.actions().get(2).object());
        assertThat(patch).contains("indirectImageMigration: false", "name: notify").doesNotContain(
                "indirectVolumeMigration", "namespaces", "persistentVolumes");
        assertThat(change.actions().get(2).reason()).isEqualTo("direct image migration; 3 hook(s): quiesce at "
                + "PreBackup, warm at PostRestore, notify at PreRestore");
        assertThat(change.notes()).anyMatch(n -> n.contains("audit stay on the cluster: another plan runs them"));

        // not shared: a dropped hook's MigHook is deleted after the plan stops naming it
        LivePlanHooks own = new LivePlanHooks(live.hooks(), List.of(), java.util.Set.of());
        var dropped = PlanChanges.edit("c", plan, own, asLive.withHooks(List.of(quiesce, warm))).orElseThrow();
        assertThat(dropped.actions()).extracting(a -> a.kind() + " " + a.object().getKind() + " "
                + a.object().getMetadata().getName()).containsExactly("MERGE_PATCH MigPlan shop",
                "DELETE MigHook audit");
    }
}
