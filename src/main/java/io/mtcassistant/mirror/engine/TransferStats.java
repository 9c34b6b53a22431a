package io.mtcassistant.mirror.engine;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of one run: what was sent, skipped, mounted. Tests and the summary read them. */
public final class TransferStats implements TransferListener {

    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong copied = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong mounted = new AtomicLong();
    private final AtomicLong manifestsPushed = new AtomicLong();

    @Override
    public void blobFinished(String digest, BlobOutcome outcome, long size) {
        switch (outcome) {
            case COPIED -> copied.incrementAndGet();
            case SKIPPED -> skipped.incrementAndGet();
            case MOUNTED -> mounted.incrementAndGet();
        }
    }

    @Override
    public void bytesTransferred(long delta) {
        bytes.addAndGet(delta);
    }

    void manifestPushed() {
        manifestsPushed.incrementAndGet();
    }

    public long bytesTransferred() {
        return bytes.get();
    }

    public long blobsCopied() {
        return copied.get();
    }

    public long blobsSkipped() {
        return skipped.get();
    }

    public long blobsMounted() {
        return mounted.get();
    }

    public long manifestsPushed() {
        return manifestsPushed.get();
    }

    @Override
    public String toString() {
        return "bytes=" + bytes + " copied=" + copied + " skipped=" + skipped + " mounted=" + mounted + " manifestsPushed=" + manifestsPushed;
    }
}
