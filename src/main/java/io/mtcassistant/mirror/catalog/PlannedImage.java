package io.mtcassistant.mirror.catalog;

import io.mtcassistant.mirror.plan.MirrorItem;
import java.util.Map;

/**
 * One image of a catalog mirror plan: source, tagged destination, why it is needed (purpose and a
 * detail such as "mtc-operator.v1.8.1 relatedImage openshift_migration_controller"), and its size
 * in bytes when known (-1 otherwise). Once measured, manifests and blobs map each digest to its size,
 * so that what images share can be counted once (both are empty when not measured).
 */
public record PlannedImage(MirrorItem item, ImagePurpose purpose, String detail, long sizeBytes, Map<String, Long> manifests,
                           Map<String, Long> blobs) {

    public PlannedImage {
        manifests = manifests == null ? Map.of() : Map.copyOf(manifests);
        blobs = blobs == null ? Map.of() : Map.copyOf(blobs);
    }

    public PlannedImage(MirrorItem item, ImagePurpose purpose, String detail, long sizeBytes) {
        this(item, purpose, detail, sizeBytes, Map.of(), Map.of());
    }
}
