package io.mtcassistant.mirror.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mtcassistant.mirror.Digests;
import io.mtcassistant.mirror.layout.OciLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An archive written while the images arrive: each blob is appended to the current tar volume as
 * soon as it is complete and verified in the staging layout, so the archive folder grows volume
 * by volume and staging holds only the blobs in flight. Manifests, index.json and metadata.json go
 * in at the end. Every entry and every closed volume is journaled ({@value #JOURNAL}), so a run
 * cut short continues after the last complete entry instead of fetching packed blobs again.
 * The tar is the same OCI layout {@link MirrorArchive#pack} writes; readers do not depend on the order.
 */
public final class StreamingArchive implements AutoCloseable {

    public static final String JOURNAL = ".archive-journal.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BLOBS = "blobs/sha256/";

    private final OciLayout staging;
    private final Path archiveDir;
    private final boolean consume;
    private final Path journal;
    private final Set<String> packed = new HashSet<>();
    private final boolean resumed;
    private VolumeOutputStream volumes;
    private TarWriter tar;
    private boolean finished;

    private StreamingArchive(OciLayout staging, Path archiveDir, boolean consume, boolean resumed) {
        this.staging = staging;
        this.archiveDir = archiveDir;
        this.consume = consume;
        this.journal = archiveDir.resolve(JOURNAL);
        this.resumed = resumed;
    }

    /** A new archive in archiveDir (earlier volumes, checksums and journal are removed). */
    public static StreamingArchive start(OciLayout staging, Path archiveDir, long volumeSize, boolean consume) {
        StreamingArchive archive = new StreamingArchive(staging, archiveDir, consume, false);
        try {
            Files.createDirectories(archiveDir);
            Files.deleteIfExists(archiveDir.resolve(MirrorArchive.SUMS));
            Files.deleteIfExists(archive.journal);
            VolumeOutputStream.removeOld(archiveDir, MirrorArchive.TAR);
            archive.appendJournal(JSON.createObjectNode().put("volumeSize", volumeSize));
            archive.open(new VolumeOutputStream(archiveDir, MirrorArchive.TAR, volumeSize, archive::journalVolume));
            archive.tar.addFile("oci-layout", Files.readAllBytes(staging.dir().resolve("oci-layout")));
            archive.tar.addDirectory("blobs");
            archive.tar.addDirectory("blobs/sha256");
            archive.entryDone("oci-layout");
        } catch (IOException e) {
            throw OciLayout.fileError(e, "starting the archive in " + archiveDir);
        }
        return archive;
    }

    /**
     * Continues the archive an interrupted run left in archiveDir after its last journaled entry;
     * starts a new one when there is none, or when its journal and volumes do not fit together.
     */
    public static StreamingArchive resume(OciLayout staging, Path archiveDir, long volumeSize, boolean consume) {
        Kept kept = kept(archiveDir, volumeSize);
        if (kept == null) {
            return start(staging, archiveDir, volumeSize, consume);
        }
        StreamingArchive archive = new StreamingArchive(staging, archiveDir, consume, true);
        archive.packed.addAll(kept.packed());
        try {
            // A run killed right after SHA256SUMS left it with its journal; the tail it lists is cut back below, so it goes.
            Files.deleteIfExists(archiveDir.resolve(MirrorArchive.SUMS));
            archive.open(VolumeOutputStream.resumeAt(archiveDir, MirrorArchive.TAR, volumeSize, kept.closed(), kept.end(), archive::journalVolume));
        } catch (IOException e) {
            return start(staging, archiveDir, volumeSize, consume);
        }
        return archive;
    }

    /**
     * What a run cut short left in archiveDir that a new run with this volume size continues from.
     *
     * @param closed the volumes that got their final name
     * @param end    the byte offset (over all volumes) after the last journaled entry
     * @param packed the digests of the blobs in the volumes before end
     */
    public record Kept(List<VolumeOutputStream.Volume> closed, long end, Set<String> packed) {
    }

    /**
     * The part of an interrupted archive a resume keeps; null when a run would start afresh (none, complete, or another
     * volume size). A complete archive has no journal; SHA256SUMS beside a journal means a run killed after writing it
     * and before removing the journal: that archive is kept (its blobs are all packed), not started again.
     */
    public static Kept kept(Path archiveDir, long volumeSize) {
        Path journalFile = archiveDir.resolve(JOURNAL);
        if (!Files.isRegularFile(journalFile)) {
            return null;
        }
        long journaledSize = -1;
        long end = -1;
        List<VolumeOutputStream.Volume> closed = new ArrayList<>();
        Set<String> packed = new HashSet<>();
        try {
            for (String line : Files.readAllLines(journalFile, StandardCharsets.UTF_8)) {
                JsonNode n;
                try {
                    n = JSON.readTree(line);
                } catch (IOException e) {
                    break; // a line cut short by the interruption ends what is known
                }
                if (n == null) {
                    continue;
                }
                if (n.has("volumeSize")) {
                    journaledSize = n.path("volumeSize").asLong();
                } else if (n.has("volume")) {
                    closed.add(new VolumeOutputStream.Volume(n.path("volume").asText(), n.path("size").asLong(), n.path("sha256").asText()));
                } else if (n.has("entry")) {
                    end = n.path("end").asLong();
                    String name = n.path("entry").asText();
                    if (name.startsWith(BLOBS)) {
                        packed.add("sha256:" + name.substring(BLOBS.length()));
                    }
                }
            }
        } catch (IOException e) {
            return null;
        }
        return journaledSize != volumeSize || end <= 0 ? null : new Kept(List.copyOf(closed), end, Set.copyOf(packed));
    }

    private void open(VolumeOutputStream out) {
        volumes = out;
        tar = new TarWriter(out);
    }

    /** False when this run started the archive afresh (nothing of an earlier run is in it). */
    public boolean resumed() {
        return resumed;
    }

    /** Whether the blob is already in the volumes. */
    public synchronized boolean holds(String digest) {
        return packed.contains(digest);
    }

    /** Appends a complete, verified blob file (from staging) and journals it; with consume, the file is then deleted. */
    public synchronized void addBlob(String digest, Path file) {
        try {
            if (packed.add(digest)) {
                String name = BLOBS + Digests.hex(digest);
                try (InputStream in = Files.newInputStream(file)) {
                    tar.addFile(name, Files.size(file), in);
                }
                entryDone(name);
            }
            if (consume) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            packed.remove(digest);
            throw OciLayout.fileError(e, "adding blob " + digest + " to the archive in " + archiveDir);
        }
    }

    /** The steps of {@link #finish}, for a test that kills the process at one of them. */
    enum FinishStep { FIRST_MANIFEST_PACKED, TAR_ENDED, SUMS_WRITTEN }

    /** Test seam: told of each step of finish (a child JVM of a kill test blocks there until it is killed). */
    static volatile java.util.function.Consumer<FinishStep> finishProbe = step -> { };

    /**
     * Completes the archive: the blobs still in staging (manifests), index.json and metadata.json,
     * the end of the tar, the readable metadata.json copy, and SHA256SUMS last (its presence means complete).
     * Each of the staging blobs is journaled once in the tar before it is deleted, as {@link #addBlob} does: a run killed
     * in this step keeps them, since the next run cuts the tar back to the last journaled entry.
     */
    public synchronized List<VolumeOutputStream.Volume> finish(ArchiveMetadata metadata) {
        try {
            List<Path> rest;
            try (Stream<Path> s = Files.list(staging.dir().resolve("blobs/sha256"))) {
                rest = s.filter(p -> p.getFileName().toString().matches("[0-9a-f]{64}")).sorted().toList();
            }
            boolean first = true;
            for (Path blob : rest) {
                String digest = "sha256:" + blob.getFileName();
                if (!packed.contains(digest)) {
                    try (InputStream in = Files.newInputStream(blob)) {
                        tar.addFile(BLOBS + blob.getFileName(), Files.size(blob), in);
                    }
                    packed.add(digest);
                    entryDone(BLOBS + blob.getFileName());
                }
                if (consume) {
                    Files.delete(blob);
                }
                if (first) {
                    first = false;
                    finishProbe.accept(FinishStep.FIRST_MANIFEST_PACKED);
                }
            }
            byte[] metadataJson = metadata.toJson();
            tar.addFile("index.json", Files.readAllBytes(staging.dir().resolve("index.json")));
            tar.addFile(ArchiveMetadata.FILE, metadataJson);
            tar.close();
            finished = true;
            finishProbe.accept(FinishStep.TAR_ENDED);
            MirrorArchive.writeSums(archiveDir, volumes.volumes(), metadataJson);
            finishProbe.accept(FinishStep.SUMS_WRITTEN);
            Files.deleteIfExists(journal);
            return volumes.volumes();
        } catch (IOException e) {
            throw OciLayout.fileError(e, "writing the archive in " + archiveDir);
        }
    }

    private void entryDone(String name) throws IOException {
        tar.flush();
        appendJournal(JSON.createObjectNode().put("entry", name).put("end", volumes.position()));
    }

    private void journalVolume(VolumeOutputStream.Volume v) throws IOException {
        appendJournal(JSON.createObjectNode().put("volume", v.name()).put("size", v.size()).put("sha256", v.sha256Hex()));
    }

    private void appendJournal(JsonNode line) throws IOException {
        try (OutputStream out = Files.newOutputStream(journal, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            out.write((JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Leaves an unfinished archive as it is (the open volume keeps its .partial name) for the next run. */
    @Override
    public synchronized void close() {
        if (!finished && volumes != null) {
            try {
                volumes.abandon();
            } catch (IOException e) {
                // the next run cuts the volume back to its last journaled entry anyway
            }
        }
    }
}
