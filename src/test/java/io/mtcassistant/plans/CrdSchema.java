package io.mtcassistant.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The openAPIV3Schema of a real CRD, and the checks the API server makes with it on create: types, required fields,
 * enums, patterns, and no fields the schema does not declare (the server would prune them silently, which hides a
 * typo in generated YAML, so a test treats them as errors).
 */
final class CrdSchema {

    private final JsonNode schema;

    private CrdSchema(JsonNode schema) {
        this.schema = schema;
    }

    static CrdSchema load(Path crd) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(crd.toFile());
        return new CrdSchema(root.path("spec").path("versions").get(0).path("schema").path("openAPIV3Schema"));
    }

    /** Problems as "spec.hooks[0].phase: ..." lines; empty when the object is valid. */
    List<String> check(Object object) {
        List<String> problems = new ArrayList<>();
        check(new ObjectMapper().valueToTree(object), schema, "", problems);
        return problems;
    }

    private static void check(JsonNode value, JsonNode schema, String path, List<String> problems) {
        if (schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false) && !schema.has("properties")) {
            return;
        }
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            if (!value.isTextual() && !value.isIntegralNumber()) {
                problems.add(path + ": must be an integer or a string");
            } else if (value.isTextual() && schema.has("pattern")
                    && !Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find()) {
                problems.add(path + ": '" + value.asText() + "' does not match " + schema.get("pattern").asText());
            }
            return;
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> checkObject(value, schema, path, problems);
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(path + ": must be an array");
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    check(value.get(i), schema.path("items"), path + "[" + i + "]", problems);
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    problems.add(path + ": must be a string");
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(path + ": must be a boolean");
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    problems.add(path + ": must be an integer");
                }
            }
            default -> {
            }
        }
        if (schema.has("enum")) {
            boolean known = false;
            for (JsonNode allowed : schema.get("enum")) {
                known |= allowed.equals(value);
            }
            if (!known) {
                problems.add(path + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
    }

    private static void checkObject(JsonNode value, JsonNode schema, String path, List<String> problems) {
        if (!value.isObject()) {
            problems.add(path + ": must be an object");
            return;
        }
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                problems.add(join(path, required.asText()) + ": is required");
            }
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.get("additionalProperties");
        boolean open = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)
                || (!schema.has("properties") && additional == null);
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String at = join(path, field.getKey());
            if (properties.has(field.getKey())) {
                check(field.getValue(), properties.get(field.getKey()), at, problems);
            } else if (additional != null && additional.isObject()) {
                check(field.getValue(), additional, at, problems);
            } else if (!open) {
                problems.add(at + ": is not in the schema (the server would drop it)");
            }
        }
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
