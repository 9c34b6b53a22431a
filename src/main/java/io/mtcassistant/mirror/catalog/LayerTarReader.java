package io.mtcassistant.mirror.catalog;

import io.mtcassistant.mirror.archive.TarFields;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * Reads the entries of an image layer (tar, gzip'd or not): regular files, directories, links,
 * with PAX and GNU long names, which image builders write for long paths. Only what is needed to
 * extract /configs; other entry kinds are reported with their type and skipped by the caller.
 */
final class LayerTarReader implements AutoCloseable {

    enum Type { FILE, DIRECTORY, SYMLINK, HARDLINK, OTHER }

    record Entry(String name, Type type, long size, String linkName) {
    }

    private final InputStream in;
    private long remaining;
    private long padding;

    LayerTarReader(InputStream raw) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
        buffered.mark(2);
        int b1 = buffered.read();
        int b2 = buffered.read();
        buffered.reset();
        this.in = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(buffered, 1 << 16) : buffered;
    }

    /** The next entry, or null at the end. */
    Entry next() throws IOException {
        skip(remaining + padding);
        remaining = 0;
        padding = 0;
        String longName = null;
        String longLink = null;
        while (true) {
            byte[] h = in.readNBytes(512);
            if (h.length < 512) {
                if (h.length == 0) {
                    return null;
                }
                throw new EOFException("layer ends inside a tar header");
            }
            if (TarFields.allZero(h)) {
                return null;
            }
            String name = TarFields.string(h, 0, 100);
            String prefix = TarFields.string(h, 345, 155);
            boolean ustar = TarFields.string(h, 257, 5).equals("ustar");
            if (ustar && !prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
            long size = TarFields.size(h);
            char flag = (char) h[156];
            String link = TarFields.string(h, 157, 100);
            padding = (512 - size % 512) % 512;
            if (flag == 'x' || flag == 'L' || flag == 'K') {
                byte[] data = in.readNBytes((int) size);
                skip(padding);
                padding = 0;
                if (flag == 'L') {
                    longName = cString(data);
                } else if (flag == 'K') {
                    longLink = cString(data);
                } else {
                    String[] pax = pax(data);
                    if (pax[0] != null) {
                        longName = pax[0];
                    }
                    if (pax[1] != null) {
                        longLink = pax[1];
                    }
                }
                continue;
            }
            if (flag == 'g') {
                skip(size + padding);
                padding = 0;
                continue;
            }
            if (longName != null) {
                name = longName;
            }
            if (longLink != null) {
                link = longLink;
            }
            Type type = switch (flag) {
                case '0', '\0', '7' -> Type.FILE;
                case '5' -> Type.DIRECTORY;
                case '2' -> Type.SYMLINK;
                case '1' -> Type.HARDLINK;
                default -> Type.OTHER;
            };
            remaining = size;
            return new Entry(name, type, size, link);
        }
    }

    /** The current file's bytes; read them before calling next(). */
    byte[] content() throws IOException {
        byte[] data = in.readNBytes((int) remaining);
        if (data.length != remaining) {
            throw new EOFException("layer ends inside a file");
        }
        remaining = 0;
        return data;
    }

    private void skip(long n) throws IOException {
        long left = n;
        byte[] buffer = new byte[8192];
        while (left > 0) {
            int r = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (r < 0) {
                throw new EOFException("layer ends inside a file");
            }
            left -= r;
        }
    }

    /** path and linkpath records of a PAX header ("len key=value\n"). */
    private static String[] pax(byte[] data) {
        String[] result = new String[2];
        String text = new String(data, StandardCharsets.UTF_8);
        int pos = 0;
        while (pos < text.length()) {
            int space = text.indexOf(' ', pos);
            if (space < 0) {
                break;
            }
            int len;
            try {
                len = Integer.parseInt(text.substring(pos, space));
            } catch (NumberFormatException e) {
                break;
            }
            byte[] all = text.getBytes(StandardCharsets.UTF_8);
            // lengths count bytes; the records here are ASCII in practice, so char offsets match.
            String record = text.substring(space + 1, Math.min(text.length(), pos + len - 1));
            int eq = record.indexOf('=');
            if (eq > 0) {
                String key = record.substring(0, eq);
                if (key.equals("path")) {
                    result[0] = record.substring(eq + 1);
                } else if (key.equals("linkpath")) {
                    result[1] = record.substring(eq + 1);
                }
            }
            if (len <= 0 || all.length == 0) {
                break;
            }
            pos += len;
        }
        return result;
    }

    private static String cString(byte[] data) {
        int end = 0;
        while (end < data.length && data[end] != 0) {
            end++;
        }
        return new String(data, 0, end, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
