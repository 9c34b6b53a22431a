package io.mtcassistant.sim.migration;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** A status condition in MTC's shape (type, status, reason, category, message, lastTransitionTime, durable). */
record Condition(String type, String status, String reason, String category, String message, Instant since,
        boolean durable) {

    static Condition of(String type, String reason, String category, String message, Instant since) {
        return new Condition(type, "True", reason, category, message, since, false);
    }

    Condition durably() {
        return new Condition(type, status, reason, category, message, since, true);
    }

    /** Same meaning, ignoring when it was set. */
    boolean sameAs(Condition other) {
        return type.equals(other.type) && status.equals(other.status) && java.util.Objects.equals(reason, other.reason)
                && java.util.Objects.equals(category, other.category)
                && java.util.Objects.equals(message, other.message) && durable == other.durable;
    }

    ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("category", category);
        if (durable) {
            node.put("durable", true);
        }
        node.put("lastTransitionTime", KubeTime.format(since));
        node.put("message", message);
        if (reason != null) {
            node.put("reason", reason);
        }
        node.put("status", status);
        node.put("type", type);
        return node;
    }

    static Condition fromJson(com.fasterxml.jackson.databind.JsonNode node) {
        Instant since;
        try {
            since = Instant.parse(node.path("lastTransitionTime").asText());
        } catch (RuntimeException e) {
            since = Instant.EPOCH;
        }
        return new Condition(node.path("type").asText(), node.path("status").asText("True"),
                node.hasNonNull("reason") ? node.get("reason").asText() : null, node.path("category").asText(null),
                node.path("message").asText(null), since, node.path("durable").asBoolean(false));
    }
}
