package io.mtcassistant.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON merge patches (RFC 7386) as the API server applies them. fabric8's CRUD mock merges arrays by appending to
 * them, so a patch that sets a list (MigPlan.spec.namespaces, spec.persistentVolumes) would grow it instead of
 * replacing it; the simulation turns a merge patch into the equivalent JSON patch against the stored object.
 */
final class MergePatches {

    private MergePatches() {
    }

    static boolean isMergePatch(RecordedRequest request) {
        String type = request.getHeader("Content-Type");
        return "PATCH".equals(request.getMethod()) && type != null && type.startsWith("application/merge-patch+json");
    }

    /** The same change as a JSON patch request, given the stored object. */
    static RecordedRequest asJsonPatch(RecordedRequest request, JsonNode current) {
        JsonNode patch;
        try {
            patch = Serialization.jsonMapper().readTree(request.getUtf8Body());
        } catch (java.io.IOException e) {
            return request; // the mock answers a malformed body itself
        }
        ArrayNode operations = JsonNodeFactory.instance.arrayNode();
        if (patch.isObject() && current.isObject()) {
            operations(operations, "", (ObjectNode) patch, current);
        }
        byte[] body = operations.toString().getBytes(StandardCharsets.UTF_8);
        var headers = io.fabric8.mockwebserver.http.Headers.builder();
        for (Map.Entry<String, java.util.List<String>> header : request.getHeaders().toMultimap().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("Content-Type") && !header.getKey().equalsIgnoreCase("Content-Length")) {
                header.getValue().forEach(v -> headers.add(header.getKey(), v));
            }
        }
        headers.add("Content-Type", "application/json-patch+json");
        return new RecordedRequest(request.getHttpVersion(), HttpMethod.PATCH, request.getPath(), headers.build(),
                new Buffer(body));
    }

    private static void operations(ArrayNode operations, String at, ObjectNode patch, JsonNode current) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = at + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
            JsonNode value = field.getValue();
            JsonNode existing = current.get(field.getKey());
            if (value.isNull()) {
                if (existing != null) {
                    operations.addObject().put("op", "remove").put("path", path);
                }
            } else if (value.isObject() && existing != null && existing.isObject()) {
                operations(operations, path, (ObjectNode) value, existing);
            } else {
                operations.addObject().put("op", "add").put("path", path).set("value", withoutNulls(value));
            }
        }
    }

    private static JsonNode withoutNulls(JsonNode value) {
        if (!value.isObject()) {
            return value;
        }
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        value.fields().forEachRemaining(f -> {
            if (!f.getValue().isNull()) {
                copy.set(f.getKey(), withoutNulls(f.getValue()));
            }
        });
        return copy;
    }
}
