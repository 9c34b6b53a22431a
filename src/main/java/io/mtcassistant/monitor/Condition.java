package io.mtcassistant.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One entry of an MTC resource's status.conditions. */
public record Condition(String type, boolean status, String category, String reason, String message,
        Instant lastTransitionTime, boolean durable) {

    public static List<Condition> listFrom(JsonNode conditions) {
        List<Condition> list = new ArrayList<>();
        if (conditions != null && conditions.isArray()) {
            for (JsonNode node : conditions) {
                list.add(new Condition(Json.text(node, "type"), !"False".equalsIgnoreCase(Json.text(node, "status")),
                        Json.text(node, "category"), Json.text(node, "reason"), Json.text(node, "message"),
                        Json.instant(node, "lastTransitionTime"), node.path("durable").asBoolean(false)));
            }
        }
        return List.copyOf(list);
    }

    public boolean isCategory(String name) {
        return name.equalsIgnoreCase(category);
    }
}
