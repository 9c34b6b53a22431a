package io.mtcassistant.mirror.catalog;

import io.mtcassistant.mirror.ImageReference;
import java.util.Locale;

/**
 * The CatalogSource that points OLM at the mirrored catalog, in oc-mirror's form (grpc source in
 * openshift-marketplace, named cs-&lt;index repo&gt;-&lt;tag&gt;), written to catalogSource-&lt;name&gt;.yaml.
 */
public final class CatalogSourceYaml {

    public static final String NAMESPACE = "openshift-marketplace";

    private CatalogSourceYaml() {
    }

    /** cs-redhat-operator-index-v4-14 for registry.redhat.io/redhat/redhat-operator-index:v4.14. */
    public static String name(ImageReference source) {
        String repo = source.repository().substring(source.repository().lastIndexOf('/') + 1);
        String raw = "cs-" + repo + (source.tag() != null ? "-" + source.tag() : "");
        String name = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-").replaceAll("-+", "-");
        name = name.length() > 63 ? name.substring(0, 63) : name;
        return name.replaceAll("-+$", "");
    }

    public static String fileName(String name) {
        return "catalogSource-" + name + ".yaml";
    }

    public static String yaml(String name, String image) {
        return "apiVersion: operators.coreos.com/v1alpha1\n"
                + "kind: CatalogSource\n"
                + "metadata:\n"
                + "  name: " + name + "\n"
                + "  namespace: " + NAMESPACE + "\n"
                + "spec:\n"
                + "  displayName: MTC catalog (mirrored by MTC Assistant)\n"
                + "  image: " + image + "\n"
                + "  publisher: MTC Assistant\n"
                + "  sourceType: grpc\n";
    }
}
