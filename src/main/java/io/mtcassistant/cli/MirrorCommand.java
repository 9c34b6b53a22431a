package io.mtcassistant.cli;

import io.mtcassistant.common.XdgDirs;
import io.mtcassistant.mirror.Digests;
import io.mtcassistant.mirror.MirrorException;
import io.mtcassistant.mirror.MirrorOptions;
import io.mtcassistant.mirror.MirrorReport;
import io.mtcassistant.mirror.MirrorService;
import io.mtcassistant.mirror.catalog.CatalogMirror;
import io.mtcassistant.mirror.catalog.CatalogPlan;
import io.mtcassistant.mirror.engine.ImageResult;
import io.mtcassistant.mirror.engine.TransferListener;
import io.mtcassistant.mirror.journal.MirrorJournal;
import io.mtcassistant.mirror.outputs.ResultsWriter;
import io.mtcassistant.mirror.plan.ImageSetConfig;
import io.mtcassistant.mirror.plan.MirrorItem;
import io.mtcassistant.mirror.registry.RegistryAccess;
import io.mtcassistant.mirror.session.FreeSpace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mtc-assistant mirror}: an image set to a registry or an archive, or an archive to a
 * registry. Exit 0 when every image made it, 1 when some failed, 2 for bad input.
 */
@Command(name = "mirror", mixinStandardHelpOptions = true,
        description = {"Mirror an image set: registry -> registry, registry -> archive, archive -> registry.",
            "  mirror --image-set FILE --to docker://HOST[/PREFIX]",
            "  mirror --image-set FILE --to-archive DIR [--volume-size 4G]",
            "  mirror --from-archive DIR --to docker://HOST[/PREFIX]"})
public class MirrorCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    RegistryOptionsMixin registry;

    @Option(names = "--image-set", paramLabel = "FILE", description = "ImageSetConfiguration (mirror.openshift.io/v2alpha1): additionalImages, blockedImages,"
            + " and operators (one catalog; packages, channels, minVersion; required packages such as OADP are added).")
    Path imageSet;

    @Option(names = "--to", paramLabel = "docker://HOST[/PREFIX]", description = "Destination registry (and optional path prefix).")
    String to;

    @Option(names = "--to-archive", paramLabel = "DIR", description = "Write an archive for the air gap into DIR.")
    Path toArchive;

    @Option(names = "--from-archive", paramLabel = "DIR", description = "Push an archive made with --to-archive.")
    Path fromArchive;

    @Option(names = "--jobs", paramLabel = "N", description = "Parallel blob transfers per registry (default ${DEFAULT-VALUE}).")
    int jobs = MirrorOptions.DEFAULT_JOBS;

    @Option(names = "--results", paramLabel = "DIR", description = "Results folder (default ./results-<unix time>).")
    Path results;

    @Option(names = "--volume-size", paramLabel = "SIZE", description = "Split the archive into tar volumes of SIZE (e.g. 4G, 700M);"
            + " default: the image set's archiveSize in GiB, else one file.")
    String volumeSize;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Where operator catalogs are unpacked and rebuilt (default: $XDG_CACHE_HOME/mtc-assistant/catalogs).")
    Path workDir;

    @Option(names = "--journal", paramLabel = "FILE", hidden = true,
            description = "Resume journal (default under $XDG_STATE_HOME/mtc-assistant/mirror-journals).")
    Path journal;

    /** Where the archive folder's free space is read (a fake one in tests). */
    private final FreeSpace freeSpace;

    public MirrorCommand() {
        this(FreeSpace.FILE_STORE);
    }

    MirrorCommand(FreeSpace freeSpace) {
        this.freeSpace = freeSpace;
    }

    @Override
    public Integer call() {
        validate();
        MirrorOptions options = new MirrorOptions(jobs, registry.srcTlsVerify, registry.destTlsVerify, parseSize(volumeSize));
        Path resultsDir = results != null ? results : ResultsWriter.defaultDir(Path.of(""));
        PrintWriter out = spec.commandLine().getOut();
        // One access for the whole run: it reads the credentials and holds the HTTP clients of every registry.
        RegistryAccess access = registry.access();
        TransferListener progress = new TransferListener() {
            @Override
            public void imageFinished(ImageResult r) {
                out.println(String.format(Locale.ROOT, "%-9s %s -> %s%s", r.ok() ? (r.status() == ImageResult.Status.ALREADY_PRESENT
                        ? "present" : "mirrored") : "FAILED", r.source(), r.destination(), r.ok() ? "" : ": " + r.error()));
            }
        };
        MirrorService service = new MirrorService(access, options, progress);
        // options and service may be replaced once the image set is read (archiveSize).
        MirrorReport report;
        try {
            if (fromArchive != null) {
                MirrorJournal archiveJournal = openJournal("archive", fromArchive.toAbsolutePath().toString());
                report = CatalogMirror.hasCatalog(fromArchive)
                        ? CatalogMirrorRun.fromArchive(fromArchive, to, resultsDir, archiveJournal, access, options, progress, out)
                        : service.archiveToRegistry(fromArchive, to, resultsDir, archiveJournal);
            } else {
                ImageSetConfig config = ImageSetConfig.read(imageSet);
                if (toArchive != null) {
                    if (volumeSize == null && config.archiveSizeGiB() != null && config.archiveSizeGiB() > 0) {
                        // The image set's archiveSize (GiB per tar segment, as oc-mirror reads it) applies unless --volume-size is given.
                        options = new MirrorOptions(jobs, registry.srcTlsVerify, registry.destTlsVerify, config.archiveSizeGiB() << 30);
                        service = new MirrorService(access, options, progress);
                    }
                    if (config.operators().isEmpty()) {
                        List<MirrorItem> items = config.imagesToMirror().stream()
                                .map(i -> new MirrorItem(i.name(), i.reference(), i.reference())).toList();
                        CatalogMirrorRun.checkSpace(new CatalogMirror(access, options, TransferListener.NONE),
                                CatalogPlan.additionalImages(items), toArchive, options, freeSpace, out);
                        report = service.mirrorToArchive(config, toArchive, resultsDir);
                    } else {
                        report = CatalogMirrorRun.toArchive(imageSet, config, toArchive, resultsDir, workDir, access, options,
                                progress, out, freeSpace);
                    }
                } else if (!config.operators().isEmpty()) {
                    report = CatalogMirrorRun.run(imageSet, config, to, resultsDir, workDir,
                            openJournal("mirror", imageSetIdentity()),
                            access, options, progress, out);
                } else {
                    report = service.mirrorToRegistry(config, to, resultsDir, openJournal("mirror", imageSetIdentity()));
                }
            }
        } catch (MirrorException e) {
            if (e.isBadInput()) {
                throw new BadInputException(e.getMessage(), e);
            }
            spec.commandLine().getErr().println("mtc-assistant: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        out.println(String.format(Locale.ROOT, "%d images, %d failed; %d blobs copied, %d already there, %d mounted, %d bytes sent.",
                report.images().size(), report.failed(), report.stats().blobsCopied(), report.stats().blobsSkipped(),
                report.stats().blobsMounted(), report.stats().bytesTransferred()));
        if (report.archiveDir() != null && report.ok()) {
            out.println("Archive: " + report.archiveDir());
        }
        out.println("Results: " + resultsDir);
        if (!report.ok()) {
            spec.commandLine().getErr().println("mtc-assistant: " + report.failed() + " image(s) failed; run the same command"
                    + " again to resume (finished images are skipped)");
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    private void validate() {
        if (jobs < 1) {
            throw new BadInputException("--jobs must be at least 1");
        }
        if (fromArchive != null) {
            if (imageSet != null || toArchive != null) {
                throw new BadInputException("--from-archive is used with --to only (not with --image-set or --to-archive)");
            }
            if (to == null) {
                throw new BadInputException("--from-archive needs --to docker://HOST[/PREFIX]");
            }
            return;
        }
        if (imageSet == null) {
            throw new BadInputException("give --image-set FILE (with --to or --to-archive), or --from-archive DIR --to ...");
        }
        if ((to == null) == (toArchive == null)) {
            throw new BadInputException("give exactly one of --to docker://HOST[/PREFIX] or --to-archive DIR");
        }
    }

    /** 4G, 700M, 512K or bytes. */
    static long parseSize(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        String t = text.trim().toUpperCase(Locale.ROOT).replace("IB", "").replace("B", "");
        long factor = 1;
        char unit = t.charAt(t.length() - 1);
        if (unit == 'K' || unit == 'M' || unit == 'G' || unit == 'T') {
            factor = switch (unit) {
                case 'K' -> 1L << 10;
                case 'M' -> 1L << 20;
                case 'G' -> 1L << 30;
                default -> 1L << 40;
            };
            t = t.substring(0, t.length() - 1);
        }
        try {
            long value = Long.parseLong(t.trim()) * factor;
            if (value < 1 << 20) {
                throw new BadInputException("--volume-size " + text + " is too small (at least 1M)");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadInputException("--volume-size " + text + " is not a size like 4G or 700M");
        }
    }

    private String imageSetIdentity() {
        try {
            return imageSet.toAbsolutePath() + "\n" + Files.readString(imageSet, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return imageSet.toAbsolutePath().toString();
        }
    }

    /** The --journal file, else one per (mode, input, destination) under $XDG_STATE_HOME/mtc-assistant/mirror-journals. */
    private MirrorJournal openJournal(String mode, String input) {
        if (journal != null) {
            return MirrorJournal.open(journal);
        }
        String key = Digests.hex(Digests.sha256((mode + "\n" + input + "\n" + to).getBytes(StandardCharsets.UTF_8)));
        return MirrorJournal.open(XdgDirs.system().state().resolve("mirror-journals").resolve(key.substring(0, 16) + ".jsonl"));
    }
}
