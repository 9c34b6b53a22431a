package io.mtcassistant.mirror.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mtcassistant.mirror.ImageReference;
import io.mtcassistant.mirror.MirrorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The part of oc-mirror's ImageSetConfiguration ({@code mirror.openshift.io/v2alpha1}, also the v1
 * {@code v1alpha2}) this engine understands: {@code mirror.additionalImages}, {@code mirror.blockedImages}
 * and {@code archiveSize}. Operator catalogs are parsed into {@link OperatorCatalog}; the catalog mirror
 * ({@code io.mtcassistant.mirror.catalog}) resolves them.
 */
public record ImageSetConfig(String apiVersion, List<AdditionalImage> additionalImages, List<OperatorCatalog> operators,
                             List<Pattern> blockedImages, Long archiveSizeGiB) {

    public static final String V2 = "mirror.openshift.io/v2alpha1";
    public static final String V1 = "mirror.openshift.io/v1alpha2";

    /** One entry of additionalImages: the reference as written and as parsed. */
    public record AdditionalImage(String name, ImageReference reference) {
    }

    /** One entry of mirror.operators, resolved by the catalog mirror. */
    public record OperatorCatalog(String catalog, List<String> packages) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public static ImageSetConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw MirrorException.badInput("image set " + file + " does not exist");
        } catch (IOException e) {
            throw MirrorException.badInput("image set " + file + " cannot be read: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    public static ImageSetConfig parse(String yaml, String where) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            String detail = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw MirrorException.badInput("image set " + where + " is not valid YAML: " + detail);
        }
        if (root == null || !root.isObject()) {
            throw MirrorException.badInput("image set " + where + " is empty or not a YAML mapping");
        }
        String kind = root.path("kind").asText("");
        if (!"ImageSetConfiguration".equals(kind)) {
            throw MirrorException.badInput("image set " + where + ": kind must be ImageSetConfiguration, found '" + kind + "'");
        }
        String apiVersion = root.path("apiVersion").asText("");
        if (!V2.equals(apiVersion) && !V1.equals(apiVersion)) {
            throw MirrorException.badInput("image set " + where + ": apiVersion must be " + V2 + " (or " + V1 + "), found '"
                    + apiVersion + "'");
        }
        JsonNode mirror = root.path("mirror");
        if (!mirror.isObject()) {
            throw MirrorException.badInput("image set " + where + " has no 'mirror:' section");
        }
        for (String unsupported : List.of("platform", "helm")) {
            if (mirror.has(unsupported) && !mirror.path(unsupported).isNull()) {
                throw MirrorException.badInput("image set " + where + ": mirror." + unsupported
                        + " is not supported; list the images under mirror.additionalImages");
            }
        }
        List<AdditionalImage> images = new ArrayList<>();
        JsonNode additional = mirror.path("additionalImages");
        if (!additional.isMissingNode() && !additional.isNull() && !additional.isArray()) {
            throw MirrorException.badInput("image set " + where + ": mirror.additionalImages must be a list of {name: IMAGE}");
        }
        int i = 0;
        for (JsonNode entry : additional) {
            String name = entry.path("name").asText("").trim();
            if (name.isEmpty()) {
                throw MirrorException.badInput("image set " + where + ": mirror.additionalImages[" + i + "] has no name");
            }
            ImageReference ref;
            try {
                ref = ImageReference.parseRegistry(name);
                if (ref.tag() == null && ref.digest() == null) {
                    ref = ref.withTag("latest");
                }
            } catch (MirrorException e) {
                throw MirrorException.badInput("image set " + where + ": mirror.additionalImages[" + i + "]: " + e.getMessage());
            }
            images.add(new AdditionalImage(name, ref));
            i++;
        }
        List<OperatorCatalog> operators = new ArrayList<>();
        for (JsonNode op : mirror.path("operators")) {
            List<String> packages = new ArrayList<>();
            op.path("packages").forEach(p -> packages.add(p.path("name").asText("")));
            operators.add(new OperatorCatalog(op.path("catalog").asText(""), packages));
        }
        List<Pattern> blocked = new ArrayList<>();
        for (JsonNode b : mirror.path("blockedImages")) {
            String regex = b.path("name").asText("");
            try {
                blocked.add(Pattern.compile(regex));
            } catch (PatternSyntaxException e) {
                throw MirrorException.badInput("image set " + where + ": blockedImages entry '" + regex + "' is not a valid regex");
            }
        }
        Long archiveSize = root.has("archiveSize") ? root.path("archiveSize").asLong() : null;
        if (images.isEmpty() && operators.isEmpty()) {
            throw MirrorException.badInput("image set " + where + " lists no images (mirror.additionalImages is empty)");
        }
        return new ImageSetConfig(apiVersion, List.copyOf(images), List.copyOf(operators), List.copyOf(blocked), archiveSize);
    }

    /** additionalImages minus the blocked ones (oc-mirror v2 applies blockedImages as regexes after collection). */
    public List<AdditionalImage> imagesToMirror() {
        List<AdditionalImage> result = new ArrayList<>();
        for (AdditionalImage image : additionalImages) {
            boolean isBlocked = blockedImages.stream().anyMatch(p -> p.matcher(image.name()).find());
            if (!isBlocked) {
                result.add(image);
            }
        }
        return result;
    }
}
