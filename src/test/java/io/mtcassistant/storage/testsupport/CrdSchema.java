package io.mtcassistant.storage.testsupport;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A structural check of an object against a CRD's openAPIV3Schema, as the API server applies it: types, required
 * fields, enums, and fields the schema does not know (the server would silently prune those, so a generated
 * object that has one is wrong).
 */
public final class CrdSchema {

    private final JSONSchemaProps root;

    private CrdSchema(JSONSchemaProps root) {
        this.root = root;
    }

    public static CrdSchema load(Path crdFile) throws IOException {
        try (InputStream in = Files.newInputStream(crdFile)) {
            CustomResourceDefinition crd = Serialization.unmarshal(in, CustomResourceDefinition.class);
            return new CrdSchema(crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema());
        }
    }

    /** Every violation, as "path: problem"; empty when the object conforms. */
    public List<String> violations(Map<String, Object> object) {
        List<String> problems = new ArrayList<>();
        check("", root, object, problems);
        return problems;
    }

    private static void check(String path, JSONSchemaProps schema, Object value, List<String> problems) {
        if ("metadata".equals(path) || value == null) {
            return;
        }
        String type = schema.getType();
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()
                && schema.getEnum().stream().map(e -> e.isTextual() ? e.asText() : e.toString())
                        .noneMatch(e -> e.equals(String.valueOf(value)))) {
            problems.add(path + ": " + value + " is not one of " + schema.getEnum());
        }
        if (type == null) {
            return;
        }
        switch (type) {
            case "object" -> object(path, schema, value, problems);
            case "array" -> {
                if (!(value instanceof List<?> list)) {
                    problems.add(path + ": expected an array, got " + value.getClass().getSimpleName());
                } else if (schema.getItems() != null && schema.getItems().getSchema() != null) {
                    for (int i = 0; i < list.size(); i++) {
                        check(path + "[" + i + "]", schema.getItems().getSchema(), list.get(i), problems);
                    }
                }
            }
            case "string" -> expect(path, value instanceof String, "a string", value, problems);
            case "boolean" -> expect(path, value instanceof Boolean, "a boolean", value, problems);
            case "integer" -> expect(path, value instanceof Integer || value instanceof Long, "an integer", value,
                    problems);
            case "number" -> expect(path, value instanceof Number, "a number", value, problems);
            default -> { }
        }
    }

    private static void object(String path, JSONSchemaProps schema, Object value, List<String> problems) {
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(path + ": expected an object, got " + value.getClass().getSimpleName());
            return;
        }
        if (schema.getRequired() != null) {
            for (String required : schema.getRequired()) {
                if (!map.containsKey(required)) {
                    problems.add(join(path, required) + ": required");
                }
            }
        }
        boolean preserve = Boolean.TRUE.equals(schema.getXKubernetesPreserveUnknownFields());
        Map<String, JSONSchemaProps> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
        JSONSchemaProps additional = schema.getAdditionalProperties() == null ? null
                : schema.getAdditionalProperties().getSchema();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            JSONSchemaProps child = properties.get(key);
            if (child != null) {
                check(join(path, key), child, entry.getValue(), problems);
            } else if (additional != null) {
                check(join(path, key), additional, entry.getValue(), problems);
            } else if (!preserve && !properties.isEmpty()) {
                problems.add(join(path, key) + ": unknown field (the API server would drop it)");
            }
        }
    }

    private static void expect(String path, boolean ok, String what, Object value, List<String> problems) {
        if (!ok) {
            problems.add(path + ": expected " + what + ", got " + value + " (" + value.getClass().getSimpleName() + ")");
        }
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
