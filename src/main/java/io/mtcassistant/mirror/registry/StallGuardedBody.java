package io.mtcassistant.mirror.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Flow;

/**
 * A response body read as an InputStream that fails when no byte arrives for the read timeout.
 * The JDK's own {@code BodyHandlers.ofInputStream()} blocks forever on a connection that stalls
 * (and closing it from another thread does not wake the reader), so a stalled registry would hang
 * the transfer; this one turns the stall into an error the retry logic can act on.
 */
final class StallGuardedBody extends InputStream implements HttpResponse.BodySubscriber<InputStream> {

    private static final Object END = new Object();

    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final long timeoutNanos;
    private final String source;
    private volatile Flow.Subscription subscription;
    private Iterator<ByteBuffer> buffers = List.<ByteBuffer>of().iterator();
    private ByteBuffer current;
    private boolean eof;
    private volatile boolean closed;

    private StallGuardedBody(Duration timeout, String source) {
        this.timeoutNanos = timeout.toNanos();
        this.source = source;
    }

    static HttpResponse.BodyHandler<InputStream> handler(Duration timeout, String source) {
        return info -> new StallGuardedBody(timeout, source);
    }

    /** Thrown from read() when the connection delivered nothing for the read timeout. */
    static final class StalledException extends IOException {
        StalledException(String message) {
            super(message);
        }
    }

    @Override
    public CompletionStage<InputStream> getBody() {
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (closed) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        queue.add(item);
    }

    @Override
    public void onError(Throwable throwable) {
        queue.add(throwable);
    }

    @Override
    public void onComplete() {
        queue.add(END);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, current.remaining());
        current.get(b, off, n);
        return n;
    }

    @Override
    public int available() {
        return current == null ? 0 : current.remaining();
    }

    private boolean fill() throws IOException {
        while (current == null || !current.hasRemaining()) {
            if (buffers.hasNext()) {
                current = buffers.next();
                continue;
            }
            if (eof) {
                return false;
            }
            if (closed) {
                throw new IOException("stream closed");
            }
            Object item;
            try {
                item = queue.poll(timeoutNanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new java.io.InterruptedIOException("interrupted while reading from " + source);
            }
            if (item == null) {
                close();
                throw new StalledException("no data from " + source + " for " + Duration.ofNanos(timeoutNanos).toSeconds()
                        + " s (stalled connection)");
            }
            if (item == END) {
                eof = true;
                return false;
            }
            if (item instanceof Throwable t) {
                eof = true;
                throw t instanceof IOException io ? io : new IOException(t.getMessage(), t);
            }
            @SuppressWarnings("unchecked")
            List<ByteBuffer> list = (List<ByteBuffer>) item;
            buffers = list.iterator();
            Flow.Subscription s = subscription;
            if (s != null) {
                s.request(1);
            }
        }
        return true;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        queue.clear();
    }
}
