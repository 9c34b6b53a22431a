package io.mtcassistant.mirror.archive;

import io.mtcassistant.mirror.MirrorException;
import io.mtcassistant.mirror.MirrorException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tar volumes of an archive read in place, as one virtual file: the tar headers are indexed
 * (skipping over file data by offset), and each file is then read straight from the volumes,
 * across volume boundaries. Pushing an archive so needs no unpacked copy on the air-gapped disk.
 */
public final class ArchiveVolumes {

    private final List<Path> volumes;
    private final long[] starts;
    private final long total;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** Where a file's bytes are inside the virtual concatenation. */
    public record Entry(String name, long offset, long size) {
    }

    private ArchiveVolumes(List<Path> volumes, long[] starts, long total) {
        this.volumes = volumes;
        this.starts = starts;
        this.total = total;
    }

    public static ArchiveVolumes index(List<Path> volumes) {
        long[] starts = new long[volumes.size()];
        long total = 0;
        try {
            for (int i = 0; i < volumes.size(); i++) {
                starts[i] = total;
                total += java.nio.file.Files.size(volumes.get(i));
            }
        } catch (IOException e) {
            throw new MirrorException(Kind.CORRUPT_ARCHIVE, "cannot read archive volume: " + e.getMessage(), e);
        }
        ArchiveVolumes set = new ArchiveVolumes(List.copyOf(volumes), starts, total);
        set.scan();
        return set;
    }

    private void scan() {
        long pos = 0;
        byte[] header = new byte[512];
        while (true) {
            if (pos + 512 > total) {
                throw truncated();
            }
            readFully(pos, header);
            if (allZero(header)) {
                return;
            }
            TarReader.Entry e;
            try {
                e = TarReader.parseHeader(header);
            } catch (IOException ex) {
                throw new MirrorException(Kind.CORRUPT_ARCHIVE, "the archive is corrupt at byte " + pos + ": " + ex.getMessage(), ex);
            }
            long dataStart = pos + 512;
            long padded = (e.size() + 511) / 512 * 512;
            if (dataStart + e.size() > total) {
                throw truncated();
            }
            if (!e.directory() && e.name() != null) {
                entries.put(e.name(), new Entry(e.name(), dataStart, e.size()));
            }
            pos = dataStart + padded;
        }
    }

    private static MirrorException truncated() {
        return new MirrorException(Kind.CORRUPT_ARCHIVE, "the archive is truncated (it ends inside a file)");
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    public Map<String, Entry> entries() {
        return entries;
    }

    public byte[] readAll(String name) {
        Entry e = entries.get(name);
        if (e == null) {
            throw new MirrorException(Kind.CORRUPT_ARCHIVE, "the archive has no " + name);
        }
        if (e.size() > Integer.MAX_VALUE - 16) {
            throw new MirrorException(Kind.CORRUPT_ARCHIVE, name + " in the archive is implausibly large");
        }
        byte[] bytes = new byte[(int) e.size()];
        readFully(e.offset(), bytes);
        return bytes;
    }

    public String readString(String name) {
        return new String(readAll(name), StandardCharsets.UTF_8);
    }

    private void readFully(long offset, byte[] into) {
        try (InputStream in = open(offset, into.length)) {
            int n = in.readNBytes(into, 0, into.length);
            if (n != into.length) {
                throw truncated();
            }
        } catch (IOException e) {
            throw new MirrorException(Kind.CORRUPT_ARCHIVE, "cannot read the archive: " + e.getMessage(), e);
        }
    }

    /** A stream of length bytes from the virtual offset, crossing volume boundaries as needed. */
    public InputStream open(long offset, long length) {
        return new InputStream() {
            private long position = offset;
            private long left = length;
            private FileChannel channel;
            private int volume = -1;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int v = volumeOf(position);
                if (v != volume) {
                    closeChannel();
                    channel = FileChannel.open(volumes.get(v), StandardOpenOption.READ);
                    volume = v;
                }
                long inVolume = position - starts[v];
                long volumeEnd = v + 1 < starts.length ? starts[v + 1] : total;
                int n = (int) Math.min(Math.min(len, left), volumeEnd - position);
                int read = channel.read(ByteBuffer.wrap(b, off, n), inVolume);
                if (read < 0) {
                    throw new IOException("archive volume " + volumes.get(v).getFileName() + " ended early");
                }
                position += read;
                left -= read;
                return read;
            }

            private void closeChannel() throws IOException {
                if (channel != null) {
                    channel.close();
                    channel = null;
                }
            }

            @Override
            public void close() throws IOException {
                closeChannel();
            }
        };
    }

    private int volumeOf(long position) {
        for (int i = starts.length - 1; i >= 0; i--) {
            if (position >= starts[i]) {
                return i;
            }
        }
        return 0;
    }

    public List<String> names() {
        return new ArrayList<>(entries.keySet());
    }
}
