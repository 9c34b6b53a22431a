package io.mtcassistant.mirror.registry;

import io.mtcassistant.mirror.Descriptor;
import io.mtcassistant.mirror.Digests;
import io.mtcassistant.mirror.MirrorException;
import io.mtcassistant.mirror.MirrorException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One blob pushed in chunks: POST, then PATCH with Content-Range per chunk, then PUT with the
 * digest. After every confirmed chunk the upload location goes to {@link UploadSessions}; when a
 * chunk fails (or the process died), the registry is asked how much it has (GET on the location,
 * its Range header) and only the rest is read from the source and sent. The bytes the registry
 * confirmed are hashed as they go, so the digest is checked before the final PUT; an upload taken
 * over from an earlier process is checked by the registry's own digest check on that PUT.
 */
final class ChunkedUpload {

    /** The log is set up on the first line written, not when the class loads: a run that goes well writes none. */
    private static Logger log() {
        return LoggerFactory.getLogger(ChunkedUpload.class);
    }

    /** The registry does not take chunks (or the first chunk failed in a way that says so): use one PUT. */
    static final class ChunksRefused extends Exception {
        ChunksRefused(String message) {
            super(message);
        }
    }

    private final RegistryClient client;
    private final String repository;
    private final Descriptor blob;
    private final BlobSource source;
    private final UploadSessions sessions;
    private final LongConsumer progress;
    private final TransportSettings settings;
    private final String key;
    private final String what;
    private final List<String> scopes;

    private String location;
    private long offset;
    private MessageDigest hasher;
    private boolean anyChunkAccepted;

    ChunkedUpload(RegistryClient client, String repository, Descriptor blob, BlobSource source, UploadSessions sessions,
                  LongConsumer progress) {
        this.client = client;
        this.repository = repository;
        this.blob = blob;
        this.source = source;
        this.sessions = sessions;
        this.progress = progress == null ? n -> { } : progress;
        this.settings = client.settings();
        this.key = client.registry() + "/" + repository + "@" + blob.digest();
        this.what = "blob " + blob.digest() + " to " + client.registry() + "/" + repository;
        this.scopes = List.of(RegistryAuth.push(repository));
    }

    /**
     * Sends the chunks, reading the next one from the source while the current one is in flight
     * (so a large blob moves at the slower side's speed, not at the sum of both sides' times).
     */
    void run() throws ChunksRefused {
        resumeOrStart();
        int size = (int) Math.min(settings.chunkSize(), Math.max(1, blob.size()));
        byte[] current = new byte[size];
        byte[] next = new byte[size];
        int currentLength = -1;
        InputStream in = null;
        int failures = 0;
        try {
            while (offset < blob.size()) {
                if (currentLength < 0) {
                    try {
                        if (in == null) {
                            in = source.openAt(offset);
                        }
                        currentLength = readChunk(in, current, offset);
                    } catch (IOException e) {
                        closeQuietly(in);
                        in = null;
                        failures = failed(failures, "reading " + blob.digest() + " from the source", e);
                        continue;
                    }
                    progress.accept(currentLength);
                }
                CompletableFuture<HttpResponse<byte[]>> inFlight = startPatch(current, currentLength);
                long nextOffset = offset + currentLength;
                int nextLength = -1;
                IOException readError = null;
                if (nextOffset < blob.size()) {
                    try {
                        nextLength = readChunk(in, next, nextOffset);
                    } catch (IOException e) {
                        readError = e;
                    }
                }
                if (!finishPatch(inFlight, current, currentLength)) {
                    if (!anyChunkAccepted && offset == 0 && lastStatus >= 400 && lastStatus < 500 && lastStatus != 404) {
                        client.cancelUpload(repository, location);
                        sessions.forget(key);
                        throw new ChunksRefused("registry " + client.registry() + " refused a chunked upload (HTTP " + lastStatus + ")");
                    }
                    closeQuietly(in);
                    in = null;
                    currentLength = -1;
                    failures = failed(failures, "sending a chunk of " + blob.digest(), lastError);
                    recover();
                    continue;
                }
                failures = 0;
                if (offset != nextOffset || readError != null) {
                    // The registry counted differently, or the read-ahead failed: continue from the registry's count.
                    closeQuietly(in);
                    in = null;
                    currentLength = -1;
                    if (readError != null) {
                        failures = failed(failures, "reading " + blob.digest() + " from the source", readError);
                    }
                    continue;
                }
                if (nextLength >= 0) {
                    byte[] swap = current;
                    current = next;
                    next = swap;
                    currentLength = nextLength;
                    progress.accept(nextLength);
                } else {
                    currentLength = -1;
                }
            }
        } finally {
            closeQuietly(in);
        }
        finish();
    }

    private int readChunk(InputStream in, byte[] buffer, long at) throws IOException {
        int want = (int) Math.min(buffer.length, blob.size() - at);
        int n = in.readNBytes(buffer, 0, want);
        if (n < want) {
            throw new IOException("the source sent only " + (at + n) + " of " + blob.size() + " bytes (truncated)");
        }
        return n;
    }

    private int lastStatus;
    private IOException lastError;

    /** Continues a session an earlier attempt (or process) left, when the registry still has it; else opens one. */
    private void resumeOrStart() {
        UploadSessions.Session kept = sessions.find(key).orElse(null);
        if (kept != null) {
            location = kept.location();
            OptionalLong have = status();
            if (have.isPresent()) {
                offset = have.getAsLong();
                // What the registry holds from before was not hashed here; its digest check on the PUT covers it.
                hasher = offset == 0 ? Digests.newSha256() : null;
                log().info("continuing the upload of {} at byte {} of {}", what, offset, blob.size());
                return;
            }
            log().info("registry {} no longer has the partial upload of {}; starting it again", client.registry(), blob.digest());
            sessions.forget(key);
        }
        start();
    }

    private void start() {
        HttpResponse<byte[]> resp = client.send(() -> client.request(client.uri("/v2/" + repository + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()), HttpResponse.BodyHandlers.ofByteArray(), repository, scopes, true);
        if (resp.statusCode() != 202) {
            client.expectOk(resp, "upload of " + what, resp.body());
            throw new MirrorException(Kind.REGISTRY, "registry " + client.registry() + " did not open an upload session for " + what
                    + " (HTTP " + resp.statusCode() + ")");
        }
        location = resp.request().uri().resolve(resp.headers().firstValue("Location").orElseThrow(() -> new MirrorException(Kind.REGISTRY,
                "registry " + client.registry() + " opened an upload without a Location header"))).toString();
        offset = 0;
        hasher = Digests.newSha256();
        anyChunkAccepted = false;
        sessions.save(key, new UploadSessions.Session(location, 0));
    }

    private URI patchUri;

    /** Starts sending one chunk. */
    private CompletableFuture<HttpResponse<byte[]>> startPatch(byte[] buffer, int n) {
        patchUri = URI.create(location);
        HttpRequest.Builder b = client.request(patchUri)
                .timeout(settings.readTimeout().plus(Duration.ofMillis(n / 256)))
                .header("Content-Type", "application/octet-stream")
                .header("Content-Range", offset + "-" + (offset + n - 1))
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(buffer, 0, n));
        client.authorizeIfSameEndpoint(b, patchUri, repository, scopes);
        return client.http().sendAsync(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Waits for the chunk; true when the registry confirmed it (then offset, hash and journal move on). */
    private boolean finishPatch(CompletableFuture<HttpResponse<byte[]>> inFlight, byte[] buffer, int n) {
        HttpResponse<byte[]> resp;
        try {
            resp = inFlight.get();
        } catch (ExecutionException e) {
            lastStatus = 0;
            lastError = e.getCause() instanceof IOException io ? io : new IOException(String.valueOf(e.getCause()), e.getCause());
            return false;
        } catch (InterruptedException e) {
            inFlight.cancel(true);
            Thread.currentThread().interrupt();
            throw new MirrorException(Kind.INTERRUPTED, "interrupted while uploading " + what);
        }
        lastStatus = resp.statusCode();
        if (resp.statusCode() != 202 && resp.statusCode() != 204) {
            lastError = new IOException("registry answered HTTP " + resp.statusCode() + " to a chunk"
                    + describe(resp.body()));
            return false;
        }
        if (hasher != null) {
            hasher.update(buffer, 0, n);
        }
        offset += n;
        anyChunkAccepted = true;
        URI uri = patchUri;
        resp.headers().firstValue("Location").ifPresent(l -> location = uri.resolve(l).toString());
        long confirmed = rangeEnd(resp.headers().firstValue("Range").orElse(null));
        if (confirmed >= 0 && confirmed != offset) {
            // The registry counts differently from us: believe it and continue from where it is.
            log().info("registry {} confirmed {} bytes of {} where {} were sent; continuing from its count", client.registry(),
                    confirmed, blob.digest(), offset);
            offset = confirmed;
            hasher = null;
        }
        sessions.save(key, new UploadSessions.Session(location, offset));
        return true;
    }

    private static String describe(byte[] body) {
        String text = RegistryErrors.errorText(body);
        return text.isEmpty() ? "" : " (" + text + ")";
    }

    /** After a failed chunk: ask the registry where the upload stands, or start over when it dropped the session. */
    private void recover() {
        OptionalLong have = status();
        if (have.isPresent()) {
            if (have.getAsLong() != offset) {
                log().info("registry {} holds {} bytes of {}; continuing from there", client.registry(), have.getAsLong(), blob.digest());
                offset = have.getAsLong();
                hasher = null;
            }
            return;
        }
        // distribution drops an upload whose stored size disagrees with its signed state (a chunk cut part-way).
        log().info("registry {} dropped the partial upload of {} after a cut chunk; starting it again", client.registry(), blob.digest());
        sessions.forget(key);
        start();
    }

    /** Bytes the registry holds for the current location (from its Range header), or empty when the session is gone. */
    private OptionalLong status() {
        URI uri = URI.create(location);
        HttpResponse<byte[]> resp;
        try {
            resp = client.send(() -> client.request(uri).GET(), HttpResponse.BodyHandlers.ofByteArray(), repository, scopes, true);
        } catch (MirrorException e) {
            if (e.kind() == Kind.NETWORK) {
                throw e;
            }
            return OptionalLong.empty();
        }
        if (resp.statusCode() != 204 && resp.statusCode() != 202 && resp.statusCode() != 200) {
            return OptionalLong.empty();
        }
        resp.headers().firstValue("Location").ifPresent(l -> location = uri.resolve(l).toString());
        long end = rangeEnd(resp.headers().firstValue("Range").orElse(null));
        return OptionalLong.of(Math.max(0, end));
    }

    /** "0-1023" (or "bytes=0-1023") to 1024, the count of bytes held; -1 when absent or unreadable. */
    static long rangeEnd(String range) {
        if (range == null || range.isBlank()) {
            return -1;
        }
        String r = range.trim();
        if (r.startsWith("bytes=")) {
            r = r.substring(6);
        }
        int dash = r.indexOf('-');
        try {
            long end = dash < 0 ? -2 : Long.parseLong(r.substring(dash + 1).trim());
            // distribution answers "0-0" for an empty upload too; chunks are far larger than one byte, so it means 0.
            return end == 0 ? 0 : end + 1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private int failed(int failures, String doing, IOException cause) {
        int n = failures + 1;
        if (n >= settings.attempts()) {
            MirrorException e = RegistryErrors.translate(client.registry(), cause == null ? new IOException("failed") : cause, doing);
            throw new MirrorException(e.kind(), "upload of " + what + " failed after " + n + " attempts: " + e.getMessage(), cause);
        }
        log().info("{} failed ({}); retrying from byte {}", doing, cause == null ? "?" : cause.getMessage(), offset);
        client.pause(n);
        return n;
    }

    private void finish() {
        if (hasher != null) {
            String actual = Digests.format(hasher);
            if (!actual.equals(blob.digest())) {
                client.cancelUpload(repository, location);
                sessions.forget(key);
                throw new MirrorException(Kind.DIGEST_MISMATCH, "digest mismatch for " + what + ": the source's bytes hash to " + actual);
            }
        }
        URI put = RegistryClient.withDigest(URI.create(location), blob.digest());
        HttpResponse<byte[]> done = client.send(() -> {
            HttpRequest.Builder b = client.request(put).header("Content-Type", "application/octet-stream")
                    .PUT(HttpRequest.BodyPublishers.noBody());
            return b;
        }, HttpResponse.BodyHandlers.ofByteArray(), repository, scopes, false);
        sessions.forget(key);
        if (done.statusCode() != 201) {
            client.cancelUpload(repository, location);
            String text = RegistryErrors.errorText(done.body());
            if (text.contains("DIGEST_INVALID")) {
                throw new MirrorException(Kind.DIGEST_MISMATCH, "digest mismatch: registry " + client.registry() + " rejected " + what
                        + " because the bytes do not hash to the digest");
            }
            client.expectOk(done, what, done.body());
            throw new MirrorException(Kind.REGISTRY, "registry " + client.registry() + " answered HTTP " + done.statusCode() + " to " + what);
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                // nothing useful to do
            }
        }
    }
}
