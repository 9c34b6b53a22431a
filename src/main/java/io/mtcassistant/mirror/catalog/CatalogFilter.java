package io.mtcassistant.mirror.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mtcassistant.mirror.MirrorException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Cuts a catalog down to the selected packages and channels and adds the packages their bundles
 * require (olm.package.required): oc-mirror v2 leaves those out, and without them OLM cannot
 * install mtc-operator offline (it needs redhat-oadp-operator). For a required package the
 * newest satisfying bundle of each channel that has one is kept. Other schemas (olm.deprecations)
 * are left out: they may name channels or bundles that are gone.
 */
public final class CatalogFilter {

    private final Function<Predicate<String>, FileBasedCatalog> loader;
    private final String where;

    /** loader reads the catalog keeping the packages the predicate accepts (called once per round of dependencies). */
    public CatalogFilter(Function<Predicate<String>, FileBasedCatalog> loader, String where) {
        this.loader = loader;
        this.where = where;
    }

    public static CatalogFilter of(FileBasedCatalog whole, String where) {
        return new CatalogFilter(wanted -> new FileBasedCatalog(whole.blobs().stream()
                .filter(b -> wanted.test(FileBasedCatalog.packageOf(b))).toList(), whole.knownPackages()), where);
    }

    /** Kept entries of one package: channel -> bundle names, in channel order. */
    private static final class Kept {
        final Map<String, Set<String>> channels = new LinkedHashMap<>();
    }

    public FilteredCatalog filter(List<PackageSelection> selections) {
        if (selections.isEmpty()) {
            throw MirrorException.badInput("catalog " + where + ": no package selected");
        }
        Set<String> names = new LinkedHashSet<>();
        selections.forEach(s -> names.add(s.name()));
        FileBasedCatalog catalog = loader.apply(names::contains);
        Map<String, Kept> kept = new LinkedHashMap<>();
        Map<String, FileBasedCatalog> sources = new LinkedHashMap<>();
        for (PackageSelection selection : selections) {
            requirePackage(catalog, selection.name());
            sources.put(selection.name(), catalog);
            kept.put(selection.name(), select(catalog, selection));
        }
        List<FilteredCatalog.Dependency> dependencies = new ArrayList<>();
        Set<String> explicit = new LinkedHashSet<>(names);
        Set<String> visitedBundles = new LinkedHashSet<>();
        while (true) {
            // Requirements of kept bundles on packages not chosen by the user.
            Map<String, List<String[]>> wanted = new LinkedHashMap<>();
            for (Map.Entry<String, Kept> e : kept.entrySet()) {
                FileBasedCatalog source = sources.get(e.getKey());
                for (String bundleName : allBundles(e.getValue())) {
                    if (!visitedBundles.add(e.getKey() + "/" + bundleName)) {
                        continue;
                    }
                    FbcBundle bundle = source.bundle(e.getKey(), bundleName).orElseThrow();
                    for (FbcBundle.PackageRequirement r : bundle.requiredPackages()) {
                        if (!explicit.contains(r.packageName())) {
                            wanted.computeIfAbsent(r.packageName(), k -> new ArrayList<>())
                                    .add(new String[] {r.versionRange(), bundle.name()});
                        }
                    }
                }
            }
            if (wanted.isEmpty()) {
                break;
            }
            FileBasedCatalog depCatalog = loader.apply(wanted::containsKey);
            for (Map.Entry<String, List<String[]>> e : wanted.entrySet()) {
                String pkg = e.getKey();
                if (depCatalog.packageBlob(pkg).isEmpty()) {
                    throw MirrorException.badInput("catalog " + where + ": bundle " + e.getValue().get(0)[1] + " requires package "
                            + pkg + ", which the catalog does not have");
                }
                sources.put(pkg, depCatalog);
                Kept k = kept.computeIfAbsent(pkg, x -> new Kept());
                for (String[] req : e.getValue()) {
                    List<String> channels = keepSatisfying(depCatalog, pkg, VersionRange.parse(req[0]), req[1], k);
                    if (dependencies.stream().noneMatch(d -> d.packageName().equals(pkg) && d.versionRange().equals(req[0]))) {
                        dependencies.add(new FilteredCatalog.Dependency(pkg, req[0], req[1], channels));
                    }
                }
            }
        }
        return build(kept, sources, explicit, dependencies);
    }

    private void requirePackage(FileBasedCatalog catalog, String name) {
        if (catalog.packageBlob(name).isEmpty()) {
            throw MirrorException.badInput("catalog " + where + " has no package " + name
                    + (catalog.knownPackages().isEmpty() ? "" : " (it has: " + abbreviate(catalog.knownPackages()) + ")"));
        }
    }

    private static String abbreviate(Set<String> names) {
        List<String> list = new ArrayList<>(names);
        return list.size() <= 12 ? String.join(", ", list) : String.join(", ", list.subList(0, 12)) + ", ... " + list.size() + " in all";
    }

    private Kept select(FileBasedCatalog catalog, PackageSelection selection) {
        Kept kept = new Kept();
        String pkg = selection.name();
        if (!selection.channels().isEmpty()) {
            for (PackageSelection.ChannelSelection cs : selection.channels()) {
                FbcChannel channel = catalog.channel(pkg, cs.name()).orElseThrow(() -> MirrorException.badInput("catalog " + where
                        + ": package " + pkg + " has no channel " + cs.name() + " (channels: "
                        + String.join(", ", catalog.channels(pkg).stream().map(FbcChannel::name).sorted().toList()) + ")"));
                String min = cs.minVersion() != null ? cs.minVersion() : selection.minVersion();
                Set<String> entries = fromMinimum(catalog, channel, min, false);
                kept.channels.put(channel.name(), entries);
            }
        } else {
            for (FbcChannel channel : catalog.channels(pkg)) {
                Set<String> entries = fromMinimum(catalog, channel, selection.minVersion(), selection.minVersion() == null);
                if (!entries.isEmpty()) {
                    kept.channels.put(channel.name(), entries);
                }
            }
            if (kept.channels.isEmpty()) {
                throw MirrorException.badInput("catalog " + where + ": package " + pkg + " has no bundle"
                        + (selection.minVersion() == null ? "" : " at version " + selection.minVersion() + " or later"));
            }
        }
        return kept;
    }

    /** Entries of a channel with version >= min (all without min); only the newest when headOnly. */
    private Set<String> fromMinimum(FileBasedCatalog catalog, FbcChannel channel, String min, boolean headOnly) {
        SemVer minimum = min == null ? null : SemVer.parse(min).orElseThrow(() -> MirrorException.badInput("minVersion '" + min
                + "' of package " + channel.packageName() + " is not a version like 1.8.0"));
        List<FbcBundle> bundles = new ArrayList<>();
        for (String entry : channel.entryNames()) {
            FbcBundle b = catalog.bundle(channel.packageName(), entry).orElseThrow(() -> MirrorException.badInput("catalog " + where
                    + ": channel " + channel.name() + " of package " + channel.packageName() + " lists bundle " + entry
                    + ", which the catalog does not have"));
            if (minimum == null || b.version().map(v -> v.compareTo(minimum) >= 0).orElse(false)) {
                bundles.add(b);
            }
        }
        if (bundles.isEmpty() && minimum != null) {
            throw MirrorException.badInput("catalog " + where + ": channel " + channel.name() + " of package " + channel.packageName()
                    + " has no bundle at version " + min + " or later");
        }
        if (headOnly && !bundles.isEmpty()) {
            bundles = List.of(newest(bundles).orElse(bundles.get(bundles.size() - 1)));
        }
        Set<String> names = new LinkedHashSet<>();
        bundles.forEach(b -> names.add(b.name()));
        return names;
    }

    private static Optional<FbcBundle> newest(List<FbcBundle> bundles) {
        return bundles.stream().filter(b -> b.version().isPresent()).max(Comparator.comparing(b -> b.version().get()));
    }

    private List<String> keepSatisfying(FileBasedCatalog catalog, String pkg, VersionRange range, String requiredBy, Kept kept) {
        List<String> channels = new ArrayList<>();
        for (FbcChannel channel : catalog.channels(pkg)) {
            List<FbcBundle> satisfying = new ArrayList<>();
            for (String entry : channel.entryNames()) {
                catalog.bundle(pkg, entry).filter(b -> b.version().map(range::contains).orElse(false)).ifPresent(satisfying::add);
            }
            Optional<FbcBundle> best = newest(satisfying);
            if (best.isPresent()) {
                kept.channels.computeIfAbsent(channel.name(), c -> new LinkedHashSet<>()).add(best.get().name());
                channels.add(channel.name());
            }
        }
        if (channels.isEmpty()) {
            throw MirrorException.badInput("catalog " + where + ": bundle " + requiredBy + " requires package " + pkg + " "
                    + range + ", and no bundle of " + pkg + " in the catalog satisfies that");
        }
        return channels;
    }

    private static Set<String> allBundles(Kept kept) {
        Set<String> all = new LinkedHashSet<>();
        kept.channels.values().forEach(all::addAll);
        return all;
    }

    private FilteredCatalog build(Map<String, Kept> kept, Map<String, FileBasedCatalog> sources, Set<String> explicit,
                                  List<FilteredCatalog.Dependency> dependencies) {
        List<ObjectNode> blobs = new ArrayList<>();
        List<FilteredCatalog.KeptBundle> keptBundles = new ArrayList<>();
        for (Map.Entry<String, Kept> e : kept.entrySet()) {
            String pkg = e.getKey();
            Kept k = e.getValue();
            FileBasedCatalog source = sources.get(pkg);
            ObjectNode pkgBlob = source.packageBlob(pkg).orElseThrow().deepCopy();
            if (!k.channels.containsKey(pkgBlob.path("defaultChannel").asText())) {
                // OLM needs the default channel to exist; the first kept channel takes its place.
                pkgBlob.put("defaultChannel", k.channels.keySet().iterator().next());
            }
            blobs.add(pkgBlob);
            Set<String> bundleNames = allBundles(k);
            for (FbcChannel channel : source.channels(pkg)) {
                Set<String> entries = k.channels.get(channel.name());
                if (entries == null) {
                    continue;
                }
                ObjectNode copy = channel.raw().deepCopy();
                ArrayNode list = copy.putArray("entries");
                for (JsonNode entry : channel.raw().path("entries")) {
                    if (entries.contains(entry.path("name").asText())) {
                        ObjectNode en = entry.deepCopy();
                        if (en.has("replaces") && !entries.contains(en.path("replaces").asText())) {
                            // A replaces edge to a bundle that is not mirrored would leave OLM an unresolvable chain.
                            en.remove("replaces");
                        }
                        list.add(en);
                    }
                }
                blobs.add(copy);
            }
            for (FbcBundle bundle : source.bundles(pkg)) {
                if (bundleNames.contains(bundle.name())) {
                    blobs.add(bundle.raw().deepCopy());
                    List<String> in = new ArrayList<>();
                    k.channels.forEach((c, names) -> {
                        if (names.contains(bundle.name())) {
                            in.add(c);
                        }
                    });
                    keptBundles.add(new FilteredCatalog.KeptBundle(bundle, in, !explicit.contains(pkg)));
                }
            }
        }
        return new FilteredCatalog(new FileBasedCatalog(blobs), keptBundles, dependencies);
    }
}
