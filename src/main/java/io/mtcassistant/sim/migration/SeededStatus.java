package io.mtcassistant.sim.migration;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.HashMap;
import java.util.Map;

/**
 * Objects the demo creates with a status already written (Ready MigStorage and MigClusters). They carry an
 * annotation from their creation on, so the simulated validations leave them alone even in the moment between the
 * create and the status write, when they look like new objects to validate.
 */
final class SeededStatus {

    static final String ANNOTATION = "simulation.mtc-assistant.io/status-seeded";

    private SeededStatus() {
    }

    static void mark(GenericKubernetesResource object) {
        Map<String, String> annotations = object.getMetadata().getAnnotations() == null ? new HashMap<>()
                : new HashMap<>(object.getMetadata().getAnnotations());
        annotations.put(ANNOTATION, "true");
        object.getMetadata().setAnnotations(annotations);
    }

    static boolean isSeeded(JsonNode object) {
        return "true".equals(object.path("metadata").path("annotations").path(ANNOTATION).asText());
    }
}
