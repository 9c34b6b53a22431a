package io.mtcassistant.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mtcassistant.install.plan.KubeObjects;
import io.mtcassistant.mirror.ImageReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A mirror results folder as the Operators step reads it: ours (mapping.txt, imageContentSourcePolicy.yaml,
 * imageDigestMirrorSet.yaml, catalogSource-*.yaml, summary.json), oc-mirror v1's {@code oc-mirror-workspace/results-*}
 * and {@code oc adm catalog mirror}'s {@code manifests-*} (mapping.txt, imageContentSourcePolicy.yaml,
 * catalogSource.yaml). Given {@code oc-mirror-workspace} itself, the newest {@code results-*} is read.
 *
 * @param dir            the folder read
 * @param mapping        source image -> mirrored image, in file order
 * @param digests        source image -> digest, from summary.json when present
 * @param icsp           ImageContentSourcePolicy objects
 * @param idms           ImageDigestMirrorSet objects
 * @param catalogSources CatalogSource objects
 */
public record MirrorResults(Path dir, Map<String, String> mapping, Map<String, String> digests,
        List<GenericKubernetesResource> icsp, List<GenericKubernetesResource> idms,
        List<GenericKubernetesResource> catalogSources) {

    public static final String MAPPING = "mapping.txt";

    public static MirrorResults read(Path given) {
        Path dir = resolve(given);
        Map<String, String> mapping = readMapping(dir.resolve(MAPPING));
        List<GenericKubernetesResource> icsp = new ArrayList<>();
        List<GenericKubernetesResource> idms = new ArrayList<>();
        List<GenericKubernetesResource> catalogSources = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
                    continue;
                }
                for (GenericKubernetesResource object : KubeObjects.parseAll(Files.readString(file), file.toString())) {
                    switch (object.getKind()) {
                        case "ImageContentSourcePolicy" -> icsp.add(object);
                        case "ImageDigestMirrorSet" -> idms.add(object);
                        case "CatalogSource" -> catalogSources.add(object);
                        default -> { }
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(dir + ": cannot read the mirror results: " + e.getMessage(), e);
        }
        return new MirrorResults(dir, mapping, readDigests(dir.resolve("summary.json")), icsp, idms, catalogSources);
    }

    private static Path resolve(Path given) {
        if (!Files.isDirectory(given)) {
            throw new IllegalArgumentException(given + ": not a folder (give the mirror results folder with mapping.txt)");
        }
        if (Files.isRegularFile(given.resolve(MAPPING))) {
            return given;
        }
        try (Stream<Path> children = Files.list(given)) {
            Optional<Path> newest = children.filter(Files::isDirectory)
                    .filter(p -> p.getFileName().toString().startsWith("results-")
                            || p.getFileName().toString().startsWith("manifests-"))
                    .filter(p -> Files.isRegularFile(p.resolve(MAPPING)))
                    .max(Comparator.comparing(p -> p.getFileName().toString()));
            return newest.orElseThrow(() -> new IllegalArgumentException(given
                    + ": no mapping.txt here nor in a results-* or manifests-* folder; give the folder the mirroring"
                    + " step (or oc-mirror, oc adm catalog mirror) wrote"));
        } catch (IOException e) {
            throw new IllegalArgumentException(given + ": cannot list: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> readMapping(Path file) {
        Map<String, String> mapping = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
        int number = 0;
        for (String line : lines) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            int eq = text.indexOf('=');
            if (eq <= 0 || eq == text.length() - 1) {
                throw new IllegalArgumentException(file + " line " + number + ": expected source=destination, found \""
                        + text + "\"");
            }
            mapping.put(text.substring(0, eq).strip(), text.substring(eq + 1).strip());
        }
        if (mapping.isEmpty()) {
            throw new IllegalArgumentException(file + ": no source=destination lines");
        }
        return mapping;
    }

    private static Map<String, String> readDigests(Path summary) {
        Map<String, String> digests = new LinkedHashMap<>();
        if (!Files.isRegularFile(summary)) {
            return digests;
        }
        try {
            JsonNode root = new ObjectMapper().readTree(summary.toFile());
            for (JsonNode image : root.path("images")) {
                String digest = image.path("digest").asText("");
                if (digest.startsWith("sha256:")) {
                    digests.put(image.path("source").asText(), digest);
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(summary + ": not valid JSON: " + e.getMessage(), e);
        }
        return digests;
    }

    /**
     * Where the mirror holds {@code source}, by digest when the digest is known (from the source reference, the mapped
     * reference or summary.json); empty when mapping.txt does not cover it. A tag-only source is matched by its exact
     * line, then by repository.
     */
    public Optional<String> mirrorOf(String source) {
        String dest = mapping.get(source);
        ImageReference src = ImageReference.parseRegistry(source);
        if (dest == null) {
            for (Map.Entry<String, String> e : mapping.entrySet()) {
                ImageReference key = ImageReference.parseRegistry(e.getKey());
                boolean sameRepo = key.registry().equals(src.registry()) && key.repository().equals(src.repository());
                boolean sameVersion = src.digest() != null ? src.digest().equals(key.digest())
                        : src.tag() != null && src.tag().equals(key.tag());
                if (sameRepo && sameVersion) {
                    dest = e.getValue();
                    source = e.getKey();
                    break;
                }
            }
        }
        if (dest == null) {
            return Optional.empty();
        }
        ImageReference destination = ImageReference.parseRegistry(dest);
        String digest = src.digest() != null ? src.digest() : destination.digest() != null ? destination.digest()
                : digests.get(source);
        String repository = destination.registry() + "/" + destination.repository();
        return Optional.of(digest != null ? repository + "@" + digest : dest);
    }

    /**
     * Where a cluster pulls {@code source} from: mapping.txt's line when it covers it, else (for a by-digest source) the
     * first mirror of the ImageContentSourcePolicy / ImageDigestMirrorSet entry whose source is the repository or one
     * of its parents, the way the nodes' registries.conf resolves it.
     */
    public Optional<String> pullLocation(String source) {
        Optional<String> mapped = mirrorOf(source);
        ImageReference src = ImageReference.parseRegistry(source);
        if (mapped.isPresent() || src.digest() == null) {
            return mapped;
        }
        String repository = src.registry() + "/" + src.repository();
        List<GenericKubernetesResource> policies = new ArrayList<>(idms);
        policies.addAll(icsp);
        for (GenericKubernetesResource policy : policies) {
            for (Map.Entry<String, String> e : digestMirrors(policy).entrySet()) {
                if (repository.equals(e.getKey()) || repository.startsWith(e.getKey() + "/")) {
                    return Optional.of(e.getValue() + repository.substring(e.getKey().length()) + "@" + src.digest());
                }
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> digestMirrors(GenericKubernetesResource policy) {
        Map<String, String> result = new LinkedHashMap<>();
        Object spec = policy.getAdditionalProperties().get("spec");
        if (!(spec instanceof Map<?, ?> fields)) {
            return result;
        }
        for (String list : List.of("repositoryDigestMirrors", "imageDigestMirrors")) {
            if (fields.get(list) instanceof List<?> entries) {
                for (Object entry : entries) {
                    if (entry instanceof Map<?, ?> m && m.get("source") instanceof String s && m.get("mirrors") instanceof List<?> mirrors
                            && !mirrors.isEmpty() && mirrors.get(0) instanceof String first) {
                        result.putIfAbsent(s, first);
                    }
                }
            }
        }
        return result;
    }

    /** The mirror registry host (with port) every mapped image goes to; the first line's when they differ. */
    public String mirrorRegistry() {
        return ImageReference.parseRegistry(mapping.values().iterator().next()).registry();
    }
}
