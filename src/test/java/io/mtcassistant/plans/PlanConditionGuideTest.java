package io.mtcassistant.plans;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.mtcassistant.monitor.Condition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanConditionGuideTest {

    private static Condition condition(String type, String category) {
        return new Condition(type, true, category, null, "controller says " + type, null, false);
    }

    @Test
    void everyBlockingConditionTheDomainNamesHasWordsAndAFix() {
        for (String type : List.of("SourceClusterNoRegistryPath", "NamespaceNotFoundOnSourceCluster",
                "PvCapacityAdjustmentRequired", "GVKsIncompatible", "PlanConflict", "NamespaceLimitExceeded",
                "PodLimitExceeded", "PvLimitExceeded", "PvNoSupportedAction", "PvInvalidStorageClass",
                "SourceClusterNotReady", "DestinationClusterNotReady", "StorageNotReady", "InvalidStorageRef")) {
            PlanConditionGuide.Explained explained = PlanConditionGuide.explain(condition(type, "Critical"));
            assertThat(explained.words()).as(type).isNotEqualTo("controller says " + type).isNotBlank();
            assertThat(explained.fix()).as(type).isNotBlank();
        }
        assertThat(PlanConditionGuide.explain(condition("SourceClusterNoRegistryPath", "Critical")).fix())
                .contains("exposedRegistryPath", "indirect image migration");
        assertThat(PlanConditionGuide.explain(condition("ClusterVersionMismatch", "Warn")).words())
                .contains("same one");
    }

    @Test
    void unknownTypesKeepTheControllersMessage() {
        PlanConditionGuide.Explained explained = PlanConditionGuide.explain(condition("SomethingNew", "Error"));
        assertThat(explained.words()).isEqualTo("controller says SomethingNew");
        assertThat(explained.fix()).contains("controller's message");
    }

    @Test
    void groupedByCategoryBlockingFirst() {
        Map<String, List<PlanConditionGuide.Explained>> groups = PlanConditionGuide.grouped(List.of(
                condition("PvsDiscovered", "Required"), condition("ClusterVersionMismatch", "Warn"),
                condition("NamespaceNotFoundOnSourceCluster", "Critical")));
        assertThat(groups.keySet()).containsExactly("Critical", "Warn", "Required");
    }

    @Test
    void incompatibleResourcesAreListed() {
        JsonNode plan = Serialization.jsonMapper().valueToTree(Map.of("status", Map.of("incompatibleNamespaces",
                List.of(Map.of("name", "shop", "gvks", List.of(Map.of("group", "extensions", "version", "v1beta1",
                        "kind", "ingresses"), Map.of("group", "", "version", "v1", "kind", "bindings")))))));
        assertThat(PlanConditionGuide.incompatibleResources(plan))
                .containsExactly("shop: extensions/v1beta1 ingresses, v1 bindings");
    }

    @Test
    void theItemsTheControllerListsAreNamedAndWarningsThatFailAMigrationShowTheirFix() {
        Condition conflict = new Condition("PlanConflict", true, "Error", "Conflict",
                "The plan is in conflict with [shop,wiki].", null, false);
        assertThat(PlanConditionGuide.explain(conflict).words()).endsWith("Conflicting plan(s): shop, wiki.");
        assertThat(PlanConditionGuide.showsFix(PlanConditionGuide.explain(conflict))).isTrue();
        for (String type : List.of("ClusterVersionMismatch", "PvCapacityAdjustmentRequired", "GVKsIncompatible")) {
            assertThat(PlanConditionGuide.showsFix(PlanConditionGuide.explain(condition(type, "Warn")))).as(type)
                    .isTrue();
        }
        assertThat(PlanConditionGuide.showsFix(PlanConditionGuide.explain(condition("SourcePodsNotHealthy", "Warn"))))
                .isFalse();
        assertThat(PlanConditionGuide.explain(condition("PvCapacityAdjustmentRequired", "Warn")).words())
                .doesNotContain("Volume(s)");
    }
}
