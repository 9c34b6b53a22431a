package io.mtcassistant.sim.migration;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One rule of the simulated MigPlan validation: the conditions it finds on a plan. The controller adds Ready when
 * no rule finds a Critical or Error condition. Later simulations (PV discovery, MigCluster and MigStorage checks)
 * add their rules through {@link SimulatedMigrationController.Builder#planCheck}.
 */
@FunctionalInterface
public interface PlanCheck {

    /** What the rule sees: the other MTC objects of the namespace, by name. */
    interface Objects {
        JsonNode migCluster(String name);

        JsonNode migStorage(String name);
    }

    /**
     * @param plan the MigPlan as stored (JSON)
     * @return the conditions this rule sets: type, reason, category and message count (their time is kept by
     *         the controller while they stay the same)
     */
    List<PlanCondition> check(JsonNode plan, Objects objects);

    /** Status fields besides the conditions this rule fills (destStorageClasses...), written with them. */
    default java.util.Map<String, JsonNode> statusFields(JsonNode plan) {
        return java.util.Map.of();
    }

    /** A condition a rule sets on a plan. */
    record PlanCondition(String type, String reason, String category, String message) {
    }
}
