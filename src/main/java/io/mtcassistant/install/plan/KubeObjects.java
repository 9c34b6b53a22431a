package io.mtcassistant.install.plan;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Conversions between typed models, generic objects, maps and YAML, and field lookup by path. */
public final class KubeObjects {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));
    private static final Pattern SELECTOR = Pattern.compile("([^\\[]+)\\[([^=\\]]+)=([^\\]]*)]");
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private KubeObjects() {
    }

    public static GenericKubernetesResource generic(HasMetadata typed) {
        return JSON.convertValue(Serialization.jsonMapper().convertValue(typed, JsonNode.class),
                GenericKubernetesResource.class);
    }

    public static GenericKubernetesResource generic(Map<String, Object> map) {
        return JSON.convertValue(map, GenericKubernetesResource.class);
    }

    public static <T> T typed(GenericKubernetesResource object, Class<T> type) {
        return Serialization.jsonMapper().convertValue(asMap(object), type);
    }

    public static Map<String, Object> asMap(Object object) {
        return JSON.convertValue(object, MAP);
    }

    /** The object as YAML, keys in the order they were built, without volatile server fields. */
    public static String yaml(Object object) {
        try {
            return YAML.writeValueAsString(asMap(object));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write YAML", e);
        }
    }

    public static String json(Object object) {
        try {
            return JSON.writeValueAsString(object instanceof Map<?, ?> ? object : asMap(object));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** Every object in a multi-document YAML text (empty documents skipped). */
    public static List<GenericKubernetesResource> parseAll(String yaml, String where) {
        List<GenericKubernetesResource> result = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (docs.hasNextValue()) {
                JsonNode doc = docs.nextValue();
                if (doc == null || doc.isNull() || doc.isEmpty()) {
                    continue;
                }
                if (!doc.isObject() || !doc.hasNonNull("kind") || !doc.hasNonNull("apiVersion")) {
                    throw new IllegalArgumentException(where + ": a document without apiVersion and kind");
                }
                result.add(JSON.convertValue(doc, GenericKubernetesResource.class));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage() != null && iae.getMessage().startsWith(where)) {
                throw iae;
            }
            throw new IllegalArgumentException(where + ": not valid YAML: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
        }
        return result;
    }

    /** The text at a path such as {@code status.conditions[type=Ready].status}; empty when any step is missing. */
    public static Optional<String> valueAt(Object object, String path) {
        Object current = object instanceof Map<?, ?> ? object : asMap(object);
        for (String segment : path.split("\\.")) {
            Matcher matcher = SELECTOR.matcher(segment);
            String field = matcher.matches() ? matcher.group(1) : segment;
            if (!(current instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            current = map.get(field);
            if (matcher.matches()) {
                current = select(current, matcher.group(2), matcher.group(3));
            }
            if (current == null) {
                return Optional.empty();
            }
        }
        return current instanceof Map<?, ?> || current instanceof List<?> ? Optional.of(json(asJsonable(current)))
                : Optional.of(String.valueOf(current));
    }

    private static Object asJsonable(Object value) {
        return value instanceof Map<?, ?> ? value : Map.of("value", value);
    }

    private static Object select(Object list, String key, String value) {
        if (!(list instanceof List<?> items)) {
            return null;
        }
        for (Object item : items) {
            if (item instanceof Map<?, ?> map && value.equals(String.valueOf(map.get(key)))) {
                return item;
            }
        }
        return null;
    }

    /** RFC 7386 JSON merge patch applied to a copy of {@code target}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> merge(Map<String, Object> target, Map<String, Object> patch) {
        Map<String, Object> result = new LinkedHashMap<>(target);
        for (Map.Entry<String, Object> e : patch.entrySet()) {
            Object value = e.getValue();
            if (value == null) {
                result.remove(e.getKey());
            } else if (value instanceof Map<?, ?> patchMap && result.get(e.getKey()) instanceof Map<?, ?> targetMap) {
                result.put(e.getKey(), merge((Map<String, Object>) targetMap, (Map<String, Object>) patchMap));
            } else if (value instanceof Map<?, ?> patchMap) {
                result.put(e.getKey(), merge(new LinkedHashMap<>(), (Map<String, Object>) patchMap));
            } else {
                result.put(e.getKey(), value);
            }
        }
        return result;
    }

    /** The object without the fields the server manages (for previews and diffs). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> withoutServerFields(Map<String, Object> object) {
        Map<String, Object> copy = new LinkedHashMap<>(object);
        if (copy.get("metadata") instanceof Map<?, ?> metadata) {
            Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) metadata);
            for (String key : List.of("resourceVersion", "uid", "creationTimestamp", "generation", "managedFields",
                    "selfLink")) {
                m.remove(key);
            }
            copy.put("metadata", m);
        }
        return copy;
    }
}
