package io.mtcassistant.mirror.catalog;

import io.mtcassistant.compat.ClusterPlan;
import io.mtcassistant.compat.InstallMethod;
import io.mtcassistant.compat.MigrationPlan;
import io.mtcassistant.mirror.MirrorException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What to mirror from one operator catalog: the index image, the packages (with channels and
 * minimum versions), whether the legacy operator image is needed, and any other images.
 *
 * @param catalog              the index image, e.g. registry.redhat.io/redhat/redhat-operator-index:v4.14
 * @param packages             selected packages; dependencies are added automatically
 * @param legacyOperatorImage  the legacy operator image to mirror too, or null
 * @param additionalImages     more images (as written in an image set)
 * @param blockedImages        regexes of images to leave out (oc-mirror blockedImages)
 */
public record CatalogRequest(String catalog, List<PackageSelection> packages, String legacyOperatorImage,
                             List<String> additionalImages, List<Pattern> blockedImages) {

    public static final String MTC_PACKAGE = "mtc-operator";
    public static final String OADP_PACKAGE = "redhat-oadp-operator";
    public static final String LEGACY_OPERATOR_IMAGE = "registry.redhat.io/rhmtc/openshift-migration-legacy-rhel8-operator:v1.7";

    public CatalogRequest {
        packages = packages == null ? List.of() : List.copyOf(packages);
        additionalImages = additionalImages == null ? List.of() : List.copyOf(additionalImages);
        blockedImages = blockedImages == null ? List.of() : List.copyOf(blockedImages);
    }

    /** mtc-operator on one channel (all its bundles, or from minVersion on), plus the legacy operator when asked. */
    public static CatalogRequest mtc(String catalog, String channel, String minVersion, boolean legacyOperator) {
        return new CatalogRequest(catalog, List.of(PackageSelection.channelFrom(MTC_PACKAGE, channel, minVersion)),
                legacyOperator ? LEGACY_OPERATOR_IMAGE : null, List.of(), List.of());
    }

    /**
     * From the compatibility step's decision: the OLM channel its clusters use, and the legacy
     * operator when any cluster installs it.
     */
    public static CatalogRequest fromMigrationPlan(MigrationPlan plan, String catalog) {
        List<String> channels = new ArrayList<>();
        boolean legacy = false;
        for (ClusterPlan c : plan.clusters()) {
            if (c.install() == null) {
                continue;
            }
            if (c.install().method() == InstallMethod.LEGACY_OPERATOR) {
                legacy = true;
            } else if (c.install().channel() != null && !channels.contains(c.install().channel())) {
                channels.add(c.install().channel());
            }
        }
        if (channels.isEmpty() && !legacy) {
            throw MirrorException.badInput("the migration plan does not say how MTC is installed on any cluster yet");
        }
        List<PackageSelection> packages = new ArrayList<>();
        if (!channels.isEmpty()) {
            packages.add(new PackageSelection(MTC_PACKAGE, channels.stream().map(ch -> new PackageSelection.ChannelSelection(ch, null))
                    .toList(), null));
        }
        return new CatalogRequest(catalog, packages, legacy ? LEGACY_OPERATOR_IMAGE : null, List.of(), List.of());
    }

    public CatalogRequest withLegacyOperatorImage(String image) {
        return new CatalogRequest(catalog, packages, image, additionalImages, blockedImages);
    }
}
