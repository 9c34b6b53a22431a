package io.mtcassistant.mirror.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An olm.bundle blob: the bundle image, its version, its related images and the packages it requires. */
public record FbcBundle(String packageName, String name, String image, ObjectNode raw) {

    /** One relatedImages entry (the name may be empty). */
    public record RelatedImage(String name, String image) {
    }

    /** An olm.package.required property: the package and the versionRange OLM must satisfy. */
    public record PackageRequirement(String packageName, String versionRange) {
    }

    /** The version from the olm.package property, when present and valid. */
    public Optional<SemVer> version() {
        for (JsonNode p : raw.path("properties")) {
            if ("olm.package".equals(p.path("type").asText())) {
                return SemVer.parse(p.path("value").path("version").asText(null));
            }
        }
        return Optional.empty();
    }

    public List<RelatedImage> relatedImages() {
        List<RelatedImage> result = new ArrayList<>();
        for (JsonNode r : raw.path("relatedImages")) {
            String image = r.path("image").asText("");
            if (!image.isEmpty()) {
                result.add(new RelatedImage(r.path("name").asText(""), image));
            }
        }
        return result;
    }

    public List<PackageRequirement> requiredPackages() {
        List<PackageRequirement> result = new ArrayList<>();
        for (JsonNode p : raw.path("properties")) {
            if ("olm.package.required".equals(p.path("type").asText())) {
                result.add(new PackageRequirement(p.path("value").path("packageName").asText(""),
                        p.path("value").path("versionRange").asText("")));
            }
        }
        return result;
    }
}
