package io.mtcassistant.mirror.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mtcassistant.mirror.MirrorException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The images the legacy operator deploys, read from its {@code operator.yml}: the operator
 * Deployment's env gives REGISTRY, PROJECT and {@code <X>_REPO}/{@code <X>_TAG} pairs; the role
 * builds {@code REGISTRY/PROJECT/REPO:TAG}, and downstream REPO may end in {@code @sha256} with the
 * hex digest as TAG, which gives {@code REGISTRY/PROJECT/name@sha256:hex}.
 */
public final class LegacyOperatorImages {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** One image and the env pair it came from (e.g. VELERO). */
    public record Referenced(String envPrefix, String image) {
    }

    private LegacyOperatorImages() {
    }

    public static List<Referenced> fromOperatorYml(byte[] yaml, String where) {
        Map<String, String> env = new LinkedHashMap<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (docs.hasNextValue()) {
                JsonNode doc = docs.nextValue();
                if (doc == null || !"Deployment".equals(doc.path("kind").asText())) {
                    continue;
                }
                for (JsonNode container : doc.path("spec").path("template").path("spec").path("containers")) {
                    for (JsonNode e : container.path("env")) {
                        if (e.has("value")) {
                            env.putIfAbsent(e.path("name").asText(), e.path("value").asText());
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw MirrorException.badInput(where + ": operator.yml is not valid YAML: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        String registry = env.get("REGISTRY");
        String project = env.get("PROJECT");
        List<Referenced> result = new ArrayList<>();
        if (registry == null || project == null) {
            return result;
        }
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (!e.getKey().endsWith("_REPO")) {
                continue;
            }
            String prefix = e.getKey().substring(0, e.getKey().length() - "_REPO".length());
            String tag = env.get(prefix + "_TAG");
            if (tag == null || tag.isBlank()) {
                continue;
            }
            String repo = e.getValue();
            // "name@sha256" + ":" + hex and "name" + ":" + tag are both REGISTRY/PROJECT/REPO:TAG.
            String image = registry + "/" + project + "/" + repo + ":" + tag;
            result.add(new Referenced(prefix, image));
        }
        return result;
    }
}
