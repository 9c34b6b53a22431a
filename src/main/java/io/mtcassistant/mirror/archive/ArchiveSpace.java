package io.mtcassistant.mirror.archive;

import static io.mtcassistant.common.ByteSizes.words;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The disk an archive run still needs in its folder, counted the way {@link StreamingArchive} writes: every blob
 * goes once into the volumes as a tar entry, and sits complete in staging only while it is being appended (at most
 * one per parallel transfer); manifests stay in staging until the end. What an interrupted run already packed is
 * kept by the resume and not needed again; the volumes of an earlier archive that a fresh start deletes become free.
 *
 * @param toWrite        bytes the volumes still grow by (tar entries of what is not packed yet, index.json, metadata.json)
 * @param staging        peak of the staging copies: the largest blobs in flight plus the manifests
 * @param margin         {@link #MARGIN_PER_VOLUME} for each volume still to write
 * @param besideVolumes  files written next to the volumes (the rebuilt catalog, the readable metadata.json)
 * @param alreadyWritten bytes of an interrupted run's volumes the resume keeps
 * @param freedAtStart   bytes of an earlier archive's volumes a fresh start deletes
 * @param volumes        volumes still to write (1 when the archive is one file)
 */
public record ArchiveSpace(long toWrite, long staging, long margin, long besideVolumes, long alreadyWritten, long freedAtStart,
                           int volumes) {

    /** Slack for each volume: file-system blocks, the archive journal's lines, and index.json/metadata.json being estimates. */
    public static final long MARGIN_PER_VOLUME = 4L << 20;
    /** index.json and metadata.json grow by less than this per image (a descriptor with annotations, a source line). */
    static final long FINISH_PER_IMAGE = 2048;
    private static final int BLOCK = 512;

    /** The free space the run needs on top of what the folder already holds. */
    public long needed() {
        return toWrite + staging + margin + besideVolumes;
    }

    /**
     * How the need is made up, so that a reader sees why it is less than the images' total: " (X still to write into the
     * archive, ...)" with what an interrupted run keeps and what an earlier archive frees, after it.
     */
    public String breakdown() {
        StringBuilder text = new StringBuilder(" (").append(words(toWrite)).append(" still to write into the archive, ")
                .append(words(staging)).append(" for blobs waiting in staging, ")
                .append(words(margin)).append(" margin for ").append(volumes).append(volumes == 1 ? " volume" : " volumes");
        if (besideVolumes > 0) {
            text.append(", ").append(words(besideVolumes)).append(" for the catalog and metadata next to it");
        }
        text.append(')');
        if (alreadyWritten > 0) {
            text.append("; the ").append(words(alreadyWritten)).append(" the interrupted run wrote are kept");
        }
        if (freedAtStart > 0) {
            text.append("; the earlier archive there (").append(words(freedAtStart)).append(") is deleted first");
        }
        return text.toString();
    }

    /**
     * @param manifests     digest -> size of every manifest the archive will hold (indexes and per-platform)
     * @param blobs         digest -> size of every other blob (layers, configs), each once however many images share it
     * @param images        the number of images (entries of index.json and metadata.json)
     * @param besideVolumes bytes written next to the volumes (the rebuilt catalog layout), 0 when none
     * @param archiveDir    the archive folder (an interrupted run's journal and volumes are read from it)
     * @param volumeSize    the volume size of the run (0: one file)
     * @param jobs          parallel blob transfers (the blobs that can sit in staging at once)
     */
    public static ArchiveSpace estimate(Map<String, Long> manifests, Map<String, Long> blobs, int images, long besideVolumes,
                                        Path archiveDir, long volumeSize, int jobs) {
        StreamingArchive.Kept kept = Files.isDirectory(archiveDir) ? StreamingArchive.kept(archiveDir, volumeSize) : null;
        long alreadyWritten = kept == null ? 0 : kept.end();
        long freed = kept == null ? earlierVolumes(archiveDir) : 0;
        long toWrite = 0;
        List<Long> waiting = new ArrayList<>();
        for (Map.Entry<String, Long> b : blobs.entrySet()) {
            if (kept == null || !kept.packed().contains(b.getKey())) {
                toWrite += entry(b.getValue());
                waiting.add(b.getValue());
            }
        }
        long manifestBytes = 0;
        for (long size : manifests.values()) {
            toWrite += entry(size);
            manifestBytes += size;
        }
        long finishJson = FINISH_PER_IMAGE * images;
        // index.json, metadata.json, and the two zero blocks that end the tar
        toWrite += 2L * BLOCK + 2 * finishJson + 2L * BLOCK;
        long inFlight = waiting.stream().sorted((a, b) -> Long.compare(b, a)).limit(Math.max(1, jobs)).mapToLong(Long::longValue).sum();
        int volumes = volumeSize > 0
                ? (int) ((alreadyWritten + toWrite + volumeSize - 1) / volumeSize - alreadyWritten / volumeSize)
                : 1;
        return new ArchiveSpace(toWrite, inFlight + manifestBytes, MARGIN_PER_VOLUME * Math.max(1, volumes),
                besideVolumes + finishJson, alreadyWritten, freed, Math.max(1, volumes));
    }

    /** A tar entry: a header block and the content padded to whole blocks. */
    static long entry(long size) {
        return BLOCK + (Math.max(0, size) + BLOCK - 1) / BLOCK * BLOCK;
    }

    /** The volumes and checksum list a fresh start removes from the folder. */
    private static long earlierVolumes(Path archiveDir) {
        if (!Files.isDirectory(archiveDir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(archiveDir)) {
            return files.filter(p -> {
                String n = p.getFileName().toString();
                return n.equals(MirrorArchive.TAR) || n.startsWith(MirrorArchive.TAR + ".") || n.equals(MirrorArchive.SUMS);
            }).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return 0;
        }
    }
}
