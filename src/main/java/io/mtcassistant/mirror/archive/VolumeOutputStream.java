package io.mtcassistant.mirror.archive;

import io.mtcassistant.mirror.Digests;
import io.mtcassistant.mirror.layout.OciLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One byte stream cut into files of at most volumeSize bytes ({@code images.tar.001}, {@code .002}...)
 * for removable media, or a single {@code images.tar} when volumeSize is 0. Each volume is hashed
 * as it is written and only gets its final name once complete.
 */
public final class VolumeOutputStream extends OutputStream {

    public record Volume(String name, long size, String sha256Hex) {
    }

    private final Path dir;
    private final String baseName;
    private final long volumeSize;
    private final List<Volume> volumes = new ArrayList<>();
    private OutputStream current;
    private Path currentTemp;
    private String currentName;
    private MessageDigest currentSha;
    private long currentSize;

    private final VolumeClosed onClosed;
    private long position;

    /** Told of each volume once it has its final name (an archive being written journals it). */
    public interface VolumeClosed {
        void closed(Volume volume) throws IOException;
    }

    public VolumeOutputStream(Path dir, String baseName, long volumeSize) {
        this(dir, baseName, volumeSize, v -> { });
    }

    public VolumeOutputStream(Path dir, String baseName, long volumeSize, VolumeClosed onClosed) {
        this(dir, baseName, volumeSize, List.of(), onClosed);
    }

    private VolumeOutputStream(Path dir, String baseName, long volumeSize, List<Volume> closed, VolumeClosed onClosed) {
        this.dir = dir;
        this.baseName = baseName;
        this.volumeSize = volumeSize;
        this.onClosed = onClosed;
        this.volumes.addAll(closed);
        for (Volume v : closed) {
            position += v.size();
        }
    }

    /**
     * Continues the stream of an interrupted run at {@code offset} (the end of its last complete
     * entry): the closed volumes before it are kept as recorded (they may already be on other media),
     * the volume holding the offset is cut back to it (and re-hashed), later ones are removed.
     */
    public static VolumeOutputStream resumeAt(Path dir, String baseName, long volumeSize, List<Volume> closed, long offset,
                                              VolumeClosed onClosed) throws IOException {
        int keep = volumeSize > 0 ? (int) (offset / volumeSize) : 0;
        if (closed.size() < keep) {
            throw new IOException("the journal lists " + closed.size() + " closed volumes, " + keep + " are needed");
        }
        VolumeOutputStream out = new VolumeOutputStream(dir, baseName, volumeSize, closed.subList(0, keep), onClosed);
        long inVolume = offset - out.position;
        String name = out.nameOf(keep);
        Path partial = dir.resolve(name + ".partial");
        if (inVolume > 0) {
            if (!Files.exists(partial) && Files.exists(dir.resolve(name))) {
                Files.move(dir.resolve(name), partial);
            }
            if (!Files.isRegularFile(partial) || Files.size(partial) < inVolume) {
                throw new IOException(partial + " is shorter than the journal says");
            }
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(partial, java.nio.file.StandardOpenOption.WRITE)) {
                ch.truncate(inVolume);
            }
            out.currentSha = Digests.newSha256();
            try (java.io.InputStream in = Files.newInputStream(partial)) {
                byte[] buffer = new byte[1 << 16];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    out.currentSha.update(buffer, 0, n);
                }
            }
            out.currentName = name;
            out.currentTemp = partial;
            out.currentSize = inVolume;
            out.position = offset;
            out.current = new java.io.BufferedOutputStream(Files.newOutputStream(partial, java.nio.file.StandardOpenOption.APPEND), 1 << 16);
        }
        removeFrom(dir, baseName, volumeSize, inVolume > 0 ? keep + 1 : keep);
        return out;
    }

    /** Deletes the volumes from number {@code first} (0-based) on, final or partial. */
    private static void removeFrom(Path dir, String baseName, long volumeSize, int first) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String n = p.getFileName().toString();
                if (!n.startsWith(baseName)) {
                    continue;
                }
                String rest = n.substring(baseName.length()).replace(".partial", "");
                int number = rest.isEmpty() ? 0 : rest.matches("\\.\\d{3}") ? Integer.parseInt(rest.substring(1)) - 1 : -1;
                if (number >= first && (volumeSize > 0) == !rest.isEmpty()) {
                    Files.delete(p);
                }
            }
        }
    }

    private String nameOf(int index) {
        return volumeSize > 0 ? String.format("%s.%03d", baseName, index + 1) : baseName;
    }

    private void open() throws IOException {
        currentName = nameOf(volumes.size());
        currentTemp = dir.resolve(currentName + ".partial");
        current = new java.io.BufferedOutputStream(Files.newOutputStream(currentTemp), 1 << 16);
        currentSha = Digests.newSha256();
        currentSize = 0;
    }

    /** Bytes written so far over all volumes (the offset of the next byte in the whole stream). */
    public long position() {
        return position;
    }

    /** Pushes buffered bytes to the current volume file, so an entry journaled after this survives a kill. */
    @Override
    public void flush() throws IOException {
        if (current != null) {
            current.flush();
        }
    }

    /** Closes the file of an unfinished volume without giving it its final name (kept for resume). */
    public void abandon() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    private void finishCurrent() throws IOException {
        current.close();
        Path target = dir.resolve(currentName);
        try {
            Files.move(currentTemp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(currentTemp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        Volume closed = new Volume(currentName, currentSize, HexFormat.of().formatHex(currentSha.digest()));
        volumes.add(closed);
        current = null;
        onClosed.closed(closed);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int offset = off;
        int left = len;
        while (left > 0) {
            if (current == null) {
                open();
            }
            int n = volumeSize > 0 ? (int) Math.min(left, volumeSize - currentSize) : left;
            current.write(b, offset, n);
            currentSha.update(b, offset, n);
            currentSize += n;
            position += n;
            offset += n;
            left -= n;
            if (volumeSize > 0 && currentSize == volumeSize) {
                finishCurrent();
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            finishCurrent();
        }
    }

    public List<Volume> volumes() {
        return volumes;
    }

    /** Removes volumes left by an earlier attempt, so the checksum list matches the files present. */
    public static void removeOld(Path dir, String baseName) {
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String n = p.getFileName().toString();
                if (n.equals(baseName) || n.startsWith(baseName + ".")) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw OciLayout.fileError(e, "cleaning old volumes in " + dir);
        }
    }
}
