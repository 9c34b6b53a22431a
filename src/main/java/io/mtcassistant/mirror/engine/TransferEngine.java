package io.mtcassistant.mirror.engine;

import io.mtcassistant.mirror.Descriptor;
import io.mtcassistant.mirror.Manifest;
import io.mtcassistant.mirror.MirrorException;
import io.mtcassistant.mirror.MirrorException.Kind;
import io.mtcassistant.mirror.registry.BlobSource;
import io.mtcassistant.mirror.registry.UploadSessions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies images between {@link ImageStore}s with their digests intact: manifests byte for byte
 * with their own media type, children before their index, blobs before manifests, every byte
 * verified. Blobs are de-duplicated across everything this engine copies, skipped when the
 * destination has them, mounted from a sibling repository when the registry allows, and
 * otherwise streamed straight from source to destination, in parallel with a per-registry limit.
 * One engine serves one run; close it at the end.
 */
public final class TransferEngine implements AutoCloseable {

    /** The log is set up on the first line written, not when the class loads: a run that goes well writes none. */
    private static Logger log() {
        return LoggerFactory.getLogger(TransferEngine.class);
    }
    private static final int BLOB_ATTEMPTS = 3;

    private final TransferListener listener;
    private final TransferStats stats = new TransferStats();
    private final ConnectionLimiter limiter;
    private final ExecutorService blobPool;
    private final ExecutorService manifestPool;
    private final Map<String, CompletableFuture<BlobOutcome>> blobs = new LinkedHashMap<>();
    /** Per registry and digest: the repository the blob went to first, so later repositories can mount it. */
    private final Map<String, CompletableFuture<String>> firstHome = new LinkedHashMap<>();
    private volatile boolean cancelled;
    private volatile UploadSessions uploads = UploadSessions.inMemory();

    public TransferEngine(int jobs, TransferListener listener) {
        int n = Math.max(1, jobs);
        this.listener = listener == null ? TransferListener.NONE : listener;
        this.limiter = new ConnectionLimiter(n);
        this.blobPool = Executors.newFixedThreadPool(n * 2, threads("mirror-blob"));
        this.manifestPool = Executors.newFixedThreadPool(Math.max(2, n), threads("mirror-manifest"));
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Where open chunked uploads are remembered (a run's journal keeps them across a kill); in memory by default. */
    public TransferEngine uploads(UploadSessions sessions) {
        this.uploads = sessions;
        return this;
    }

    public TransferStats stats() {
        return stats;
    }

    /** Stops starting new work; running transfers finish or fail, and no further manifests are pushed. */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * Copies one image (with every child of an index when {@code all}, else only the linux/amd64
     * child, like skopeo without --all) and returns how it went; failures are in the result, not thrown.
     */
    public ImageResult copy(ImageStore source, String sourceRef, ImageStore destination, String destinationRef,
                            boolean all, String sourceLabel, String destinationLabel) {
        Instant start = Instant.now();
        listener.imageState(sourceLabel, TransferListener.ImageState.STARTED, null);
        try {
            checkCancelled();
            if (all && destination.mountDomain() != null) {
                String present = alreadyThere(source, sourceRef, destination, destinationRef);
                if (present != null) {
                    ImageResult result = new ImageResult(sourceLabel, destinationLabel, present, null, 0,
                            Duration.between(start, Instant.now()), ImageResult.Status.ALREADY_PRESENT, null);
                    listener.imageState(sourceLabel, TransferListener.ImageState.FINISHED, present);
                    listener.imageFinished(result);
                    return result;
                }
            }
            Manifest top = source.fetchManifest(sourceRef, null);
            if (top.isIndex() && !all) {
                top = pickPlatform(source, top);
            }
            List<Manifest> ordered = new ArrayList<>();
            collect(source, top, ordered);
            listener.imageState(sourceLabel, TransferListener.ImageState.MANIFESTS_READ, ordered.size() + " manifests");
            long size = 0;
            List<CompletableFuture<BlobOutcome>> pending = new ArrayList<>();
            Map<String, Descriptor> unique = new LinkedHashMap<>();
            for (Manifest m : ordered) {
                size += m.size();
                for (Descriptor b : m.blobs()) {
                    unique.putIfAbsent(b.digest(), b);
                }
            }
            long blobBytes = unique.values().stream().mapToLong(b -> Math.max(0, b.size())).sum();
            AtomicLong blobBytesDone = new AtomicLong();
            for (Descriptor b : unique.values()) {
                size += Math.max(0, b.size());
                pending.add(ensureBlob(source, destination, b).whenComplete((outcome, error) -> {
                    if (error == null) {
                        listener.imageProgress(sourceLabel, blobBytesDone.addAndGet(Math.max(0, b.size())), blobBytes);
                    }
                }));
            }
            waitAll(pending);
            listener.imageState(sourceLabel, TransferListener.ImageState.BLOBS_DONE, unique.size() + " blobs");
            String ref = destinationRef == null ? top.digest() : destinationRef;
            boolean alreadyThere = destination.manifestDigest(ref).map(top.digest()::equals).orElse(false);
            if (!alreadyThere) {
                for (Manifest m : ordered) {
                    if (m == top) {
                        continue;
                    }
                    checkCancelled();
                    if (destination.manifestDigest(m.digest()).isEmpty()) {
                        destination.putManifest(m, m.digest());
                        stats.manifestPushed();
                    }
                }
                checkCancelled();
                destination.putManifest(top, ref);
                stats.manifestPushed();
            }
            ImageResult result = new ImageResult(sourceLabel, destinationLabel, top.digest(), top.mediaType(), size,
                    Duration.between(start, Instant.now()), alreadyThere ? ImageResult.Status.ALREADY_PRESENT : ImageResult.Status.MIRRORED, null);
            listener.imageState(sourceLabel, TransferListener.ImageState.FINISHED, top.digest());
            listener.imageFinished(result);
            return result;
        } catch (MirrorException e) {
            // The engine words its own failures; a stack trace per image (25 copies of one cause) only buries the log.
            log().warn("copy of {} failed: {}", sourceLabel, e.getMessage());
            ImageResult result = new ImageResult(sourceLabel, destinationLabel, null, null, 0,
                    Duration.between(start, Instant.now()), ImageResult.Status.FAILED, e.getMessage());
            listener.imageState(sourceLabel, TransferListener.ImageState.FAILED, e.getMessage());
            listener.imageFinished(result);
            return result;
        }
    }

    /**
     * The digest when the destination already holds exactly the source's manifest under the
     * destination reference, found with one HEAD on each side (in parallel); else null. A registry
     * only takes a manifest whose blobs and children it has, so nothing below it needs checking.
     */
    private String alreadyThere(ImageStore source, String sourceRef, ImageStore destination, String destinationRef) {
        try {
            CompletableFuture<String> sourceDigest = sourceRef != null && sourceRef.startsWith("sha256:")
                    ? CompletableFuture.completedFuture(sourceRef)
                    : CompletableFuture.supplyAsync(() -> source.manifestDigest(sourceRef).orElse(null), manifestPool);
            CompletableFuture<String> destinationDigest = destinationRef == null ? null
                    : CompletableFuture.supplyAsync(() -> destination.manifestDigest(destinationRef).orElse(null), manifestPool);
            String want = sourceDigest.join();
            if (want == null) {
                return null;
            }
            String have = destinationDigest != null ? destinationDigest.join() : destination.manifestDigest(want).orElse(null);
            return want.equals(have) ? want : null;
        } catch (CompletionException | MirrorException e) {
            // The quick look failed; the full copy finds and reports the real problem.
            return null;
        }
    }

    /** Without --all: the child for this platform (linux/amd64 by default), as skopeo does. */
    private Manifest pickPlatform(ImageStore source, Manifest index) {
        String wanted = "linux/" + hostArchitecture();
        for (Descriptor child : index.children()) {
            if (child.platform() != null && (child.platform().equals(wanted) || child.platform().startsWith(wanted + "/"))) {
                return source.fetchManifest(child.digest(), child);
            }
        }
        throw new MirrorException(Kind.NOT_FOUND, "the index " + index.digest() + " has no " + wanted
                + " image; use --all to copy every platform");
    }

    private static String hostArchitecture() {
        String arch = System.getProperty("os.arch", "amd64");
        return switch (arch) {
            case "x86_64", "amd64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> arch;
        };
    }

    /** Children (fetched concurrently, each verified) before their parent. */
    private void collect(ImageStore source, Manifest manifest, List<Manifest> ordered) {
        if (manifest.isIndex()) {
            List<Future<Manifest>> children = new ArrayList<>();
            for (Descriptor child : manifest.children()) {
                children.add(manifestPool.submit(() -> source.fetchManifest(child.digest(), child)));
            }
            for (Future<Manifest> f : children) {
                collect(source, get(f), ordered);
            }
        }
        ordered.add(manifest);
    }

    private static Manifest get(Future<Manifest> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MirrorException(Kind.INTERRUPTED, "interrupted");
        }
    }

    private static void waitAll(List<CompletableFuture<BlobOutcome>> pending) {
        MirrorException first = null;
        for (CompletableFuture<BlobOutcome> f : pending) {
            try {
                f.join();
            } catch (CompletionException e) {
                if (first == null) {
                    first = unwrap(e.getCause());
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static MirrorException unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof MirrorException m) {
            return m;
        }
        return new MirrorException(Kind.REGISTRY, "unexpected error: " + c, c);
    }

    /**
     * One transfer per (destination repository, digest) for the whole run. The first repository
     * of a registry to need a blob gets it copied; later ones wait for that and then mount it.
     */
    private synchronized CompletableFuture<BlobOutcome> ensureBlob(ImageStore source, ImageStore destination, Descriptor blob) {
        String key = destination.blobKey(blob.digest());
        CompletableFuture<BlobOutcome> existing = blobs.get(key);
        if (existing != null) {
            return existing;
        }
        CompletableFuture<BlobOutcome> future;
        String domain = destination.mountDomain();
        String homeKey = domain == null ? null : domain + "@" + blob.digest();
        CompletableFuture<String> home = homeKey == null ? null : firstHome.get(homeKey);
        if (home != null) {
            future = home.handle((repo, error) -> error == null ? repo : null)
                    .thenApplyAsync(repo -> transfer(source, destination, blob, repo), blobPool);
        } else {
            // An interrupted earlier run may have completed the blob in another repository of this registry.
            String earlier = domain == null ? null : uploads.storedIn(domain, blob.digest())
                    .filter(repo -> !repo.equals(destination.repository())).orElse(null);
            future = CompletableFuture.supplyAsync(() -> transfer(source, destination, blob, earlier), blobPool);
            if (homeKey != null) {
                String repo = destination.repository();
                firstHome.put(homeKey, future.thenApply(outcome -> repo));
            }
        }
        blobs.put(key, future);
        return future;
    }

    private BlobOutcome transfer(ImageStore source, ImageStore destination, Descriptor blob, String mountFrom) {
        checkCancelled();
        BlobOutcome outcome;
        try (AutoCloseable slot = limiter.acquire(destination.limiterKey())) {
            if (mountFrom != null && !mountFrom.equals(destination.repository()) && destination.mount(blob, mountFrom)) {
                // Known to be in another repository of this registry (copied there by this run or an earlier one):
                // the mount alone links it, no HEAD first (a set with shared base layers mounts most of its blobs).
                outcome = BlobOutcome.MOUNTED;
            } else if (destination.hasBlob(blob)) {
                outcome = BlobOutcome.SKIPPED;
            } else if (mountFrom == null && destination.mountDomain() != null && destination.mountDomain().equals(source.mountDomain())
                    && !source.repository().equals(destination.repository()) && destination.mount(blob, source.repository())) {
                // Same registry on both sides: link from the source repository, no bytes moved.
                outcome = BlobOutcome.MOUNTED;
            } else {
                outcome = null;
            }
        } catch (MirrorException e) {
            throw e;
        } catch (Exception e) {
            throw new MirrorException(Kind.REGISTRY, "unexpected error: " + e, e);
        }
        for (int attempt = 1; outcome == null; attempt++) {
            checkCancelled();
            try {
                copyBlob(source, destination, blob);
                outcome = BlobOutcome.COPIED;
            } catch (MirrorException e) {
                // A dropped connection is worth more tries; wrong bytes once more (a cut-short body through a
                // flaky hop looks the same), auth or TLS problems not at all.
                boolean again = e.kind() == Kind.NETWORK ? attempt < BLOB_ATTEMPTS
                        : e.kind() == Kind.DIGEST_MISMATCH && attempt < 2;
                if (!again) {
                    throw e;
                }
                log().info("retrying blob {} after: {}", blob.digest(), e.getMessage());
                sleep(500L * attempt + java.util.concurrent.ThreadLocalRandom.current().nextLong(250));
            }
        }
        if (destination.mountDomain() != null && outcome != BlobOutcome.SKIPPED) {
            uploads.stored(destination.mountDomain(), blob.digest(), destination.repository());
        }
        stats.blobFinished(blob.digest(), outcome, blob.size());
        listener.blobFinished(blob.digest(), outcome, blob.size());
        return outcome;
    }

    private void copyBlob(ImageStore source, ImageStore destination, Descriptor blob) {
        if (destination instanceof LayoutStore layoutStore) {
            // Into a layout (mirror to disk): keep partial downloads and continue them with Range.
            try (AutoCloseable slot = limiter.acquire(source.limiterKey(), destination.limiterKey())) {
                long have = layoutStore.layout().partialSize(blob.digest());
                try {
                    download(source, layoutStore, blob, have);
                } catch (MirrorException e) {
                    if (have == 0 || e.kind() != Kind.DIGEST_MISMATCH) {
                        throw e;
                    }
                    // The kept part was bad (it is deleted by now): fetch the whole blob once more.
                    log().info("partial download of {} was corrupt; downloading it again", blob.digest());
                    download(source, layoutStore, blob, 0);
                }
                return;
            } catch (MirrorException e) {
                throw e;
            } catch (Exception e) {
                throw new MirrorException(Kind.REGISTRY, "unexpected error: " + e, e);
            }
        }
        try (AutoCloseable slot = limiter.acquire(source.limiterKey(), destination.limiterKey())) {
            destination.putBlob(blob, reopenable(source, blob), uploads, delta -> {
                stats.bytesTransferred(delta);
                listener.bytesTransferred(delta);
            });
        } catch (MirrorException e) {
            throw e;
        } catch (IOException | UncheckedIOException e) {
            throw new MirrorException(Kind.NETWORK, "transfer of blob " + blob.digest() + " failed: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new MirrorException(Kind.REGISTRY, "unexpected error: " + e, e);
        }
    }

    /** The source blob as something an upload can reopen at the offset the destination stopped at. */
    private static BlobSource reopenable(ImageStore source, Descriptor blob) {
        return offset -> {
            ImageStore.BlobBody body = source.openBlobFrom(blob, offset);
            InputStream in = body.body();
            long skip = offset - body.start();
            // The source could not start there (no Range): read up to the offset and drop it.
            byte[] scratch = skip > 0 ? new byte[64 * 1024] : null;
            while (skip > 0) {
                int n = in.read(scratch, 0, (int) Math.min(scratch.length, skip));
                if (n < 0) {
                    in.close();
                    throw new IOException("blob " + blob.digest() + " ended before byte " + offset);
                }
                skip -= n;
            }
            return in;
        };
    }

    private void download(ImageStore source, LayoutStore destination, Descriptor blob, long offset) {
        ImageStore.BlobBody body = source.openBlobFrom(blob, offset);
        destination.putBlobResumable(blob, body.body(), body.start(), delta -> {
            stats.bytesTransferred(delta);
            listener.bytesTransferred(delta);
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MirrorException(Kind.INTERRUPTED, "interrupted");
        }
    }

    private void checkCancelled() {
        if (cancelled) {
            throw new MirrorException(Kind.INTERRUPTED, "the transfer was stopped before it finished; run it again to resume");
        }
    }

    @Override
    public void close() {
        blobPool.shutdownNow();
        manifestPool.shutdownNow();
    }
}
