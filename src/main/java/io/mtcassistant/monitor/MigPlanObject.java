package io.mtcassistant.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** The fields of a MigPlan the monitor shows. */
public record MigPlanObject(String name, Instant created, String sourceCluster, String targetCluster,
        String storage, List<String> namespaces, boolean closed, List<Condition> conditions) {

    public static MigPlanObject from(JsonNode object) {
        JsonNode metadata = object.path("metadata");
        JsonNode spec = object.path("spec");
        return new MigPlanObject(Json.text(metadata, "name"), Json.instant(metadata, "creationTimestamp"),
                Json.text(spec.path("srcMigClusterRef"), "name"), Json.text(spec.path("destMigClusterRef"), "name"),
                Json.text(spec.path("migStorageRef"), "name"), Json.strings(spec.get("namespaces")),
                spec.path("closed").asBoolean(false), Condition.listFrom(object.path("status").get("conditions")));
    }

    public boolean has(String type) {
        return conditions.stream().anyMatch(c -> c.status() && type.equals(c.type()));
    }

    /** Ready, and no Critical or Error condition blocks it. */
    public boolean ready() {
        return has("Ready") && conditions.stream()
                .noneMatch(c -> c.status() && (c.isCategory("Critical") || c.isCategory("Error")));
    }

    public Condition condition(String type) {
        return conditions.stream().filter(c -> c.status() && type.equals(c.type())).findFirst().orElse(null);
    }
}
