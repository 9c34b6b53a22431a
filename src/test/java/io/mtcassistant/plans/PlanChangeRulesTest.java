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
        assertThat(PlanChanges.edit("c", plan, List.of(NamespaceMapping.parse("shop")), List.of(), List.of()))
                .isEmpty();
        var edit = PlanChanges.edit("c", plan, List.of(NamespaceMapping.parse("shop"),
                NamespaceMapping.parse("shop-db:db")), List.of(), List.of()).orElseThrow();
        assertThat(edit.actions()).hasSize(1);
        assertThat(io.mtcassistant.install.plan.KubeObjects.yaml(edit.actions().get(0).object()))
                .contains("- shop", "- shop-db:db").doesNotContain("persistentVolumes");
    }
}
