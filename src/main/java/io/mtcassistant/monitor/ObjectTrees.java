package io.mtcassistant.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.HashMap;
import java.util.Map;

/**
 * The informers' objects as JSON trees for the model, converted once per resourceVersion: at a thousand migrations
 * converting every object on every update was most of the watcher's work. Not thread-safe (the watcher's thread).
 */
final class ObjectTrees {

    private record Converted(String resourceVersion, JsonNode tree) {
    }

    private Map<String, Converted> previous = new HashMap<>();
    private Map<String, Converted> current = new HashMap<>();

    /** Call before a pass over all objects; entries not asked for during the pass are dropped by {@link #end()}. */
    void begin() {
        current = new HashMap<>(previous.size() * 2);
    }

    JsonNode tree(GenericKubernetesResource resource) {
        String key = resource.getKind() + "/" + resource.getMetadata().getNamespace() + "/"
                + resource.getMetadata().getName();
        String version = resource.getMetadata().getResourceVersion();
        Converted cached = previous.get(key);
        if (cached == null || version == null || !version.equals(cached.resourceVersion())) {
            cached = new Converted(version, Serialization.jsonMapper().valueToTree(resource));
        }
        current.put(key, cached);
        return cached.tree();
    }

    void end() {
        previous = current;
    }
}
