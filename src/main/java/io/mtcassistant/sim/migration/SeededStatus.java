package io.mtcassistant.sim.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.HashMap;
import java.util.Map;

/**
 * Objects the demo creates with a status already written (Ready MigStorage and MigClusters). They carry an
 * annotation from their creation on, so the simulated validations leave them alone even in the moment between the
 * create and the status write, when they look like new objects to validate. The annotation holds the spec they were
 * seeded with: once someone changes the spec (the Repository page applying to the demo's default name), the object is
 * validated like any other.
 */
final class SeededStatus {

    static final String ANNOTATION = "simulation.mtc-assistant.io/status-seeded";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SeededStatus() {
    }

    static void mark(GenericKubernetesResource object) {
        Map<String, String> annotations = object.getMetadata().getAnnotations() == null ? new HashMap<>()
                : new HashMap<>(object.getMetadata().getAnnotations());
        annotations.put(ANNOTATION, JSON.valueToTree(object.getAdditionalProperties().get("spec")).toString());
        object.getMetadata().setAnnotations(annotations);
    }

    /** Seeded and still holding the spec it was seeded with: its status is the demo's, not to be validated. */
    static boolean isSeeded(JsonNode object) {
        JsonNode seeded = object.path("metadata").path("annotations").path(ANNOTATION);
        if (seeded.isMissingNode()) {
            return false;
        }
        try {
            return JSON.readTree(seeded.asText()).equals(object.path("spec"));
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** Seeded once, whether or not its spec changed since. */
    static boolean wasSeeded(JsonNode object) {
        return object.path("metadata").path("annotations").has(ANNOTATION);
    }
}
