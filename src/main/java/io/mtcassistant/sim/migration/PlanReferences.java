package io.mtcassistant.sim.migration;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The basic plan rule: its MigClusters and MigStorage must exist, and not say they are not Ready. Objects without
 * a status count as Ready (the simulation does not validate clusters or storage yet).
 */
final class PlanReferences implements PlanCheck {

    @Override
    public List<PlanCondition> check(JsonNode plan, Objects objects) {
        JsonNode spec = plan.path("spec");
        List<PlanCondition> found = new ArrayList<>();
        cluster(found, objects, spec.path("srcMigClusterRef").path("name").asText(""), "srcMigClusterRef",
                "InvalidSourceClusterRef", "SourceClusterNotReady", "The source cluster is not ready.");
        cluster(found, objects, spec.path("destMigClusterRef").path("name").asText(""), "destMigClusterRef",
                "InvalidDestinationClusterRef", "DestinationClusterNotReady", "The destination cluster is not ready.");
        String storage = spec.path("migStorageRef").path("name").asText("");
        JsonNode storageObject = storage.isEmpty() ? null : objects.migStorage(storage);
        if (storageObject == null) {
            found.add(new PlanCondition("InvalidStorageRef", storage.isEmpty() ? "NotSet" : "NotFound", "Critical",
                    "The `migStorageRef` must reference a valid `migstorage`."));
        } else if (saysNotReady(storageObject)) {
            found.add(new PlanCondition("StorageNotReady", "NotReady", "Critical",
                    "The referenced `migStorageRef` does not have a `Ready` condition."));
        }
        if (spec.path("namespaces").isEmpty()) {
            found.add(new PlanCondition("EmptyNamespaceList", "NotSet", "Error",
                    "The `namespaces` list may not be empty."));
        }
        if (spec.path("persistentVolumes").size() > 0) {
            found.add(new PlanCondition("PvsDiscovered", "Done", "Required",
                    "The `persistentVolumes` list has been updated with discovered PVs."));
        }
        return found;
    }

    private static void cluster(List<PlanCondition> found, Objects objects, String name, String field,
            String invalidType, String notReadyType, String notReadyMessage) {
        JsonNode cluster = name.isEmpty() ? null : objects.migCluster(name);
        if (cluster == null) {
            found.add(new PlanCondition(invalidType, name.isEmpty() ? "NotSet" : "NotFound", "Critical",
                    "The `" + field + "` must reference a valid `migcluster`."));
        } else if (saysNotReady(cluster)) {
            found.add(new PlanCondition(notReadyType, "NotReady", "Critical", notReadyMessage));
        }
    }

    private static boolean saysNotReady(JsonNode object) {
        JsonNode conditions = object.path("status").path("conditions");
        if (conditions.isEmpty()) {
            return false;
        }
        for (JsonNode condition : conditions) {
            if (condition.path("type").asText().equals("Ready")) {
                return !condition.path("status").asText().equals("True");
            }
        }
        return true;
    }
}
