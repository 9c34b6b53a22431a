package io.mtcassistant.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One entry of MigMigration status.pipeline[], as the controller writes it. */
public record PipelineStep(String name, String phase, String message, List<String> progress, Instant started,
        Instant completed, boolean failed, boolean skipped) {

    static List<PipelineStep> listFrom(JsonNode pipeline) {
        List<PipelineStep> steps = new ArrayList<>();
        if (pipeline != null && pipeline.isArray()) {
            for (JsonNode node : pipeline) {
                steps.add(new PipelineStep(Json.text(node, "name"), Json.text(node, "phase"),
                        Json.text(node, "message"), Json.strings(node.get("progress")), Json.instant(node, "started"),
                        Json.instant(node, "completed"), node.path("failed").asBoolean(false),
                        node.path("skipped").asBoolean(false)));
            }
        }
        return List.copyOf(steps);
    }
}
