package io.mtcassistant.mirror.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mtcassistant.mirror.Descriptor;
import io.mtcassistant.mirror.ImageReference;
import io.mtcassistant.mirror.Manifest;
import io.mtcassistant.mirror.MirrorException;
import io.mtcassistant.mirror.MirrorOptions;
import io.mtcassistant.mirror.MirrorReport;
import io.mtcassistant.mirror.MirrorService;
import io.mtcassistant.mirror.archive.MirrorArchive;
import io.mtcassistant.mirror.engine.ImageResult;
import io.mtcassistant.mirror.engine.ImageStore;
import io.mtcassistant.mirror.engine.LayoutStore;
import io.mtcassistant.mirror.engine.Stores;
import io.mtcassistant.mirror.engine.TransferEngine;
import io.mtcassistant.mirror.engine.TransferListener;
import io.mtcassistant.mirror.journal.MirrorJournal;
import io.mtcassistant.mirror.layout.OciLayout;
import io.mtcassistant.mirror.outputs.ClusterResources;
import io.mtcassistant.mirror.outputs.ResultsWriter;
import io.mtcassistant.mirror.outputs.RunSummary;
import io.mtcassistant.mirror.plan.DestinationNamer;
import io.mtcassistant.mirror.plan.ImageSetConfig;
import io.mtcassistant.mirror.plan.MirrorItem;
import io.mtcassistant.mirror.registry.RegistryAccess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Mirrors MTC from an operator catalog (registry to registry, to an archive, or from one): reads the index image's file-based
 * catalog, keeps mtc-operator's chosen channel and the packages its bundles require (OADP),
 * copies every bundle and related image with its digest, pushes the rebuilt (filtered) catalog
 * under the source's repository and tag, and writes the CatalogSource next to mapping.txt and the
 * ICSP/IDMS/ITMS of the results folder.
 *
 * <p>Use: {@code plan(request, "docker://mirror:8443/prefix", workDir)} (reads the catalog, shows
 * what will be copied and why), then {@code run(plan, resultsDir, journal)}. Progress arrives on
 * the {@link TransferListener}; {@link #cancel()} stops the run (finished images stay journaled).
 */
public final class CatalogMirror {

    /** In an archive directory: the rebuilt catalog as an OCI layout, and what it is. */
    public static final String ARCHIVE_CATALOG_LAYOUT = "catalog";
    public static final String ARCHIVE_CATALOG_FILE = "catalog.json";

    private final RegistryAccess access;
    private final MirrorOptions options;
    private final TransferListener listener;
    private volatile MirrorService running;
    private volatile TransferEngine catalogEngine;
    private volatile boolean cancelled;

    public CatalogMirror(RegistryAccess access, MirrorOptions options, TransferListener listener) {
        this.access = access;
        this.options = options;
        this.listener = listener == null ? TransferListener.NONE : listener;
    }

    public void cancel() {
        cancelled = true;
        MirrorService s = running;
        if (s != null) {
            s.cancel();
        }
        TransferEngine e = catalogEngine;
        if (e != null) {
            e.cancel();
        }
    }

    /** Reads and filters the catalog (into workDir) and lists every image with its purpose. */
    public CatalogPlan plan(CatalogRequest request, String target, Path workDir) {
        DestinationNamer namer = DestinationNamer.parse(target);
        Map<String, PlannedImage> images = new LinkedHashMap<>();
        FilteredCatalog filtered = null;
        FilteredCatalogImage rebuilt = null;
        MirrorItem catalogItem = null;
        long catalogSize = -1;
        if (!request.packages().isEmpty()) {
            if (request.catalog() == null || request.catalog().isBlank()) {
                throw MirrorException.badInput("no operator catalog given (for example registry.redhat.io/redhat/redhat-operator-index:v4.14)");
            }
            ImageReference catalogRef = tagged(ImageReference.parseRegistry(request.catalog()));
            String where = catalogRef.plain();
            ImageStore store = Stores.source(catalogRef, access, options.srcTlsVerify());
            CatalogImage image = CatalogImage.read(store, Stores.sourceReference(catalogRef), where);
            Path dir = workDir.resolve("catalog-" + DestinationNamer.fnv32a(where));
            Path configs = dir.resolve("configs");
            try {
                ConfigsExtractor.delete(dir, false);
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw OciLayout.fileError(e, "preparing " + dir);
            }
            listener.imageState(where, TransferListener.ImageState.STARTED, "reading the catalog");
            ConfigsExtractor.extract(store, image.preferred(), configs, where, listener::bytesTransferred);
            filtered = new CatalogFilter(wanted -> FbcReader.read(configs, where, wanted), where).filter(request.packages());
            rebuilt = FilteredCatalogImage.build(store, image, filtered.catalog(), new OciLayout(dir.resolve("rebuilt")));
            try {
                // The full catalog can be hundreds of MB; only the rebuilt image is needed from here on.
                ConfigsExtractor.delete(configs, false);
            } catch (IOException e) {
                // Left for the next plan to clear.
            }
            listener.imageState(where, TransferListener.ImageState.BLOBS_DONE, "catalog read and filtered to "
                    + String.join(", ", filtered.packageNames()));
            catalogItem = new MirrorItem(request.catalog(), catalogRef, namer.destinationFor(catalogRef, request.catalog()));
            catalogSize = image.preferred().manifest().blobs().stream().mapToLong(Descriptor::size).sum();
            for (FilteredCatalog.KeptBundle kept : filtered.bundles()) {
                FbcBundle b = kept.bundle();
                boolean mtc = CatalogRequest.MTC_PACKAGE.equals(b.packageName());
                boolean oadp = kept.dependency() || b.packageName().contains("oadp");
                ImagePurpose bundlePurpose = mtc ? ImagePurpose.MTC_BUNDLE : oadp ? ImagePurpose.OADP_DEPENDENCY : ImagePurpose.OTHER_OPERATOR;
                ImagePurpose operandPurpose = mtc ? ImagePurpose.MTC_OPERAND : bundlePurpose;
                add(images, namer, b.image(), bundlePurpose, b.name() + " bundle image", where);
                for (FbcBundle.RelatedImage r : b.relatedImages()) {
                    add(images, namer, r.image(), operandPurpose, b.name() + " relatedImage" + (r.name().isEmpty() ? "" : " " + r.name()), where);
                }
            }
        }
        List<String> notes = new ArrayList<>();
        if (request.legacyOperatorImage() != null) {
            add(images, namer, request.legacyOperatorImage(), ImagePurpose.LEGACY_OPERATOR, "operator.yml install for legacy clusters",
                    "the legacy operator image");
            addLegacyOperands(images, namer, request.legacyOperatorImage(), notes);
        }
        for (String extra : request.additionalImages()) {
            add(images, namer, extra, ImagePurpose.ADDITIONAL, "listed in the image set", "additionalImages");
        }
        List<PlannedImage> list = new ArrayList<>();
        for (PlannedImage p : images.values()) {
            boolean blocked = request.blockedImages().stream().anyMatch(re -> re.matcher(p.item().sourceText()).find());
            if (!blocked) {
                list.add(p);
            }
        }
        if (catalogItem != null) {
            list.add(new PlannedImage(catalogItem, ImagePurpose.CATALOG, "filtered to " + String.join(", ", filtered.packageNames())
                    + "; rebuilt as " + rebuilt.digest(), catalogSize));
        }
        if (list.isEmpty()) {
            throw MirrorException.badInput("nothing to mirror: no package, legacy operator or additional image selected");
        }
        return new CatalogPlan(request, namer, filtered, rebuilt, catalogItem, List.copyOf(list), List.copyOf(notes));
    }

    /** The images the legacy operator's operator.yml deploys (velero, plugins, controller...), read from the image itself. */
    private void addLegacyOperands(Map<String, PlannedImage> images, DestinationNamer namer, String legacyImage, List<String> notes) {
        String where = legacyImage;
        try {
            ImageReference ref = tagged(ImageReference.parseRegistry(legacyImage));
            ImageStore store = Stores.source(ref, access, options.srcTlsVerify());
            CatalogImage image = CatalogImage.read(store, Stores.sourceReference(ref), where);
            Optional<byte[]> yml = ImageFileReader.read(store, image.preferred(), "operator.yml", where);
            if (yml.isEmpty()) {
                notes.add(legacyImage + " has no /operator.yml; only the operator image itself is mirrored");
                return;
            }
            for (LegacyOperatorImages.Referenced r : LegacyOperatorImages.fromOperatorYml(yml.get(), where)) {
                add(images, namer, r.image(), ImagePurpose.LEGACY_OPERATOR, "deployed by the legacy operator (" + r.envPrefix() + "_REPO/_TAG)",
                        where + " operator.yml");
            }
        } catch (MirrorException e) {
            if (e.kind() == MirrorException.Kind.AUTH || e.kind() == MirrorException.Kind.TLS || e.kind() == MirrorException.Kind.NETWORK
                    || e.kind() == MirrorException.Kind.NOT_FOUND || e.kind() == MirrorException.Kind.REGISTRY) {
                notes.add("the images the legacy operator deploys could not be read from " + legacyImage + ": " + e.getMessage());
            } else {
                throw e;
            }
        }
    }

    private static void add(Map<String, PlannedImage> images, DestinationNamer namer, String text, ImagePurpose purpose, String detail,
                            String where) {
        ImageReference ref;
        try {
            ref = ImageReference.parseRegistry(text);
        } catch (MirrorException e) {
            throw MirrorException.badInput("catalog " + where + ": " + detail + ": " + e.getMessage());
        }
        ref = tagged(ref);
        MirrorItem item = new MirrorItem(text, ref, namer.destinationFor(ref, text));
        images.putIfAbsent(ref.plain(), new PlannedImage(item, purpose, detail, -1));
    }

    /**
     * The same plan with the size of every image filled in (manifests and blobs of all platforms,
     * from the source manifests; nothing is downloaded). Images that cannot be read keep -1; the
     * run reports why.
     */
    public CatalogPlan measure(CatalogPlan plan) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.jobs()), r -> {
            Thread t = new Thread(r, "catalog-measure");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<PlannedImage>> futures = new ArrayList<>();
            for (PlannedImage p : plan.images()) {
                futures.add(pool.submit(() -> p.sizeBytes() >= 0 ? p : measured(p)));
            }
            List<PlannedImage> measured = new ArrayList<>();
            for (Future<PlannedImage> f : futures) {
                try {
                    measured.add(f.get());
                } catch (ExecutionException e) {
                    throw new MirrorException(MirrorException.Kind.REGISTRY, "unexpected error: " + e.getCause(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new MirrorException(MirrorException.Kind.INTERRUPTED, "interrupted");
                }
            }
            return new CatalogPlan(plan.request(), plan.namer(), plan.filtered(), plan.catalogImage(), plan.catalogItem(), List.copyOf(measured),
                    plan.notes());
        } finally {
            pool.shutdownNow();
        }
    }

    private PlannedImage measured(PlannedImage p) {
        try {
            ImageStore store = Stores.source(p.item().source(), access, options.srcTlsVerify());
            Manifest top = store.fetchManifest(Stores.sourceReference(p.item().source()), null);
            Map<String, Long> manifests = new LinkedHashMap<>();
            manifests.put(top.digest(), top.size());
            List<Manifest> images = new ArrayList<>();
            if (top.isIndex()) {
                for (Descriptor child : top.children()) {
                    Manifest m = store.fetchManifest(child.digest(), child);
                    manifests.put(m.digest(), m.size());
                    images.add(m);
                }
            } else {
                images.add(top);
            }
            Map<String, Long> blobs = new LinkedHashMap<>();
            for (Manifest m : images) {
                for (Descriptor b : m.blobs()) {
                    blobs.putIfAbsent(b.digest(), Math.max(0, b.size()));
                }
            }
            long total = manifests.values().stream().mapToLong(Long::longValue).sum() + blobs.values().stream().mapToLong(Long::longValue).sum();
            return new PlannedImage(p.item(), p.purpose(), p.detail(), total, manifests, blobs);
        } catch (MirrorException e) {
            return p;
        }
    }

    /** Copies every image, then pushes the filtered catalog (only when all its images made it) and writes the results. */
    public CatalogMirrorResult run(CatalogPlan plan, Path resultsDir, MirrorJournal journal) {
        Instant started = Instant.now();
        MirrorService service = startService();
        MirrorReport contentReport = service.mirrorToRegistry(contentImageSet(plan), "docker://" + plan.namer().root(), resultsDir,
                journal == null ? MirrorJournal.none() : journal);
        List<ImageResult> results = new ArrayList<>(contentReport.images());
        String catalogImage = null;
        String catalogDigest = null;
        Path catalogSourceFile = null;
        if (plan.catalogItem() != null) {
            MirrorItem item = plan.catalogItem();
            ImageResult r;
            if (!contentReport.ok()) {
                r = notPushed(item, contentReport);
            } else {
                r = copyCatalog(plan.catalogImage().source(), plan.catalogImage().digest(), destinationStore(item), item.destination().tag(),
                        item.source().plain(), item.destination().plain());
            }
            results.add(r);
            if (r.ok()) {
                catalogImage = item.destination().plain();
                catalogDigest = r.digest();
            }
        }
        String legacy = null;
        if (plan.legacyOperator().isPresent()) {
            MirrorItem item = plan.legacyOperator().get().item();
            for (ImageResult r : results) {
                if (r.ok() && r.source().equals(item.source().plain())) {
                    legacy = item.destination().repositoryPath() + "@" + r.digest();
                }
            }
        }
        MirrorReport report = new MirrorReport(results, contentReport.stats(), resultsDir, null);
        if (resultsDir != null) {
            catalogSourceFile = writeResults(plan, resultsDir, results, catalogImage, started, report);
        }
        return new CatalogMirrorResult(report, catalogImage, catalogDigest, legacy, catalogSourceFile);
    }

    private Path writeResults(CatalogPlan plan, Path resultsDir, List<ImageResult> results, String catalogImage, Instant started,
                              MirrorReport report) {
        List<MirrorItem> mirrored = new ArrayList<>();
        for (PlannedImage p : plan.images()) {
            boolean ok = results.stream().anyMatch(r -> r.ok() && r.source().equals(p.item().source().plain()));
            if (ok) {
                mirrored.add(p.item());
            }
        }
        Path catalogSource = null;
        try {
            if (!mirrored.isEmpty()) {
                // mapping.txt lists the catalog too, as oc adm catalog mirror does; ICSP/IDMS are left to the content images.
                OciLayout.writeAtomically(resultsDir.resolve(ResultsWriter.MAPPING),
                        ClusterResources.mapping(mirrored).getBytes(StandardCharsets.UTF_8));
            }
            if (catalogImage != null) {
                catalogSource = writeCatalogSource(resultsDir, plan.catalogItem().source(), catalogImage);
            }
        } catch (IOException e) {
            throw OciLayout.fileError(e, "writing the results in " + resultsDir);
        }
        new ResultsWriter(resultsDir).writeSummary(RunSummary.json("mirror-to-mirror", plan.namer().root(), started, Instant.now(), results,
                report.stats()));
        return catalogSource;
    }

    /** True when an archive made by {@link #runToArchive} carries a catalog. */
    public static boolean hasCatalog(Path archiveDir) {
        return Files.isRegularFile(archiveDir.resolve(ARCHIVE_CATALOG_FILE));
    }

    /**
     * mirror -> disk: the images go into the archive as with additionalImages, and the rebuilt
     * catalog into {@code catalog/} (an OCI layout) with {@code catalog.json} naming it; both are
     * written only when every image made it.
     */
    public CatalogMirrorResult runToArchive(CatalogPlan plan, Path archiveDir, Path resultsDir) {
        Instant started = Instant.now();
        MirrorService service = startService();
        MirrorReport contentReport = service.mirrorToArchive(contentImageSet(plan), archiveDir, resultsDir);
        List<ImageResult> results = new ArrayList<>(contentReport.images());
        String catalogDigest = null;
        if (plan.catalogItem() != null) {
            MirrorItem item = plan.catalogItem();
            String refName = item.source().repositoryPath() + ":" + item.destination().tag();
            ImageResult r;
            if (!contentReport.ok()) {
                r = notPushed(item, contentReport);
            } else {
                OciLayout layout = new OciLayout(archiveDir.resolve(ARCHIVE_CATALOG_LAYOUT)).create();
                r = copyCatalog(plan.catalogImage().source(), plan.catalogImage().digest(), new LayoutStore(layout), refName,
                        item.source().plain(), "oci:" + layout.dir() + ":" + refName);
                if (r.ok()) {
                    catalogDigest = r.digest();
                    String json = "{\"source\":\"" + item.sourceText() + "\",\"refName\":\"" + refName + "\",\"digest\":\""
                            + r.digest() + "\",\"packages\":\"" + String.join(",", plan.filtered().packageNames()) + "\"}\n";
                    try {
                        OciLayout.writeAtomically(archiveDir.resolve(ARCHIVE_CATALOG_FILE), json.getBytes(StandardCharsets.UTF_8));
                        // The catalog travels next to the volumes: SHA256SUMS covers it, so --from-archive checks it first.
                        List<Path> files;
                        try (Stream<Path> walk = Files.walk(layout.dir())) {
                            files = new ArrayList<>(walk.filter(Files::isRegularFile).sorted().toList());
                        }
                        files.add(archiveDir.resolve(ARCHIVE_CATALOG_FILE));
                        MirrorArchive.addToSums(archiveDir, files);
                    } catch (IOException e) {
                        throw OciLayout.fileError(e, "writing " + archiveDir.resolve(ARCHIVE_CATALOG_FILE));
                    }
                }
            }
            results.add(r);
            if (resultsDir != null) {
                // The catalog counts as one of the run's images, as on screen: summary.json lists it with the content.
                new ResultsWriter(resultsDir).writeSummary(RunSummary.json("mirror-to-archive", archiveDir.toString(), started,
                        Instant.now(), results, contentReport.stats()));
            }
        }
        return new CatalogMirrorResult(new MirrorReport(results, contentReport.stats(), resultsDir, archiveDir), null, catalogDigest,
                null, null);
    }

    /**
     * disk -> mirror for an archive with a catalog: the images are pushed as usual, then the
     * rebuilt catalog under its source repository and tag, and the results folder gets the
     * catalog's mapping line and the CatalogSource.
     */
    public CatalogMirrorResult runFromArchive(Path archiveDir, String target, Path resultsDir, MirrorJournal journal) {
        DestinationNamer namer = DestinationNamer.parse(target);
        JsonNode meta;
        try {
            meta = new ObjectMapper().readTree(Files.readAllBytes(archiveDir.resolve(ARCHIVE_CATALOG_FILE)));
        } catch (IOException e) {
            throw new MirrorException(MirrorException.Kind.CORRUPT_ARCHIVE, archiveDir.resolve(ARCHIVE_CATALOG_FILE) + " cannot be read: "
                    + e.getMessage());
        }
        String sourceText = meta.path("source").asText("");
        String refName = meta.path("refName").asText("");
        if (sourceText.isEmpty() || refName.isEmpty()) {
            throw new MirrorException(MirrorException.Kind.CORRUPT_ARCHIVE, archiveDir.resolve(ARCHIVE_CATALOG_FILE)
                    + " does not name the catalog (source, refName)");
        }
        OciLayout catalogLayout = OciLayout.open(archiveDir.resolve(ARCHIVE_CATALOG_LAYOUT));
        Instant started = Instant.now();
        MirrorService service = startService();
        MirrorReport contentReport = service.archiveToRegistry(archiveDir, target, resultsDir,
                journal == null ? MirrorJournal.none() : journal);
        List<ImageResult> results = new ArrayList<>(contentReport.images());
        ImageReference catalogRef = ImageReference.parseRegistry(sourceText);
        MirrorItem item = new MirrorItem(sourceText, catalogRef, namer.destinationFor(catalogRef, sourceText));
        ImageResult r;
        if (!contentReport.ok()) {
            r = notPushed(item, contentReport);
        } else {
            r = copyCatalog(new LayoutStore(catalogLayout), refName, destinationStore(item), item.destination().tag(),
                    item.source().plain(), item.destination().plain());
        }
        results.add(r);
        String legacy = null;
        List<MirrorItem> mirrored = new ArrayList<>();
        if (r.ok()) {
            mirrored.add(item);
        }
        for (ImageResult c : contentReport.images()) {
            if (c.ok()) {
                ImageReference src = ImageReference.parseRegistry(c.source());
                MirrorItem ci = new MirrorItem(c.source(), src, namer.destinationFor(src, c.source()));
                mirrored.add(ci);
                if (src.repository().endsWith("openshift-migration-legacy-rhel8-operator")) {
                    legacy = ci.destination().repositoryPath() + "@" + c.digest();
                }
            }
        }
        MirrorReport report = new MirrorReport(results, contentReport.stats(), resultsDir, null);
        Path catalogSource = null;
        if (resultsDir != null) {
            try {
                OciLayout.writeAtomically(resultsDir.resolve(ResultsWriter.MAPPING),
                        ClusterResources.mapping(mirrored).getBytes(StandardCharsets.UTF_8));
                if (r.ok()) {
                    catalogSource = writeCatalogSource(resultsDir, catalogRef, item.destination().plain());
                }
            } catch (IOException e) {
                throw OciLayout.fileError(e, "writing the results in " + resultsDir);
            }
            new ResultsWriter(resultsDir).writeSummary(RunSummary.json("archive-to-mirror", namer.root(), started, Instant.now(), results,
                    contentReport.stats()));
        }
        return new CatalogMirrorResult(report, r.ok() ? item.destination().plain() : null, r.ok() ? r.digest() : null, legacy,
                catalogSource);
    }

    private MirrorService startService() {
        MirrorService service = new MirrorService(access, options, listener);
        running = service;
        if (cancelled) {
            service.cancel();
        }
        return service;
    }

    /** Copies the rebuilt catalog on an engine of its own, which {@link #cancel()} reaches too. */
    private ImageResult copyCatalog(ImageStore source, String sourceRef, ImageStore dest, String destRef, String sourceLabel,
                                    String destLabel) {
        try (TransferEngine engine = new TransferEngine(options.jobs(), listener)) {
            catalogEngine = engine;
            if (cancelled) {
                engine.cancel();
            }
            return engine.copy(source, sourceRef, dest, destRef, true, sourceLabel, destLabel);
        }
    }

    private ImageStore destinationStore(MirrorItem item) {
        return Stores.destination(item.destination(), access, options.destTlsVerify());
    }

    /** The plan's images other than the catalog, as an image set of additional images. */
    private static ImageSetConfig contentImageSet(CatalogPlan plan) {
        List<ImageSetConfig.AdditionalImage> content = plan.contentImages().stream()
                .map(p -> new ImageSetConfig.AdditionalImage(p.item().sourceText(), p.item().source())).toList();
        return new ImageSetConfig(ImageSetConfig.V2, content, List.of(), List.of(), null);
    }

    private static Path writeCatalogSource(Path resultsDir, ImageReference catalog, String mirroredImage) throws IOException {
        String name = CatalogSourceYaml.name(catalog);
        Path file = resultsDir.resolve(CatalogSourceYaml.fileName(name));
        OciLayout.writeAtomically(file, CatalogSourceYaml.yaml(name, mirroredImage).getBytes(StandardCharsets.UTF_8));
        return file;
    }

    /** A registry reference with neither tag nor digest means its latest tag. */
    private static ImageReference tagged(ImageReference ref) {
        return ref.tag() == null && ref.digest() == null ? ref.withTag("latest") : ref;
    }

    private ImageResult notPushed(MirrorItem item, MirrorReport contentReport) {
        ImageResult r = new ImageResult(item.source().plain(), item.destination().plain(), null, null, 0, Duration.ZERO,
                ImageResult.Status.FAILED, "not pushed: " + contentReport.failed() + " of its images failed; run again to resume");
        listener.imageFinished(r);
        return r;
    }
}
