package io.mtcassistant.install;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mtcassistant.install.plan.KubeObjects;
import io.mtcassistant.mirror.ImageReference;
import io.mtcassistant.mirror.MirrorException;
import io.mtcassistant.mirror.catalog.CatalogImage;
import io.mtcassistant.mirror.catalog.ConfigsExtractor;
import io.mtcassistant.mirror.catalog.FbcBundle;
import io.mtcassistant.mirror.catalog.FbcReader;
import io.mtcassistant.mirror.catalog.FileBasedCatalog;
import io.mtcassistant.mirror.catalog.VersionRange;
import io.mtcassistant.mirror.engine.ImageStore;
import io.mtcassistant.mirror.engine.Stores;
import io.mtcassistant.mirror.registry.RegistryAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Mirror completeness, checked before anything is applied: every image the install will pull (the chosen MTC bundle
 * and its relatedImages, the OADP bundle OLM resolves for it and its relatedImages; on legacy clusters the operator and
 * the images its role deploys) must be in the mirror, asked by digest with a manifest HEAD. A missing one would only
 * show later as a pod in ImagePullBackOff.
 */
public final class MirrorCompleteness {

    public static final String MTC_PACKAGE = "mtc-operator";
    public static final String OADP_PACKAGE = "redhat-oadp-operator";

    /**
     * @param checked how many images were asked for
     * @param missing each image the mirror lacks, with where it was looked for
     */
    public record Result(int checked, List<String> missing) {

        public boolean complete() {
            return missing.isEmpty();
        }

        /** Blocks the install with {@link #message()} when an image is missing. */
        public void requireComplete() {
            if (!complete()) {
                throw new Incomplete(message());
            }
        }

        /** The admin's next step, with the list. */
        public String message() {
            return missing.size() + " of the " + checked + " images the install pulls are not in the mirror; mirror again"
                    + " (Mirroring step) before installing:\n  " + String.join("\n  ", missing);
        }
    }

    /** The mirror lacks images the install pulls: nothing is applied. */
    public static final class Incomplete extends IllegalStateException {
        Incomplete(String message) {
            super(message);
        }
    }

    private final MirrorResults mirror;
    private final RegistryAccess access;
    private final boolean tlsVerify;

    public MirrorCompleteness(MirrorResults mirror, MirrorAccess access) {
        this.mirror = mirror;
        this.access = access.access();
        this.tlsVerify = access.tlsVerify();
    }

    /** The legacy install: what the rewritten operator.yml pulls, already mirrored references. */
    public Result legacy(LegacyOperatorRewriter.Result rewrite) {
        List<String> missing = new ArrayList<>();
        rewrite.pulled().forEach(image -> head(image, image).ifPresent(missing::add));
        return new Result(rewrite.pulled().size(), missing);
    }

    /** The OLM install of mtcVersion: the bundles and relatedImages read from the mirrored catalog itself. */
    public Result olm(String mtcVersion) {
        Set<String> sources = olmImages(mtcVersion);
        List<String> missing = new ArrayList<>();
        for (String source : sources) {
            Optional<String> location = mirror.pullLocation(source);
            if (location.isEmpty()) {
                missing.add(source + " (no mapping.txt line, ImageContentSourcePolicy or ImageDigestMirrorSet covers it)");
            } else {
                head(location.get(), source).ifPresent(missing::add);
            }
        }
        return new Result(sources.size(), missing);
    }

    /** Source references the OLM install pulls for mtcVersion. */
    Set<String> olmImages(String mtcVersion) {
        FileBasedCatalog catalog = mirroredCatalog();
        FbcBundle mtc = catalog.bundle(MTC_PACKAGE, MTC_PACKAGE + ".v" + mtcVersion).orElseThrow(() ->
                new IllegalArgumentException("the mirrored catalog has no " + MTC_PACKAGE + ".v" + mtcVersion
                        + ": mirror the channel of that version again, or pick a version the catalog has ("
                        + String.join(", ", catalog.bundles(MTC_PACKAGE).stream().map(FbcBundle::name).toList()) + ")"));
        Set<String> images = new LinkedHashSet<>(bundleImages(mtc));
        for (FbcBundle.PackageRequirement required : mtc.requiredPackages()) {
            VersionRange range = VersionRange.parse(required.versionRange());
            FbcBundle resolved = catalog.bundles(required.packageName()).stream()
                    .filter(b -> b.version().map(range::contains).orElse(false))
                    .max(Comparator.comparing(b -> b.version().orElseThrow()))
                    .orElseThrow(() -> new IllegalArgumentException("the mirrored catalog has no " + required.packageName()
                            + " in " + required.versionRange() + ", which " + mtc.name() + " requires: mirror again"));
            images.addAll(bundleImages(resolved));
        }
        return images;
    }

    private static List<String> bundleImages(FbcBundle bundle) {
        List<String> images = new ArrayList<>();
        images.add(bundle.image());
        bundle.relatedImages().forEach(r -> images.add(r.image()));
        return images;
    }

    private FileBasedCatalog mirroredCatalog() {
        if (mirror.catalogSources().isEmpty()) {
            throw new IllegalArgumentException(mirror.dir() + ": no CatalogSource in the mirror results (catalogSource-*.yaml)");
        }
        GenericKubernetesResource source = mirror.catalogSources().get(0);
        String image = KubeObjects.valueAt(source, "spec.image").orElseThrow(() -> new IllegalArgumentException(
                mirror.dir() + ": the CatalogSource " + source.getMetadata().getName() + " names no image"));
        ImageReference ref = ImageReference.parseRegistry(image);
        ImageStore store = Stores.source(ref, access, tlsVerify);
        CatalogImage index = CatalogImage.read(store, Stores.sourceReference(ref), image);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("mtc-catalog-check");
            Path configs = ConfigsExtractor.extract(store, index.preferred(), dir.resolve("configs"), image);
            return FbcReader.read(configs, image, name -> name.equals(MTC_PACKAGE) || name.equals(OADP_PACKAGE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary folder for the catalog of " + image, e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** Empty when the mirror has the manifest; else the line for the missing list. */
    private Optional<String> head(String mirrored, String source) {
        ImageReference ref = ImageReference.parseRegistry(mirrored);
        String reference = Stores.sourceReference(ref);
        try {
            boolean present = access.client(ref.registry(), ref.registryEndpoint(), !tlsVerify)
                    .headManifest(ref.repository(), reference).isPresent();
            return present ? Optional.empty() : Optional.of(mirrored + (mirrored.equals(source) ? "" : " (for " + source + ")"));
        } catch (MirrorException e) {
            if (e.kind() == MirrorException.Kind.NOT_FOUND) {
                return Optional.of(mirrored + " (" + e.getMessage() + ")");
            }
            throw e;
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }
}
