package io.mtcassistant.mirror.archive;

import io.mtcassistant.mirror.DigestingInputStream;
import io.mtcassistant.mirror.Digests;
import io.mtcassistant.mirror.MirrorException;
import io.mtcassistant.mirror.MirrorException.Kind;
import io.mtcassistant.mirror.layout.OciLayout;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The air-gap archive: a directory holding {@code images.tar} (or volumes {@code images.tar.001}...),
 * a readable copy of {@code metadata.json}, and {@code SHA256SUMS} ({@code sha256sum -c} compatible).
 * The tar holds one OCI image layout with every image plus metadata.json. Reading verifies every
 * checksum before anything is unpacked, and every blob digest as it is unpacked.
 */
public final class MirrorArchive {

    public static final String TAR = "images.tar";
    public static final String SUMS = "SHA256SUMS";
    private static final Pattern SUM_LINE = Pattern.compile("([0-9a-f]{64})  (\\S+)");

    private MirrorArchive() {
    }

    /**
     * Packs a finished layout into the archive directory in one go. With consumeLayout, each blob file is
     * deleted once it is in the tar, so the disk holds the data about once, not twice.
     */
    public static List<VolumeOutputStream.Volume> pack(OciLayout layout, ArchiveMetadata metadata, Path archiveDir, long volumeSize,
                                                       boolean consumeLayout) {
        try (StreamingArchive archive = StreamingArchive.start(layout, archiveDir, volumeSize, consumeLayout)) {
            return archive.finish(metadata);
        }
    }

    /** Writes SHA256SUMS for the volumes and metadata.json (with its readable copy), atomically and last. */
    static void writeSums(Path archiveDir, List<VolumeOutputStream.Volume> volumes, byte[] metadataJson) throws IOException {
        OciLayout.writeAtomically(archiveDir.resolve(ArchiveMetadata.FILE), metadataJson);
        StringBuilder sums = new StringBuilder();
        for (VolumeOutputStream.Volume v : volumes) {
            sums.append(v.sha256Hex()).append("  ").append(v.name()).append('\n');
        }
        sums.append(Digests.hex(Digests.sha256(metadataJson))).append("  ").append(ArchiveMetadata.FILE).append('\n');
        // The checksum list is written last: its presence means the archive is complete.
        OciLayout.writeAtomically(archiveDir.resolve(SUMS), sums.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Lists more files of the archive folder in SHA256SUMS (written again atomically), so that
     * {@link #verify} checks them too: the rebuilt catalog layout that goes next to the volumes.
     */
    public static void addToSums(Path archiveDir, List<Path> files) {
        Path sumsFile = archiveDir.resolve(SUMS);
        try {
            StringBuilder sums = new StringBuilder(Files.readString(sumsFile, StandardCharsets.UTF_8));
            for (Path file : files) {
                String name = archiveDir.relativize(file).toString().replace('\\', '/');
                if (!safeRelative(name)) {
                    throw new IllegalArgumentException(file + " is not inside the archive folder " + archiveDir);
                }
                sums.append(sha256Hex(file)).append("  ").append(name).append('\n');
            }
            OciLayout.writeAtomically(sumsFile, sums.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw OciLayout.fileError(e, "updating " + sumsFile);
        }
    }

    /** A path below the archive folder: relative, no "..", no empty parts. */
    private static boolean safeRelative(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.endsWith("/")) {
            return false;
        }
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals("..") || part.equals(".")) {
                return false;
            }
        }
        return true;
    }

    /** Checks that the archive is complete and every file matches SHA256SUMS; returns the tar volumes in order. */
    public static List<Path> verify(Path archiveDir) {
        if (!Files.isDirectory(archiveDir)) {
            throw MirrorException.badInput("archive " + archiveDir + " does not exist");
        }
        Path sumsFile = archiveDir.resolve(SUMS);
        if (!Files.isRegularFile(sumsFile)) {
            throw new MirrorException(Kind.CORRUPT_ARCHIVE, "archive " + archiveDir + " is incomplete: " + SUMS
                    + " is missing (was the archive fully written and copied?)");
        }
        Map<String, String> sums = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(sumsFile, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                Matcher m = SUM_LINE.matcher(line.trim());
                if (!m.matches() || !safeRelative(m.group(2))) {
                    throw new MirrorException(Kind.CORRUPT_ARCHIVE, "archive " + archiveDir + ": " + SUMS + " has a malformed line: " + line);
                }
                sums.put(m.group(2), m.group(1));
            }
        } catch (IOException e) {
            throw new MirrorException(Kind.CORRUPT_ARCHIVE, "archive " + archiveDir + ": cannot read " + SUMS, e);
        }
        List<String> volumeNames = new ArrayList<>();
        for (String name : sums.keySet()) {
            if (name.equals(TAR) || name.startsWith(TAR + ".")) {
                volumeNames.add(name);
            }
        }
        if (volumeNames.isEmpty()) {
            throw new MirrorException(Kind.CORRUPT_ARCHIVE, "archive " + archiveDir + ": " + SUMS + " lists no " + TAR + " volumes");
        }
        Collections.sort(volumeNames);
        for (Map.Entry<String, String> e : sums.entrySet()) {
            Path file = archiveDir.resolve(e.getKey());
            if (!Files.isRegularFile(file)) {
                throw new MirrorException(Kind.CORRUPT_ARCHIVE, "archive " + archiveDir + " is incomplete: " + e.getKey()
                        + " is missing (copy every volume listed in " + SUMS + ")");
            }
            String actual = sha256Hex(file);
            if (!actual.equals(e.getValue())) {
                throw new MirrorException(Kind.CORRUPT_ARCHIVE, "archive " + archiveDir + ": " + e.getKey()
                        + " is truncated or corrupt (its checksum does not match " + SUMS + "; copy it again)");
            }
        }
        return volumeNames.stream().map(archiveDir::resolve).toList();
    }

    private static String sha256Hex(Path file) {
        MessageDigest sha = Digests.newSha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new MirrorException(Kind.CORRUPT_ARCHIVE, "cannot read archive file " + file + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Verifies, then unpacks the layout into target (blobs checked against their names as they are written). */
    public static ArchiveMetadata unpack(Path archiveDir, Path target) {
        List<Path> volumes = verify(archiveDir);
        OciLayout layout = new OciLayout(target);
        ArchiveMetadata metadata = null;
        List<InputStream> streams = new ArrayList<>();
        try {
            Files.createDirectories(target.resolve("blobs/sha256"));
            for (Path v : volumes) {
                streams.add(Files.newInputStream(v));
            }
            try (InputStream all = new BufferedInputStream(new SequenceInputStream(Collections.enumeration(streams)), 1 << 16)) {
                TarReader tar = new TarReader(all);
                TarReader.Entry entry;
                while ((entry = tar.next()) != null) {
                    if (entry.directory()) {
                        continue;
                    }
                    String name = entry.name();
                    if (name.startsWith("blobs/sha256/")) {
                        String digest = "sha256:" + name.substring("blobs/sha256/".length());
                        if (!Digests.isValid(digest)) {
                            throw new MirrorException(Kind.CORRUPT_ARCHIVE, "archive " + archiveDir + " holds an unexpected file " + name);
                        }
                        layout.writeBlob(new io.mtcassistant.mirror.Descriptor(null, digest, entry.size()),
                                new DigestingInputStream(tar.content(), digest, entry.size(), "archived blob", null));
                    } else if (name.equals(ArchiveMetadata.FILE)) {
                        metadata = ArchiveMetadata.parse(tar.content().readAllBytes(), "metadata.json in " + archiveDir);
                    } else if (name.equals("index.json") || name.equals("oci-layout")) {
                        try (OutputStream out = Files.newOutputStream(target.resolve(name))) {
                            tar.content().transferTo(out);
                        }
                    }
                }
            }
        } catch (MirrorException e) {
            if (e.kind() == Kind.DIGEST_MISMATCH) {
                throw new MirrorException(Kind.CORRUPT_ARCHIVE, "archive " + archiveDir + " is corrupt: " + e.getMessage(), e);
            }
            throw e;
        } catch (java.io.EOFException e) {
            throw new MirrorException(Kind.CORRUPT_ARCHIVE, "archive " + archiveDir + " is truncated: " + e.getMessage(), e);
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("No space left")) {
                throw OciLayout.fileError(e, "unpacking archive " + archiveDir + " into " + target);
            }
            throw new MirrorException(Kind.CORRUPT_ARCHIVE, "archive " + archiveDir + " cannot be read: " + e.getMessage(), e);
        } finally {
            for (InputStream s : streams) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // read-only streams
                }
            }
        }
        if (metadata == null || !OciLayout.exists(target)) {
            throw new MirrorException(Kind.CORRUPT_ARCHIVE, "archive " + archiveDir + " is truncated: metadata.json or index.json missing");
        }
        return metadata;
    }
}
