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

    public VolumeOutputStream(Path dir, String baseName, long volumeSize) {
        this.dir = dir;
        this.baseName = baseName;
        this.volumeSize = volumeSize;
    }

    private void open() throws IOException {
        currentName = volumeSize > 0 ? String.format("%s.%03d", baseName, volumes.size() + 1) : baseName;
        currentTemp = dir.resolve(currentName + ".partial");
        current = new java.io.BufferedOutputStream(Files.newOutputStream(currentTemp), 1 << 16);
        currentSha = Digests.newSha256();
        currentSize = 0;
    }

    private void finishCurrent() throws IOException {
        current.close();
        Path target = dir.resolve(currentName);
        try {
            Files.move(currentTemp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(currentTemp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        volumes.add(new Volume(currentName, currentSize, HexFormat.of().formatHex(currentSha.digest())));
        current = null;
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
