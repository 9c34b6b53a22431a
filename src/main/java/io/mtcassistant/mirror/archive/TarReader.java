package io.mtcassistant.mirror.archive;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Reads a ustar stream entry by entry; an archive that ends mid-entry is reported as truncated. */
public final class TarReader {

    private final InputStream in;
    private long remaining;
    private long padding;

    public TarReader(InputStream in) {
        this.in = in;
    }

    public record Entry(String name, long size, boolean directory) {
    }

    /** The next entry, or null at the end of the archive. */
    public Entry next() throws IOException {
        skipFully(remaining + padding);
        remaining = 0;
        padding = 0;
        while (true) {
            byte[] h = in.readNBytes(512);
            if (h.length == 0) {
                throw new EOFException("the archive ends without its end-of-archive marker (truncated)");
            }
            if (h.length < 512) {
                throw new EOFException("the archive ends inside a header (truncated)");
            }
            if (TarFields.allZero(h)) {
                return null;
            }
            Entry entry = parseHeader(h);
            remaining = entry.size();
            padding = (512 - entry.size() % 512) % 512;
            if (entry.name() == null) {
                skipFully(remaining + padding);
                remaining = 0;
                padding = 0;
                continue;
            }
            return entry;
        }
    }

    /** Parses one header block; the name is null for extension headers (pax, GNU long name) that carry no file. */
    static Entry parseHeader(byte[] h) throws IOException {
        verifyChecksum(h);
        String name = TarFields.string(h, 0, 100);
        String prefix = TarFields.string(h, 345, 155);
        if (!prefix.isEmpty()) {
            name = prefix + "/" + name;
        }
        long size = TarFields.size(h);
        char type = (char) h[156];
        if (name.contains("..") || name.startsWith("/")) {
            throw new IOException("unsafe path in archive: " + name);
        }
        if (type == 'x' || type == 'g' || type == 'L') {
            return new Entry(null, size, false);
        }
        return new Entry(name, size, type == '5');
    }

    /** The current entry's content; read it fully before calling next(). */
    public InputStream content() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (remaining <= 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, remaining));
                if (n < 0) {
                    throw new EOFException("the archive ends inside a file (truncated)");
                }
                remaining -= n;
                return n;
            }
        };
    }

    private void skipFully(long n) throws IOException {
        long left = n;
        byte[] buffer = new byte[8192];
        while (left > 0) {
            int r = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (r < 0) {
                throw new EOFException("the archive ends inside a file (truncated)");
            }
            left -= r;
        }
    }

    private static void verifyChecksum(byte[] h) throws IOException {
        long sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
        }
        String stored = TarFields.string(h, 148, 8).trim();
        if (stored.isEmpty() || Long.parseLong(stored, 8) != sum) {
            throw new IOException("corrupt tar header (checksum mismatch)");
        }
    }
}
