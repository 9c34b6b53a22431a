package io.mtcassistant.mirror;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.function.LongConsumer;

/**
 * Hashes what flows through and fails at the end of the stream when the bytes do not match the
 * expected digest and size. Failing inside read() (not after) matters: an upload that streams
 * this body is aborted before the registry can accept it, so nothing corrupt lands at the
 * destination.
 */
public class DigestingInputStream extends FilterInputStream {

    private final MessageDigest sha = Digests.newSha256();
    private final String expectedDigest;
    private final long expectedSize;
    private final String what;
    private final LongConsumer progress;
    private long count;
    private boolean checked;

    public DigestingInputStream(InputStream in, String expectedDigest, long expectedSize, String what, LongConsumer progress) {
        super(in);
        this.expectedDigest = expectedDigest;
        this.expectedSize = expectedSize;
        this.what = what;
        this.progress = progress == null ? n -> { } : progress;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            sha.update(b, off, n);
            count += n;
            progress.accept(n);
            if (expectedSize >= 0 && count > expectedSize) {
                throw mismatch("more bytes than the expected " + expectedSize);
            }
        } else if (n < 0) {
            verify();
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip is not supported on a verified stream");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void verify() throws IOException {
        if (checked) {
            return;
        }
        checked = true;
        if (expectedSize >= 0 && count != expectedSize) {
            throw mismatch("got " + count + " bytes, expected " + expectedSize + " (truncated)");
        }
        String actual = Digests.format(sha);
        if (expectedDigest != null && !expectedDigest.equals(actual)) {
            throw mismatch("content hashes to " + actual);
        }
    }

    private DigestMismatchIOException mismatch(String detail) {
        return new DigestMismatchIOException("digest mismatch for " + what + " " + expectedDigest + ": " + detail);
    }

    public long count() {
        return count;
    }

    /** Thrown from read(); callers turn it into {@link MirrorException.Kind#DIGEST_MISMATCH}. */
    public static class DigestMismatchIOException extends IOException {
        public DigestMismatchIOException(String message) {
            super(message);
        }
    }
}
