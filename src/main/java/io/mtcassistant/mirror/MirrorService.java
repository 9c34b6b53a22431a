package io.mtcassistant.mirror;

import io.mtcassistant.mirror.archive.ArchiveMetadata;
import io.mtcassistant.mirror.archive.ArchiveStore;
import io.mtcassistant.mirror.archive.ArchiveVolumes;
import io.mtcassistant.mirror.archive.MirrorArchive;
import io.mtcassistant.mirror.archive.StreamingArchive;
import io.mtcassistant.mirror.engine.ImageResult;
import io.mtcassistant.mirror.engine.ImageStore;
import io.mtcassistant.mirror.engine.LayoutStore;
import io.mtcassistant.mirror.engine.Stores;
import io.mtcassistant.mirror.engine.TransferEngine;
import io.mtcassistant.mirror.engine.TransferListener;
import io.mtcassistant.mirror.journal.MirrorJournal;
import io.mtcassistant.mirror.layout.OciLayout;
import io.mtcassistant.mirror.outputs.ResultsWriter;
import io.mtcassistant.mirror.outputs.RunSummary;
import io.mtcassistant.mirror.plan.DestinationNamer;
import io.mtcassistant.mirror.plan.ImageSetConfig;
import io.mtcassistant.mirror.plan.MirrorItem;
import io.mtcassistant.mirror.plan.MirrorPlan;
import io.mtcassistant.mirror.registry.RegistryAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The three mirror workflows over one image set: registry to registry, registry to archive, and
 * archive to registry. Writes the results folder (mapping.txt, ICSP, IDMS, ITMS, summary.json)
 * and keeps a journal so an interrupted run continues where it stopped.
 */
public final class MirrorService {

    public static final String STAGING = ".staging-layout";
    public static final String STAGING_JOURNAL = ".staging-journal.jsonl";

    private final RegistryAccess access;
    private final MirrorOptions options;
    private final TransferListener listener;
    private volatile TransferEngine running;
    private volatile boolean cancelled;
    private volatile java.util.function.Consumer<Path> stagingProbe = dir -> { };

    public MirrorService(RegistryAccess access, MirrorOptions options, TransferListener listener) {
        this.access = access;
        this.options = options;
        this.listener = listener == null ? TransferListener.NONE : listener;
    }

    /** Stops the run: no new images or blobs start; what finished stays finished and journaled. */
    public void cancel() {
        cancelled = true;
        TransferEngine engine = running;
        if (engine != null) {
            engine.cancel();
        }
    }

    /** mirror -> mirror. */
    public MirrorReport mirrorToRegistry(ImageSetConfig config, String target, Path resultsDir, MirrorJournal journal) {
        MirrorPlan plan = MirrorPlan.of(config, DestinationNamer.parse(target));
        Instant started = Instant.now();
        try (TransferEngine engine = startEngine().uploads(journal.uploads())) {
            List<ImageResult> results = runAll(plan.items(), item -> {
                ImageStore source = Stores.source(item.source(), access, options.srcTlsVerify());
                ImageStore dest = Stores.destination(item.destination(), access, options.destTlsVerify());
                return copyWithJournal(engine, journal, item.source().plain(), source, Stores.sourceReference(item.source()), dest,
                        item.destination().tag(), item.destination().plain());
            });
            return finish("mirror-to-mirror", plan.namer().root(), plan.items(), results, started, engine, resultsDir, null);
        }
    }

    /**
     * mirror -> archive: each blob goes into a staging OCI layout, is verified there, and is then
     * appended to the current tar volume and removed from staging (the archive grows volume by volume).
     * Manifests stay in staging until the end; the journals of both let an interrupted run resume.
     */
    public MirrorReport mirrorToArchive(ImageSetConfig config, Path archiveDir, Path resultsDir) {
        if (!config.operators().isEmpty()) {
            MirrorPlan.of(config, new DestinationNamer("archive", ""));
        }
        List<ImageSetConfig.AdditionalImage> images = config.imagesToMirror();
        Instant started = Instant.now();
        OciLayout staging;
        try {
            Files.createDirectories(archiveDir);
            staging = new OciLayout(archiveDir.resolve(STAGING)).create();
        } catch (IOException e) {
            throw OciLayout.fileError(e, "creating archive directory " + archiveDir);
        }
        try (StreamingArchive archive = StreamingArchive.resume(staging, archiveDir, options.volumeSize(), true)) {
            if (!archive.resumed()) {
                // A new archive holds nothing yet: images the staging journal calls done must be copied again.
                deleteTree(archiveDir.resolve(STAGING_JOURNAL));
            }
            MirrorJournal journal = MirrorJournal.open(archiveDir.resolve(STAGING_JOURNAL));
            LayoutStore dest = new LayoutStore(staging, new LayoutStore.BlobSink() {
                @Override
                public boolean holds(String digest) {
                    return archive.holds(digest);
                }

                @Override
                public void stored(Descriptor blob, Path file) {
                    stagingProbe.accept(staging.dir());
                    archive.addBlob(blob.digest(), file);
                }
            });
            List<MirrorItem> items = images.stream().map(i -> new MirrorItem(i.name(), i.reference(),
                    ImageReference.layout(staging.dir(), refName(i.reference())))).toList();
            try (TransferEngine engine = startEngine()) {
                List<ImageResult> results = runAll(items, item -> {
                    ImageStore source = Stores.source(item.source(), access, options.srcTlsVerify());
                    return copyWithJournal(engine, journal, item.source().plain(), source, Stores.sourceReference(item.source()), dest,
                            item.destination().tag(), item.source().plain());
                });
                boolean allOk = results.stream().allMatch(ImageResult::ok) && !cancelled;
                if (allOk) {
                    List<ArchiveMetadata.Image> meta = new ArrayList<>();
                    for (int i = 0; i < items.size(); i++) {
                        ImageResult r = results.get(i);
                        meta.add(new ArchiveMetadata.Image(items.get(i).source().plain(), items.get(i).destination().tag(),
                                r.digest(), r.mediaType(), r.size()));
                    }
                    archive.finish(ArchiveMetadata.now(meta));
                    deleteTree(staging.dir());
                    deleteTree(archiveDir.resolve(STAGING_JOURNAL));
                }
                return finish("mirror-to-archive", archiveDir.toString(), List.of(), results, started, engine, resultsDir, archiveDir);
            }
        }
    }

    /** Test hook: called with the staging layout's folder whenever a blob is complete there, before it is packed. */
    void stagingProbe(java.util.function.Consumer<Path> probe) {
        this.stagingProbe = probe;
    }

    /**
     * archive -> mirror: verify every checksum first, then push each image with its digest,
     * reading blobs in place from the tar volumes (no unpacked copy is needed on disk).
     */
    public MirrorReport archiveToRegistry(Path archiveDir, String target, Path resultsDir, MirrorJournal journal) {
        DestinationNamer namer = DestinationNamer.parse(target);
        List<Path> volumes = MirrorArchive.verify(archiveDir);
        Instant started = Instant.now();
        ArchiveVolumes tar = ArchiveVolumes.index(volumes);
        ArchiveMetadata metadata = ArchiveMetadata.parse(tar.readAll(ArchiveMetadata.FILE), "metadata.json in " + archiveDir);
        ArchiveStore source = new ArchiveStore(tar);
        List<MirrorItem> items = new ArrayList<>();
        Map<MirrorItem, String> refNames = new HashMap<>();
        for (ArchiveMetadata.Image image : metadata.images()) {
            ImageReference ref;
            try {
                ref = ImageReference.parseRegistry(image.source());
            } catch (MirrorException e) {
                throw new MirrorException(MirrorException.Kind.CORRUPT_ARCHIVE, "metadata.json in " + archiveDir + " names a bad image: "
                        + e.getMessage());
            }
            MirrorItem item = new MirrorItem(image.source(), ref, namer.destinationFor(ref, image.source()));
            items.add(item);
            refNames.put(item, image.refName());
        }
        try (TransferEngine engine = startEngine().uploads(journal.uploads())) {
            List<ImageResult> results = runAll(items, item -> {
                ImageStore dest = Stores.destination(item.destination(), access, options.destTlsVerify());
                return copyWithJournal(engine, journal, item.source().plain(), source, refNames.get(item), dest,
                        item.destination().tag(), item.destination().plain());
            });
            return finish("archive-to-mirror", namer.root(), items, results, started, engine, resultsDir, null);
        }
    }

    /** Where an image sits in the archive's layout: its source without digest, tagged as on the destination. */
    static String refName(ImageReference source) {
        String tag = source.tag() != null ? source.tag() : DestinationNamer.fnv32a(source.plain());
        return source.repositoryPath() + ":" + tag;
    }

    private TransferEngine startEngine() {
        TransferEngine engine = new TransferEngine(options.jobs(), listener);
        running = engine;
        if (cancelled) {
            engine.cancel();
        }
        return engine;
    }

    private ImageResult copyWithJournal(TransferEngine engine, MirrorJournal journal, String sourceLabel, ImageStore source,
                                        String sourceRef, ImageStore dest, String destRef, String destLabel) {
        if (cancelled) {
            return new ImageResult(sourceLabel, destLabel, null, null, 0, Duration.ZERO, ImageResult.Status.FAILED,
                    "the transfer was stopped before it finished; run it again to resume");
        }
        String done = journal.completed(sourceLabel, destLabel).orElse(null);
        if (done != null) {
            try {
                if (dest.manifestDigest(destRef).map(done::equals).orElse(false)) {
                    ImageResult r = new ImageResult(sourceLabel, destLabel, done, null, 0, Duration.ZERO,
                            ImageResult.Status.ALREADY_PRESENT, null);
                    listener.imageFinished(r);
                    return r;
                }
            } catch (MirrorException e) {
                // The quick check failed; the full copy below reports the real problem.
            }
        }
        ImageResult r = engine.copy(source, sourceRef, dest, destRef, true, sourceLabel, destLabel);
        if (r.ok()) {
            journal.recordDone(sourceLabel, destLabel, r.digest());
        }
        return r;
    }

    private List<ImageResult> runAll(List<MirrorItem> items, Function<MirrorItem, ImageResult> work) {
        ExecutorService pool = Executors.newFixedThreadPool(options.parallelImages(), r -> {
            Thread t = new Thread(r, "mirror-image");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ImageResult>> futures = new ArrayList<>();
            for (MirrorItem item : items) {
                futures.add(pool.submit(() -> {
                    try {
                        return work.apply(item);
                    } catch (MirrorException e) {
                        ImageResult r = new ImageResult(item.source().plain(), item.destination().plain(), null, null, 0,
                                Duration.ZERO, ImageResult.Status.FAILED, e.getMessage());
                        listener.imageFinished(r);
                        return r;
                    }
                }));
            }
            List<ImageResult> results = new ArrayList<>();
            for (Future<ImageResult> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    throw new MirrorException(MirrorException.Kind.REGISTRY, "unexpected error: " + e.getCause(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancel();
                    throw new MirrorException(MirrorException.Kind.INTERRUPTED, "interrupted; run again to resume");
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private MirrorReport finish(String mode, String destination, List<MirrorItem> items, List<ImageResult> results, Instant started,
                                TransferEngine engine, Path resultsDir, Path archiveDir) {
        if (resultsDir != null) {
            ResultsWriter writer = new ResultsWriter(resultsDir);
            List<MirrorItem> mirrored = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                if (results.get(i).ok()) {
                    mirrored.add(items.get(i));
                }
            }
            writer.writeClusterResources(mirrored);
            writer.writeSummary(RunSummary.json(mode, destination, started, Instant.now(), results, engine.stats()));
        }
        return new MirrorReport(results, engine.stats(), resultsDir, archiveDir);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Leftover temp files are harmless; the next run cleans or reuses them.
        }
    }
}
