package io.mtcassistant.mirror.catalog;

import io.mtcassistant.mirror.plan.DestinationNamer;
import io.mtcassistant.mirror.plan.MirrorItem;
import java.util.List;
import java.util.Optional;

/**
 * Everything a catalog mirror run will do, for showing before it starts: the filtered catalog,
 * the rebuilt catalog image, and every image with why it is needed.
 *
 * @param request      what was asked for
 * @param namer        where images go
 * @param filtered     the filtered catalog (null when no package was selected)
 * @param catalogImage the rebuilt catalog image (null when no package was selected)
 * @param catalogItem  the catalog's source and tagged destination (null when no package was selected)
 * @param images       every image in mirror order, the catalog last
 * @param notes        things the user should know (e.g. the legacy operator image had no operator.yml)
 */
public record CatalogPlan(CatalogRequest request, DestinationNamer namer, FilteredCatalog filtered, FilteredCatalogImage catalogImage,
                          MirrorItem catalogItem, List<PlannedImage> images, List<String> notes) {

    /** A plan of additional images only (no catalog), e.g. for measuring them before an archive run. */
    public static CatalogPlan additionalImages(List<MirrorItem> items) {
        List<PlannedImage> images = items.stream()
                .map(i -> new PlannedImage(i, ImagePurpose.ADDITIONAL, ImagePurpose.ADDITIONAL.label(), -1)).toList();
        return new CatalogPlan(null, null, null, null, null, images, List.of());
    }

    /** The images other than the catalog (what the transfer engine copies unchanged). */
    public List<PlannedImage> contentImages() {
        return images.stream().filter(i -> i.purpose() != ImagePurpose.CATALOG).toList();
    }

    public Optional<PlannedImage> legacyOperator() {
        return images.stream().filter(i -> i.purpose() == ImagePurpose.LEGACY_OPERATOR).findFirst();
    }

    /** Sum of the known sizes. */
    public long knownBytes() {
        return images.stream().mapToLong(i -> Math.max(0, i.sizeBytes())).sum();
    }
}
