package io.mtcassistant.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mtcassistant.mirror.ImageReference;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Points the legacy operator's {@code operator.yml} at the mirror: every container image becomes its mirrored
 * reference by digest (from mapping.txt), {@code REGISTRY} the mirror host, {@code PROJECT} the mirror path, and
 * each {@code <X>_REPO}/{@code <X>_TAG} pair the mirrored repository with {@code name@sha256} + hex digest (the
 * downstream form the role turns into {@code REGISTRY/PROJECT/name@sha256:hex}), or the mirrored tag when mapping.txt
 * gives no digest. Handles the one-container layout (1.3+) and the two-container {@code ansible} + {@code operator}
 * layout (1.2.x).
 */
public final class LegacyOperatorRewriter {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param objects  every object of operator.yml, in order, rewritten
     * @param rewrites every change, before and after
     * @param missing  source images mapping.txt does not cover (the install must not go ahead: mirror again)
     * @param operatorImage the operator container's mirrored image (for the pull check)
     * @param pulled   every mirrored image the operator and its role pull (for the mirror completeness check)
     */
    public record Result(List<GenericKubernetesResource> objects, List<ImageRewrite> rewrites, List<String> missing,
            String operatorImage, List<String> pulled) {
    }

    private LegacyOperatorRewriter() {
    }

    public static Result rewrite(String operatorYml, String where, MirrorResults mirror) {
        List<ObjectNode> docs = read(operatorYml, where);
        List<ImageRewrite> rewrites = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> pulled = new ArrayList<>();
        String operatorImage = null;
        for (ObjectNode doc : docs) {
            if (!"Deployment".equals(doc.path("kind").asText())) {
                continue;
            }
            String deployment = doc.path("metadata").path("name").asText();
            JsonNode podSpec = doc.path("spec").path("template").path("spec");
            for (String list : List.of("initContainers", "containers")) {
                for (JsonNode c : podSpec.path(list)) {
                    ObjectNode container = (ObjectNode) c;
                    String name = container.path("name").asText();
                    String image = container.path("image").asText("");
                    if (image.isEmpty()) {
                        continue;
                    }
                    Optional<String> mirrored = mirror.mirrorOf(image);
                    if (mirrored.isEmpty()) {
                        missing.add(image + " (container " + name + " of Deployment " + deployment + ")");
                    } else {
                        container.put("image", mirrored.get());
                        pulled.add(mirrored.get());
                        rewrites.add(new ImageRewrite("Deployment " + deployment + " container " + name + " image", image,
                                mirrored.get()));
                        if (operatorImage == null || "operator".equals(name)) {
                            operatorImage = mirrored.get();
                        }
                    }
                    rewriteEnv(container, name, mirror, rewrites, missing, pulled);
                }
            }
        }
        List<GenericKubernetesResource> objects = docs.stream()
                .map(d -> JSON.convertValue(d, GenericKubernetesResource.class)).toList();
        return new Result(objects, rewrites, missing, operatorImage, pulled.stream().distinct().toList());
    }

    private static void rewriteEnv(ObjectNode container, String containerName, MirrorResults mirror,
            List<ImageRewrite> rewrites, List<String> missing, List<String> pulled) {
        Map<String, ObjectNode> env = new LinkedHashMap<>();
        for (JsonNode e : container.path("env")) {
            if (e.has("value")) {
                env.put(e.path("name").asText(), (ObjectNode) e);
            }
        }
        ObjectNode registry = env.get("REGISTRY");
        ObjectNode project = env.get("PROJECT");
        if (registry == null || project == null) {
            return;
        }
        String oldRegistry = registry.path("value").asText();
        String oldProject = project.path("value").asText();
        // prefix -> mirrored reference
        Map<String, ImageReference> mirrored = new LinkedHashMap<>();
        for (Map.Entry<String, ObjectNode> e : env.entrySet()) {
            if (!e.getKey().endsWith("_REPO")) {
                continue;
            }
            String prefix = e.getKey().substring(0, e.getKey().length() - "_REPO".length());
            ObjectNode tag = env.get(prefix + "_TAG");
            if (tag == null || tag.path("value").asText().isBlank()) {
                continue;
            }
            String repo = e.getValue().path("value").asText();
            // "name@sha256" + ":" + hex and "name" + ":" + tag both make the role's REGISTRY/PROJECT/REPO:TAG
            String source = oldRegistry + "/" + oldProject + "/" + repo + ":" + tag.path("value").asText();
            Optional<String> target = mirror.mirrorOf(source);
            if (target.isEmpty()) {
                missing.add(source + " (" + prefix + "_REPO/_TAG in container " + containerName + ")");
            } else {
                mirrored.put(prefix, ImageReference.parseRegistry(target.get()));
                pulled.add(target.get());
            }
        }
        if (mirrored.isEmpty()) {
            return;
        }
        String host = mirrored.values().iterator().next().registry();
        String newProject = commonDirectory(mirrored.values().stream().map(ImageReference::repository).toList());
        if (newProject.isEmpty()) {
            // no shared folder: keep each repository whole under its first path component's parent
            newProject = mirrored.values().iterator().next().repository().split("/")[0];
        }
        set(registry, "env REGISTRY (container " + containerName + ")", host, rewrites);
        set(project, "env PROJECT (container " + containerName + ")", newProject, rewrites);
        for (Map.Entry<String, ImageReference> e : mirrored.entrySet()) {
            ImageReference ref = e.getValue();
            String repoPath = ref.repository().startsWith(newProject + "/") ? ref.repository().substring(newProject.length() + 1)
                    : ref.repository();
            String repo = ref.digest() != null ? repoPath + "@sha256" : repoPath;
            String tag = ref.digest() != null ? ref.digest().substring("sha256:".length()) : ref.tag();
            set(env.get(e.getKey() + "_REPO"), "env " + e.getKey() + "_REPO (container " + containerName + ")", repo, rewrites);
            set(env.get(e.getKey() + "_TAG"), "env " + e.getKey() + "_TAG (container " + containerName + ")", tag, rewrites);
        }
    }

    private static void set(ObjectNode envVar, String field, String value, List<ImageRewrite> rewrites) {
        String before = envVar.path("value").asText();
        if (!before.equals(value)) {
            envVar.put("value", value);
            rewrites.add(new ImageRewrite(field, before, value));
        }
    }

    private static String commonDirectory(List<String> repositories) {
        String[] first = repositories.get(0).split("/");
        int common = first.length - 1;
        for (String repository : repositories) {
            String[] parts = repository.split("/");
            int i = 0;
            while (i < common && i < parts.length - 1 && parts[i].equals(first[i])) {
                i++;
            }
            common = i;
        }
        return String.join("/", java.util.Arrays.copyOf(first, common));
    }

    private static List<ObjectNode> read(String yaml, String where) {
        List<ObjectNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNextValue()) {
                JsonNode doc = it.nextValue();
                if (doc instanceof ObjectNode object && !object.isEmpty()) {
                    if (!object.hasNonNull("kind") || !object.hasNonNull("apiVersion")) {
                        throw new IllegalArgumentException(where + ": a document without apiVersion and kind");
                    }
                    docs.add(object);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && String.valueOf(iae.getMessage()).startsWith(where)) {
                throw iae;
            }
            throw new IllegalArgumentException(where + ": not valid YAML: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
        }
        if (docs.stream().noneMatch(d -> "Deployment".equals(d.path("kind").asText()))) {
            throw new IllegalArgumentException(where + ": no Deployment in it; is this the legacy operator's operator.yml?");
        }
        return docs;
    }
}
