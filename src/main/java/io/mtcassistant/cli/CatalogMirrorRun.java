package io.mtcassistant.cli;

import io.mtcassistant.common.XdgDirs;
import io.mtcassistant.mirror.MirrorException;
import io.mtcassistant.mirror.MirrorOptions;
import io.mtcassistant.mirror.MirrorReport;
import io.mtcassistant.mirror.catalog.CatalogMirror;
import io.mtcassistant.mirror.catalog.CatalogMirrorResult;
import io.mtcassistant.mirror.catalog.CatalogPlan;
import io.mtcassistant.mirror.catalog.CatalogRequest;
import io.mtcassistant.mirror.catalog.OperatorImageSet;
import io.mtcassistant.mirror.catalog.PlannedImage;
import io.mtcassistant.mirror.engine.TransferListener;
import io.mtcassistant.mirror.journal.MirrorJournal;
import io.mtcassistant.mirror.plan.ImageSetConfig;
import io.mtcassistant.mirror.registry.RegistryAccess;
import io.mtcassistant.mirror.session.FreeSpace;
import io.mtcassistant.mirror.session.MirroringSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The operators part of {@code mirror --image-set FILE --to ...}: catalog, bundles, related images, filtered catalog. */
final class CatalogMirrorRun {

    private CatalogMirrorRun() {
    }

    static MirrorReport run(Path imageSet, ImageSetConfig config, String to, Path resultsDir, Path workDir, MirrorJournal journal,
                            RegistryAccess access, MirrorOptions options, TransferListener progress, PrintWriter out) {
        CatalogMirror mirror = new CatalogMirror(access, options, progress);
        CatalogPlan plan = plan(mirror, imageSet, config, to, workDir, out);
        CatalogMirrorResult result = mirror.run(plan, resultsDir, journal);
        print(result, out);
        return result.report();
    }

    static MirrorReport toArchive(Path imageSet, ImageSetConfig config, Path archiveDir, Path resultsDir, Path workDir,
                                  RegistryAccess access, MirrorOptions options, TransferListener progress, PrintWriter out,
                                  FreeSpace freeSpace) {
        CatalogMirror mirror = new CatalogMirror(access, options, progress);
        // Archive entries are named like the source; the destination only shapes the plan's tags.
        CatalogPlan plan = plan(mirror, imageSet, config, "docker://archive", workDir, out);
        checkSpace(mirror, plan, archiveDir, options, freeSpace, out);
        CatalogMirrorResult result = mirror.runToArchive(plan, archiveDir, resultsDir);
        if (result.catalogDigest() != null) {
            out.println("Catalog (in the archive): " + plan.catalogItem().source().plain() + " (" + result.catalogDigest() + ")");
        }
        return result.report();
    }

    static MirrorReport fromArchive(Path archiveDir, String to, Path resultsDir, MirrorJournal journal, RegistryAccess access,
                                    MirrorOptions options, TransferListener progress, PrintWriter out) {
        CatalogMirrorResult result = new CatalogMirror(access, options, progress).runFromArchive(archiveDir, to, resultsDir, journal);
        print(result, out);
        return result.report();
    }

    /**
     * The Mirroring step's free-space check, before anything is written into the archive folder: the plan's images are
     * measured from their manifests (nothing is downloaded) and a run that cannot fit stops here with a DISK_FULL
     * failure that says what it needs and what is free.
     */
    static void checkSpace(CatalogMirror mirror, CatalogPlan plan, Path archiveDir, MirrorOptions options,
                           FreeSpace freeSpace, PrintWriter out) {
        MirroringSession.DiskCheck disk = MirroringSession.archiveDiskCheck(mirror.measure(plan), archiveDir, options, freeSpace);
        if (!disk.enough()) {
            throw new MirrorException(MirrorException.Kind.DISK_FULL, "not enough disk space for the archive: " + disk.needsLine()
                    + "; free some space or choose another --to-archive folder");
        }
        out.println("Disk space: " + disk.needsLine() + (disk.known() ? "" : " (the free space could not be read)"));
    }

    private static CatalogPlan plan(CatalogMirror mirror, Path imageSet, ImageSetConfig config, String to, Path workDir, PrintWriter out) {
        String yaml;
        try {
            yaml = Files.readString(imageSet);
        } catch (IOException e) {
            throw MirrorException.badInput("image set " + imageSet + " cannot be read: " + e.getMessage());
        }
        CatalogRequest request = OperatorImageSet.request(yaml, imageSet.toString(), config);
        Path work = workDir != null ? workDir : XdgDirs.system().cache().resolve("catalogs");
        CatalogPlan plan = mirror.plan(request, to, work);
        out.println(String.format(Locale.ROOT, "Catalog %s filtered to %s: %d images to mirror.", request.catalog(),
                String.join(", ", plan.filtered().packageNames()), plan.images().size()));
        for (PlannedImage p : plan.images()) {
            out.println(String.format(Locale.ROOT, "  %-28s %s (%s)", p.purpose().label(), p.item().source().plain(), p.detail()));
        }
        for (String note : plan.notes()) {
            out.println("Note: " + note);
        }
        return plan;
    }

    private static void print(CatalogMirrorResult result, PrintWriter out) {
        if (result.catalogImage() != null) {
            out.println("Catalog: " + result.catalogImage() + " (" + result.catalogDigest() + ")");
        }
        if (result.legacyOperatorImage() != null) {
            out.println("Legacy operator: " + result.legacyOperatorImage());
        }
        if (result.catalogSourceFile() != null) {
            out.println("CatalogSource: " + result.catalogSourceFile());
        }
    }
}
