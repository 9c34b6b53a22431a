package io.mtcassistant.mirror.session;

import io.mtcassistant.common.ByteSizes;
import io.mtcassistant.mirror.MirrorException;
import io.mtcassistant.mirror.MirrorOptions;
import io.mtcassistant.mirror.archive.ArchiveMetadata;
import io.mtcassistant.mirror.archive.ArchiveSpace;
import io.mtcassistant.mirror.archive.ArchiveVolumes;
import io.mtcassistant.mirror.archive.MirrorArchive;
import io.mtcassistant.mirror.catalog.CatalogMirror;
import io.mtcassistant.mirror.catalog.CatalogMirrorResult;
import io.mtcassistant.mirror.catalog.CatalogPlan;
import io.mtcassistant.mirror.catalog.CatalogRequest;
import io.mtcassistant.mirror.catalog.ImagePurpose;
import io.mtcassistant.mirror.catalog.PlannedImage;
import io.mtcassistant.mirror.catalog.demo.DemoCatalog;
import io.mtcassistant.mirror.engine.TransferListener;
import io.mtcassistant.mirror.journal.MirrorJournal;
import io.mtcassistant.mirror.registry.CredentialStore;
import io.mtcassistant.mirror.registry.Credentials;
import io.mtcassistant.mirror.registry.ProxySettings;
import io.mtcassistant.mirror.registry.RegistryAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Mirroring step without a screen: turns the admin's {@link MirrorSetup} into a catalog plan (every image and why),
 * checks the disk for archives, runs it through {@link CatalogMirror} with progress on a {@link ProgressTracker}, stops
 * on request, and collects the facts the later steps need. In demo mode the source is the synthetic demo catalog,
 * generated once in the cache folder and served from 127.0.0.1. Plan and run block; call them off the UI thread.
 */
public final class MirroringSession implements AutoCloseable {

    public static final String JOURNAL = ".mirror-journal.jsonl";
    /**
     * The free-space check for an archive folder.
     *
     * @param space how the need is made up (null when only a total is known)
     */
    public record DiskCheck(Path folder, long neededBytes, long freeBytes, ArchiveSpace space) {
        public DiskCheck(Path folder, long neededBytes, long freeBytes) {
            this(folder, neededBytes, freeBytes, null);
        }

        /** False only when the free space is known and too small (counting an earlier archive the run replaces). */
        public boolean enough() {
            return freeBytes < 0 || freeBytes + freedAtStart() >= neededBytes;
        }

        /** Bytes of an earlier archive in the folder that the run deletes before it writes. */
        public long freedAtStart() {
            return space == null ? 0 : space.freedAtStart();
        }

        public boolean known() {
            return freeBytes >= 0;
        }

        /** "needs X, Y free in DIR (how the need is made up)", the command line's words for the check. */
        public String needsLine() {
            return "needs " + ByteSizes.words(neededBytes) + ", " + ByteSizes.words(freeBytes) + " free in " + folder
                    + (space == null ? "" : space.breakdown());
        }
    }

    /**
     * What will be mirrored: the catalog plan (null when reading an archive), the rows to show, the disk check, and why the
     * mirror registry did not answer {@code /v2/} (null when it answered or none is needed).
     */
    public record Planned(MirrorSetup setup, CatalogPlan catalogPlan, List<ImageRow> rows, DiskCheck disk,
                          String registryProblem) {
        public long totalBytes() {
            return rows.stream().mapToLong(r -> Math.max(0, r.sizeBytes())).sum();
        }
    }

    /**
     * How a run ended.
     *
     * @param stopped             the admin paused or cancelled it (finished images are kept; running it again resumes)
     * @param catalogImage        the mirrored catalog, host/repo:tag (null when none went to a registry)
     * @param legacyOperatorImage the legacy operator in the mirror by digest (null when not mirrored)
     * @param files               the files of the results folder (mapping.txt, ICSP/IDMS, CatalogSource, summary.json)
     * @param counts              the engine's own count of the run, the one summary.json has
     */
    public record Outcome(boolean ok, boolean stopped, long failed, String catalogImage, String catalogDigest,
                          String legacyOperatorImage, Path catalogSourceFile, Path resultsDir, Path archiveDir, List<Path> files,
                          RunCounts counts) {
    }

    private final Path cacheDir;
    private final boolean demo;
    private final ProgressTracker tracker;
    private DemoCatalog.Contents demoContents;
    private DemoSourceRegistry demoRegistry;
    private volatile CatalogMirror running;
    // One run at a time: a run cancelled from outside may still be winding down when the next one starts.
    private final java.util.concurrent.locks.ReentrantLock runLock = new java.util.concurrent.locks.ReentrantLock();
    private volatile boolean stopRequested;

    public MirroringSession(Path cacheDir, boolean demo, ProgressTracker tracker) {
        this.cacheDir = cacheDir;
        this.demo = demo;
        this.tracker = tracker;
    }

    public boolean demo() {
        return demo;
    }

    /** The index image the demo serves (synthetic, Red Hat-like names). */
    public static String demoIndexImage() {
        return DemoCatalog.DEFAULT_HOST + "/" + DemoCatalog.INDEX_REPOSITORY + ":" + DemoCatalog.INDEX_TAG;
    }

    /** The Red Hat operator index for an OpenShift 4 minor version ("4.14"). */
    public static String redHatIndexImage(String openshiftMinor) {
        return "registry.redhat.io/redhat/redhat-operator-index:v" + openshiftMinor;
    }

    /** Reads the source (catalog or archive) and lists every image with why it is needed and its size. */
    public Planned plan(MirrorSetup setup) {
        validate(setup);
        if (setup.mode().readsArchive()) {
            List<ImageRow> rows = archiveRows(setup.archiveDir());
            return new Planned(setup, null, rows, null, registryProblem(setup));
        }
        CatalogRequest request = setup.channel() == null || setup.channel().isBlank()
                ? new CatalogRequest(setup.indexImage(), List.of(), setup.legacyOperator() ? CatalogRequest.LEGACY_OPERATOR_IMAGE : null,
                        List.of(), List.of())
                : CatalogRequest.mtc(setup.indexImage(), setup.channel(), null, setup.legacyOperator());
        CatalogMirror mirror = new CatalogMirror(access(setup), options(setup), TransferListener.NONE);
        String target = setup.mode().writesArchive() ? "docker://archive" : "docker://" + setup.registry();
        CatalogPlan plan = mirror.measure(mirror.plan(request, target, workDir()));
        List<ImageRow> rows = new ArrayList<>();
        for (PlannedImage image : plan.images()) {
            rows.add(new ImageRow(image.item().source().plain(), image.purpose().label(), image.detail(), image.sizeBytes(),
                    ImageRow.State.WAITING, ""));
        }
        DiskCheck disk = setup.mode().writesArchive() ? archiveDiskCheck(plan, setup.archiveDir(), options(setup), FreeSpace.FILE_STORE)
                : null;
        return new Planned(setup, plan, List.copyOf(rows), disk, registryProblem(setup));
    }

    /** Asks the mirror registry's /v2/ once, like the Clusters step asks each API server: one cause, said before any copy. */
    private String registryProblem(MirrorSetup setup) {
        if (!setup.mode().needsRegistry()) {
            return null;
        }
        try {
            access(setup).client(setup.registryHost(), setup.registryHost(), setup.insecure()).checkReachable();
            return null;
        } catch (MirrorException e) {
            return e.getMessage();
        }
    }

    /** Copies what was planned; finished images are journaled, so running the same plan again resumes. */
    public Outcome run(Planned planned) {
        MirrorSetup setup = planned.setup();
        validate(setup);
        runLock.lock();
        stopRequested = false;
        tracker.reset(planned.rows());
        CatalogMirror mirror = new CatalogMirror(access(setup), options(setup), tracker);
        running = mirror;
        try {
            Files.createDirectories(setup.resultsDir());
            CatalogMirrorResult result = switch (setup.mode()) {
                case MIRROR_TO_MIRROR -> mirror.run(planned.catalogPlan(), setup.resultsDir(),
                        MirrorJournal.open(setup.resultsDir().resolve(JOURNAL)));
                case MIRROR_TO_ARCHIVE -> mirror.runToArchive(planned.catalogPlan(), setup.archiveDir(), setup.resultsDir());
                case ARCHIVE_TO_MIRROR -> mirror.runFromArchive(setup.archiveDir(), "docker://" + setup.registry(),
                        setup.resultsDir(), MirrorJournal.open(setup.resultsDir().resolve(JOURNAL)));
            };
            return new Outcome(result.ok() && !stopRequested, stopRequested, result.report().failed(), result.catalogImage(),
                    result.catalogDigest(), result.legacyOperatorImage(), result.catalogSourceFile(), setup.resultsDir(),
                    setup.mode().writesArchive() ? setup.archiveDir() : null, resultFiles(setup.resultsDir()),
                    RunCounts.of(result.report(), planned.totalBytes()));
        } catch (IOException e) {
            throw MirrorException.badInput("results folder " + setup.resultsDir() + " cannot be created: " + e.getMessage());
        } finally {
            running = null;
            runLock.unlock();
        }
    }

    /**
     * Stops the run: running blobs finish, nothing new starts, finished images stay journaled (pause and cancel
     * both do this; the difference is only whether the admin means to continue).
     */
    public void stop() {
        stopRequested = true;
        CatalogMirror mirror = running;
        if (mirror != null) {
            mirror.cancel();
        }
    }

    private void validate(MirrorSetup setup) {
        if (setup.mode() == null) {
            throw MirrorException.badInput("choose how to mirror (registry → mirror, registry → archive, archive → mirror)");
        }
        if (!setup.mode().readsArchive() && setup.indexImage().isEmpty()) {
            throw MirrorException.badInput("operator index image: give one, for example " + redHatIndexImage("4.14"));
        }
        if (!setup.mode().readsArchive() && (setup.channel() == null || setup.channel().isBlank()) && !setup.legacyOperator()) {
            throw MirrorException.badInput("MTC channel: choose one (for example release-v1.8), or the legacy operator");
        }
        if (setup.mode().needsRegistry()) {
            if (setup.registry().isEmpty()) {
                throw MirrorException.badInput("mirror registry: give host[:port][/path], for example mirror.example.com:8443/mtc");
            }
            MirrorSetup.registryProblem(setup.registry()).ifPresent(problem -> {
                throw MirrorException.badInput("mirror registry \"" + setup.registry() + "\": " + problem);
            });
            if (setup.caFile() != null && !Files.isRegularFile(setup.caFile())) {
                throw MirrorException.badInput("CA file " + setup.caFile() + " does not exist");
            }
        }
        if (setup.mode() != MirrorMode.MIRROR_TO_MIRROR && setup.archiveDir() == null) {
            throw MirrorException.badInput("archive folder: choose one");
        }
        if (setup.mode().readsArchive() && !Files.isDirectory(setup.archiveDir())) {
            throw MirrorException.badInput("archive folder " + setup.archiveDir() + " does not exist");
        }
        if (setup.resultsDir() == null) {
            throw MirrorException.badInput("results folder: choose one");
        }
    }

    private MirrorOptions options(MirrorSetup setup) {
        return new MirrorOptions(MirrorOptions.DEFAULT_JOBS, true, !setup.insecure(), 0);
    }

    private synchronized RegistryAccess access(MirrorSetup setup) {
        Map<String, List<Path>> cas = new HashMap<>();
        Map<String, String> endpoints = new HashMap<>();
        if (demo && !setup.mode().readsArchive()) {
            DemoSourceRegistry registry = demoRegistry();
            cas.put(registry.host(), List.of(registry.caFile()));
            endpoints.put(registry.host(), registry.endpoint());
        }
        return access(setup, demo, cas, endpoints);
    }

    /** How to reach the mirror registry of a setup (its credentials and CA), e.g. to read from it after the run. */
    public static RegistryAccess mirrorAccess(MirrorSetup setup, boolean demo) {
        return access(setup, demo, new HashMap<>(), Map.of());
    }

    private static RegistryAccess access(MirrorSetup setup, boolean demo, Map<String, List<Path>> cas, Map<String, String> endpoints) {
        CredentialStore credentials = demo ? CredentialStore.empty() : CredentialStore.system(null);
        if (!setup.username().isEmpty()) {
            credentials = credentials.with(setup.registryHost(), new Credentials(setup.username(), setup.password()));
        }
        if (setup.caFile() != null && !setup.registryHost().isEmpty()) {
            cas.put(setup.registryHost(), List.of(setup.caFile()));
        }
        return new RegistryAccess(credentials, demo ? ProxySettings.none() : ProxySettings.fromEnvironment(System.getenv()),
                cas, endpoints);
    }

    /** Generates the demo content once (in the cache folder) and serves it for the rest of the session. */
    private DemoSourceRegistry demoRegistry() {
        if (demoRegistry == null) {
            demoContents = DemoCatalog.ensure(cacheDir);
            demoRegistry = DemoSourceRegistry.start(demoContents.layoutDir(), demoContents.host(),
                    cacheDir.resolve("demo-registry-ca.pem"));
        }
        return demoRegistry;
    }

    private Path workDir() {
        Path dir = cacheDir.resolve("mirror-work");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw MirrorException.badInput("work folder " + dir + " cannot be created: " + e.getMessage());
        }
        return dir;
    }

    private static List<ImageRow> archiveRows(Path archiveDir) {
        List<Path> volumes = MirrorArchive.verify(archiveDir);
        ArchiveVolumes tar = ArchiveVolumes.index(volumes);
        ArchiveMetadata metadata = ArchiveMetadata.parse(tar.readAll(ArchiveMetadata.FILE), "metadata.json in " + archiveDir);
        List<ImageRow> rows = new ArrayList<>();
        for (ArchiveMetadata.Image image : metadata.images()) {
            rows.add(new ImageRow(ProgressTracker.key(image.source()), "from the archive", image.digest(), image.size(),
                    ImageRow.State.WAITING, ""));
        }
        if (CatalogMirror.hasCatalog(archiveDir)) {
            Path file = archiveDir.resolve(CatalogMirror.ARCHIVE_CATALOG_FILE);
            String source;
            try {
                source = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readAllBytes(file)).path("source").asText("");
            } catch (IOException e) {
                throw new MirrorException(MirrorException.Kind.CORRUPT_ARCHIVE, file + " cannot be read: " + e.getMessage());
            }
            if (source.isEmpty()) {
                throw new MirrorException(MirrorException.Kind.CORRUPT_ARCHIVE, file + " does not name the catalog");
            }
            rows.add(new ImageRow(ProgressTracker.key(source), ImagePurpose.CATALOG.label(), "rebuilt catalog in the archive", -1,
                    ImageRow.State.WAITING, ""));
        }
        return List.copyOf(rows);
    }

    /**
     * The free-space check before writing the archive of a {@link CatalogMirror#measure measured} plan into a folder: what
     * the run still needs there ({@link ArchiveSpace}) against what the folder's file store has free.
     */
    public static DiskCheck archiveDiskCheck(CatalogPlan measured, Path archiveDir, MirrorOptions options, FreeSpace freeSpace) {
        return diskCheck(archiveDir, archiveSpace(measured, archiveDir, options), freeSpace);
    }

    /**
     * What the archive of this plan still needs in the folder: the content images' blobs once each however many
     * images share them (not the sum of the image sizes), less what an interrupted run already packed, and the
     * rebuilt catalog written next to the volumes.
     */
    static ArchiveSpace archiveSpace(CatalogPlan plan, Path archiveDir, MirrorOptions options) {
        Map<String, Long> manifests = new HashMap<>();
        Map<String, Long> blobs = new HashMap<>();
        long beside = 0;
        int images = 0;
        for (PlannedImage image : plan.images()) {
            if (image.purpose() == ImagePurpose.CATALOG) {
                beside += Math.max(0, image.sizeBytes());
                continue;
            }
            images++;
            manifests.putAll(image.manifests());
            blobs.putAll(image.blobs());
            if (image.manifests().isEmpty()) {
                // Not measured in parts: its size counts as one blob of its own.
                blobs.put("unmeasured:" + image.item().sourceText(), Math.max(0, image.sizeBytes()));
            }
        }
        return ArchiveSpace.estimate(manifests, blobs, images, beside, archiveDir, options.volumeSize(), options.jobs());
    }

    static DiskCheck diskCheck(Path folder, ArchiveSpace space, FreeSpace freeSpace) {
        Path existing = folder.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        long free;
        try {
            free = freeSpace.usableBytes(existing == null ? Path.of("/") : existing);
        } catch (IOException e) {
            free = -1;
        }
        return new DiskCheck(folder, space.needed(), free, space);
    }

    private static List<Path> resultFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public synchronized void close() {
        stop();
        if (demoRegistry != null) {
            demoRegistry.close();
            demoRegistry = null;
        }
    }
}
