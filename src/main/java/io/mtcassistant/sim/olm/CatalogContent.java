package io.mtcassistant.sim.olm;

import io.mtcassistant.mirror.catalog.FbcBundle;
import io.mtcassistant.mirror.catalog.FbcChannel;
import io.mtcassistant.mirror.catalog.FileBasedCatalog;
import io.mtcassistant.mirror.catalog.SemVer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a catalog serves, read from the file-based catalog in its image: packages, channels, bundles. */
record CatalogContent(Map<String, PackageContent> packages) {

    /** One bundle (one CSV) with its version and the images it runs. */
    record Bundle(String csvName, String version, String image, List<FbcBundle.RelatedImage> relatedImages) {
    }

    record Channel(String name, List<Bundle> bundles) {
        /** The newest bundle: what a new Subscription to this channel installs. */
        Bundle head() {
            return bundles.get(bundles.size() - 1);
        }

        Optional<Bundle> bundle(String csvName) {
            return bundles.stream().filter(b -> b.csvName().equals(csvName)).findFirst();
        }
    }

    record PackageContent(String name, String defaultChannel, Map<String, Channel> channels) {
    }

    static CatalogContent of(FileBasedCatalog catalog) {
        Map<String, PackageContent> packages = new LinkedHashMap<>();
        for (String packageName : catalog.packageNames()) {
            Map<String, Channel> channels = new LinkedHashMap<>();
            for (FbcChannel channel : catalog.channels(packageName)) {
                List<Bundle> bundles = new ArrayList<>();
                for (String entry : channel.entryNames()) {
                    catalog.bundle(packageName, entry).ifPresent(b -> bundles.add(new Bundle(b.name(),
                            b.version().map(SemVer::toString).orElse(versionOf(b.name())), b.image(),
                            b.relatedImages())));
                }
                bundles.sort(Comparator.comparing(b -> SemVer.parse(b.version()).orElse(new SemVer(0, 0, 0, null))));
                if (!bundles.isEmpty()) {
                    channels.put(channel.name(), new Channel(channel.name(), List.copyOf(bundles)));
                }
            }
            String defaultChannel = catalog.defaultChannel(packageName).orElse(
                    channels.isEmpty() ? null : channels.keySet().iterator().next());
            packages.put(packageName, new PackageContent(packageName, defaultChannel, channels));
        }
        return new CatalogContent(Map.copyOf(packages));
    }

    /** "mtc-operator.v1.8.8" -> "1.8.8" */
    static String versionOf(String csvName) {
        int v = csvName.lastIndexOf(".v");
        return v >= 0 ? csvName.substring(v + 2) : csvName;
    }
}
