package io.mtcassistant.mirror.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A file-based catalog (FBC) as a list of blobs in file order: olm.package, olm.channel,
 * olm.bundle and any other schema (kept as they are, e.g. olm.deprecations).
 */
public final class FileBasedCatalog {

    public static final String PACKAGE = "olm.package";
    public static final String CHANNEL = "olm.channel";
    public static final String BUNDLE = "olm.bundle";

    private final List<ObjectNode> blobs;
    private final Set<String> knownPackages;

    public FileBasedCatalog(List<ObjectNode> blobs) {
        this(blobs, Set.of());
    }

    /** knownPackages: every package the source catalog has, also those left out while reading (for messages). */
    public FileBasedCatalog(List<ObjectNode> blobs, Set<String> knownPackages) {
        this.blobs = List.copyOf(blobs);
        Set<String> known = new java.util.TreeSet<>(knownPackages);
        known.addAll(packageNames());
        this.knownPackages = java.util.Collections.unmodifiableSet(known);
    }

    /** Every package name of the source catalog, sorted. */
    public Set<String> knownPackages() {
        return knownPackages;
    }

    public List<ObjectNode> blobs() {
        return blobs;
    }

    /** The package a blob belongs to: the name of an olm.package, the package field of everything else. */
    public static String packageOf(ObjectNode blob) {
        return PACKAGE.equals(blob.path("schema").asText()) ? blob.path("name").asText("") : blob.path("package").asText("");
    }

    public Set<String> packageNames() {
        Set<String> names = new LinkedHashSet<>();
        for (ObjectNode b : blobs) {
            if (PACKAGE.equals(b.path("schema").asText())) {
                names.add(b.path("name").asText());
            }
        }
        return names;
    }

    public Optional<ObjectNode> packageBlob(String name) {
        return blobs.stream().filter(b -> PACKAGE.equals(b.path("schema").asText()) && name.equals(b.path("name").asText())).findFirst();
    }

    public Optional<String> defaultChannel(String packageName) {
        return packageBlob(packageName).map(b -> b.path("defaultChannel").asText(null));
    }

    public List<FbcChannel> channels(String packageName) {
        List<FbcChannel> result = new ArrayList<>();
        for (ObjectNode b : blobs) {
            if (CHANNEL.equals(b.path("schema").asText()) && packageName.equals(b.path("package").asText())) {
                result.add(new FbcChannel(packageName, b.path("name").asText(), b));
            }
        }
        return result;
    }

    public Optional<FbcChannel> channel(String packageName, String channelName) {
        return channels(packageName).stream().filter(c -> c.name().equals(channelName)).findFirst();
    }

    public List<FbcBundle> bundles(String packageName) {
        List<FbcBundle> result = new ArrayList<>();
        for (ObjectNode b : blobs) {
            if (BUNDLE.equals(b.path("schema").asText()) && packageName.equals(b.path("package").asText())) {
                result.add(new FbcBundle(packageName, b.path("name").asText(), b.path("image").asText(""), b));
            }
        }
        return result;
    }

    public Optional<FbcBundle> bundle(String packageName, String bundleName) {
        return bundles(packageName).stream().filter(b -> b.name().equals(bundleName)).findFirst();
    }

    /** Every bundle of every package, in file order. */
    public List<FbcBundle> allBundles() {
        List<FbcBundle> result = new ArrayList<>();
        for (ObjectNode b : blobs) {
            if (BUNDLE.equals(b.path("schema").asText())) {
                result.add(new FbcBundle(b.path("package").asText(), b.path("name").asText(), b.path("image").asText(""), b));
            }
        }
        return result;
    }
}
