package io.mtcassistant.mirror.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a POSIX ustar stream (regular files and directories, fixed owner and time so the same
 * content gives the same bytes). Sizes past the 8 GiB octal limit use the GNU base-256 form.
 */
public final class TarWriter implements AutoCloseable {

    private static final int BLOCK = 512;
    private final OutputStream out;

    public TarWriter(OutputStream out) {
        this.out = out;
    }

    public void addDirectory(String name) throws IOException {
        out.write(header(name.endsWith("/") ? name : name + "/", 0, '5', 0755));
    }

    /** Adds a file whose exact size is known; the stream must deliver exactly that many bytes. */
    public void addFile(String name, long size, InputStream content) throws IOException {
        out.write(header(name, size, '0', 0644));
        long copied = 0;
        byte[] buffer = new byte[1 << 16];
        int n;
        while (copied < size && (n = content.read(buffer, 0, (int) Math.min(buffer.length, size - copied))) > 0) {
            out.write(buffer, 0, n);
            copied += n;
        }
        if (copied != size) {
            throw new IOException("file " + name + " ended after " + copied + " of " + size + " bytes");
        }
        pad(size);
    }

    public void addFile(String name, byte[] content) throws IOException {
        addFile(name, content.length, new java.io.ByteArrayInputStream(content));
    }

    private void pad(long size) throws IOException {
        int rest = (int) (size % BLOCK);
        if (rest != 0) {
            out.write(new byte[BLOCK - rest]);
        }
    }

    static byte[] header(String name, long size, char type, int mode) throws IOException {
        byte[] h = new byte[BLOCK];
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        if (nameBytes.length <= 100) {
            System.arraycopy(nameBytes, 0, h, 0, nameBytes.length);
        } else {
            int split = name.lastIndexOf('/', Math.min(name.length() - 1, 155));
            byte[] prefix = split > 0 ? name.substring(0, split).getBytes(StandardCharsets.UTF_8) : new byte[0];
            byte[] rest = split > 0 ? name.substring(split + 1).getBytes(StandardCharsets.UTF_8) : nameBytes;
            if (split <= 0 || prefix.length > 155 || rest.length > 100) {
                throw new IOException("path too long for a tar entry: " + name);
            }
            System.arraycopy(rest, 0, h, 0, rest.length);
            System.arraycopy(prefix, 0, h, 345, prefix.length);
        }
        octal(h, 100, 8, mode);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        if (size < 077777777777L) {
            octal(h, 124, 12, size);
        } else {
            h[124] = (byte) 0x80;
            for (int i = 0; i < 8; i++) {
                h[135 - i] = (byte) (size >>> (8 * i));
            }
        }
        octal(h, 136, 12, 1577836800L); // 2020-01-01: fixed, so archives are reproducible
        h[156] = (byte) type;
        System.arraycopy("ustar\u000000".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 8);
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        octal(h, 148, 7, sum);
        h[155] = ' ';
        return h;
    }

    private static void octal(byte[] h, int offset, int length, long value) {
        String s = Long.toOctalString(value);
        int digits = length - 1;
        StringBuilder padded = new StringBuilder();
        for (int i = s.length(); i < digits; i++) {
            padded.append('0');
        }
        padded.append(s);
        byte[] b = padded.toString().getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, offset, digits);
        h[offset + digits] = 0;
    }

    public void flush() throws IOException {
        out.flush();
    }

    /** Two zero blocks end the archive. */
    @Override
    public void close() throws IOException {
        out.write(new byte[BLOCK * 2]);
        out.close();
    }
}
