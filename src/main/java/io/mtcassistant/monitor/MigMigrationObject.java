package io.mtcassistant.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** The fields of a MigMigration the monitor reads (metadata, spec flags, status). */
public record MigMigrationObject(String name, String uid, Instant created, String planName, boolean stage,
        boolean rollback, boolean canceled, Boolean quiescePods, boolean migrateState, String phase,
        String itinerary, List<Condition> conditions, List<PipelineStep> pipeline, List<String> errors,
        Instant startTimestamp) {

    public static MigMigrationObject from(JsonNode object) {
        JsonNode metadata = object.path("metadata");
        JsonNode spec = object.path("spec");
        JsonNode status = object.path("status");
        JsonNode quiesce = spec.get("quiescePods");
        return new MigMigrationObject(Json.text(metadata, "name"), Json.text(metadata, "uid"),
                Json.instant(metadata, "creationTimestamp"), Json.text(spec.path("migPlanRef"), "name"),
                spec.path("stage").asBoolean(false), spec.path("rollback").asBoolean(false),
                spec.path("canceled").asBoolean(false), quiesce == null || quiesce.isNull() ? null : quiesce.asBoolean(),
                spec.path("migrateState").asBoolean(false), Json.text(status, "phase"), Json.text(status, "itinerary"),
                Condition.listFrom(status.get("conditions")), PipelineStep.listFrom(status.get("pipeline")),
                Json.strings(status.get("errors")), Json.instant(status, "startTimestamp"));
    }

    public MigrationAction action() {
        if (rollback) {
            return MigrationAction.ROLLBACK;
        }
        return stage ? MigrationAction.STAGE : MigrationAction.CUTOVER;
    }

    /** The first true condition of this type, or null. */
    public Condition condition(String type) {
        for (Condition condition : conditions) {
            if (condition.status() && type.equals(condition.type())) {
                return condition;
            }
        }
        return null;
    }

    public boolean has(String type) {
        return condition(type) != null;
    }

    public boolean hasCategory(String category) {
        return conditions.stream().anyMatch(c -> c.status() && c.isCategory(category));
    }
}
