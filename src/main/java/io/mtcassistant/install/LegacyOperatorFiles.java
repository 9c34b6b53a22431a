package io.mtcassistant.install;

import io.mtcassistant.mirror.ImageReference;
import io.mtcassistant.mirror.MirrorException;
import io.mtcassistant.mirror.archive.ArchiveMetadata;
import io.mtcassistant.mirror.archive.ArchiveStore;
import io.mtcassistant.mirror.archive.ArchiveVolumes;
import io.mtcassistant.mirror.archive.MirrorArchive;
import io.mtcassistant.mirror.catalog.CatalogImage;
import io.mtcassistant.mirror.catalog.ImageFileReader;
import io.mtcassistant.mirror.engine.ImageStore;
import io.mtcassistant.mirror.engine.Stores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code /operator.yml} and {@code /controller.yml} taken out of the legacy operator image with the transfer engine
 * (manifest and layers read, layers untarred in order) instead of {@code podman cp}: from the mirror registry the
 * results folder names, or straight from a mirror archive.
 *
 * @param image         where the files came from (the mirrored reference, or the source reference in the archive)
 * @param operatorYml   /operator.yml
 * @param controllerYml /controller.yml
 */
public record LegacyOperatorFiles(String image, String operatorYml, String controllerYml) {

    /** The legacy operator's repository name, under rhmtc/ in Red Hat's registry and under any prefix in a mirror. */
    public static final String REPOSITORY_NAME = "openshift-migration-legacy-rhel8-operator";

    /** The legacy operator image's source reference in mapping.txt, if it was mirrored. */
    public static Optional<String> sourceIn(MirrorResults mirror) {
        return mirror.mapping().keySet().stream().filter(LegacyOperatorFiles::isLegacyOperator).findFirst();
    }

    static boolean isLegacyOperator(String reference) {
        try {
            String repository = ImageReference.parseRegistry(reference).repository();
            return repository.equals(REPOSITORY_NAME) || repository.endsWith("/" + REPOSITORY_NAME);
        } catch (MirrorException e) {
            return false;
        }
    }

    /**
     * Reads both files from the mirror registry.
     *
     * @throws IllegalArgumentException when mapping.txt names no legacy operator image
     * @throws MirrorException          when the registry cannot be read or the image lacks a file
     */
    public static LegacyOperatorFiles fromMirror(MirrorResults mirror, MirrorAccess access) {
        String source = sourceIn(mirror).orElseThrow(() -> new IllegalArgumentException(mirror.dir().resolve(MirrorResults.MAPPING)
                + " names no legacy operator image (" + REPOSITORY_NAME + "): mirror it (Mirroring step, legacy operator)"
                + " or give operator.yml and controller.yml"));
        String mirrored = mirror.mirrorOf(source).orElseThrow();
        ImageReference ref = ImageReference.parseRegistry(mirrored);
        return read(Stores.source(ref, access.access(), access.tlsVerify()), Stores.sourceReference(ref), mirrored);
    }

    /**
     * From the archive when one is given (no registry needed), else from the mirror registry: how both the
     * {@code install} command ({@code --legacy-archive}) and the Operators page choose.
     */
    public static LegacyOperatorFiles fromArchiveOrMirror(Path archiveDir, MirrorResults mirror, MirrorAccess access) {
        return archiveDir != null ? fromArchive(archiveDir) : fromMirror(mirror, access);
    }

    /** Reads both files from a mirror archive (registry to archive), after checking its checksums. */
    public static LegacyOperatorFiles fromArchive(Path archiveDir) {
        ArchiveVolumes volumes = ArchiveVolumes.index(MirrorArchive.verify(archiveDir));
        ArchiveMetadata metadata = ArchiveMetadata.parse(volumes.readAll(ArchiveMetadata.FILE), "metadata.json in " + archiveDir);
        ArchiveMetadata.Image image = metadata.images().stream().filter(i -> isLegacyOperator(i.source())).findFirst()
                .orElseThrow(() -> MirrorException.badInput("the archive " + archiveDir + " holds no legacy operator image ("
                        + REPOSITORY_NAME + ")"));
        return read(new ArchiveStore(volumes), image.refName(), image.source() + " in " + archiveDir);
    }

    private static LegacyOperatorFiles read(ImageStore store, String reference, String where) {
        CatalogImage image = CatalogImage.read(store, reference, where);
        return new LegacyOperatorFiles(where, file(store, image, "operator.yml", where), file(store, image, "controller.yml", where));
    }

    private static String file(ImageStore store, CatalogImage image, String name, String where) {
        byte[] bytes = ImageFileReader.read(store, image.preferred(), name, where).orElseThrow(() ->
                MirrorException.badInput(where + " has no /" + name + ": is it the legacy operator image?"));
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
