package io.mtcassistant.mirror.outputs;

import io.mtcassistant.mirror.plan.MirrorItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The YAML a cluster needs to pull mirrored images: ImageContentSourcePolicy (OCP 4.x before
 * 4.13), ImageDigestMirrorSet (4.13+) and, for images referenced by tag, ImageTagMirrorSet.
 * One entry per source repository, written with keys in the order {@code oc} writes them
 * (mirrors before source).
 */
public final class ClusterResources {

    public static final String ICSP_NAME = "generic-0";
    public static final String IDMS_NAME = "idms-generic-0";
    public static final String ITMS_NAME = "itms-generic-0";

    private ClusterResources() {
    }

    /** source repository -> mirror repository, in first-seen order. */
    static Map<String, String> repositories(List<MirrorItem> items) {
        Map<String, String> result = new LinkedHashMap<>();
        for (MirrorItem item : items) {
            result.putIfAbsent(item.source().repositoryPath(), item.destination().repositoryPath());
        }
        return result;
    }

    public static String imageContentSourcePolicy(List<MirrorItem> items) {
        return document("operator.openshift.io/v1alpha1", "ImageContentSourcePolicy", ICSP_NAME, "repositoryDigestMirrors",
                repositories(items));
    }

    public static String imageDigestMirrorSet(List<MirrorItem> items) {
        return document("config.openshift.io/v1", "ImageDigestMirrorSet", IDMS_NAME, "imageDigestMirrors", repositories(items));
    }

    /** Only the repositories that hold images referenced by tag; empty text when there are none. */
    public static String imageTagMirrorSet(List<MirrorItem> items) {
        List<MirrorItem> tagged = new ArrayList<>();
        for (MirrorItem item : items) {
            if (!item.byDigest()) {
                tagged.add(item);
            }
        }
        if (tagged.isEmpty()) {
            return "";
        }
        return document("config.openshift.io/v1", "ImageTagMirrorSet", ITMS_NAME, "imageTagMirrors", repositories(tagged));
    }

    private static String document(String apiVersion, String kind, String name, String listField, Map<String, String> repos) {
        StringBuilder y = new StringBuilder();
        y.append("apiVersion: ").append(apiVersion).append('\n');
        y.append("kind: ").append(kind).append('\n');
        y.append("metadata:\n");
        y.append("  name: ").append(name).append('\n');
        y.append("spec:\n");
        y.append("  ").append(listField).append(":\n");
        for (Map.Entry<String, String> e : repos.entrySet()) {
            y.append("  - mirrors:\n");
            y.append("    - ").append(e.getValue()).append('\n');
            y.append("    source: ").append(e.getKey()).append('\n');
        }
        return y.toString();
    }

    /** mapping.txt: one source=destination line per image, as oc adm catalog mirror writes it. */
    public static String mapping(List<MirrorItem> items) {
        StringBuilder s = new StringBuilder();
        for (MirrorItem item : items) {
            s.append(item.mappingLine()).append('\n');
        }
        return s.toString();
    }
}
