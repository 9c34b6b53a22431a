package io.mtcassistant.mirror.catalog;

import java.util.List;

/**
 * The catalog cut down to the selected packages, channels and bundles (plus the packages they
 * require), and the bundles kept, each with why it is there.
 *
 * @param catalog      the filtered FBC
 * @param bundles      kept bundles in catalog order
 * @param dependencies packages added because a kept bundle requires them (package -> channels kept)
 */
public record FilteredCatalog(FileBasedCatalog catalog, List<KeptBundle> bundles, List<Dependency> dependencies) {

    /** A kept bundle; dependency is true when it came in through olm.package.required. */
    public record KeptBundle(FbcBundle bundle, List<String> channels, boolean dependency) {
    }

    /** A package that a kept bundle requires, the range asked for, and the channels kept for it. */
    public record Dependency(String packageName, String versionRange, String requiredBy, List<String> channels) {
    }

    public List<String> packageNames() {
        return List.copyOf(catalog.packageNames());
    }
}
