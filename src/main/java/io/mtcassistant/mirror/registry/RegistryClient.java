package io.mtcassistant.mirror.registry;

import io.mtcassistant.mirror.Descriptor;
import io.mtcassistant.mirror.DigestingInputStream;
import io.mtcassistant.mirror.Digests;
import io.mtcassistant.mirror.Manifest;
import io.mtcassistant.mirror.MediaTypes;
import io.mtcassistant.mirror.MirrorException;
import io.mtcassistant.mirror.MirrorException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One registry, spoken to over the distribution (registry v2) API: manifest and blob operations,
 * retries, https with optional plain-http fallback when TLS verification is explicitly off, and
 * redirects to blob storage without leaking credentials. Authorization (anonymous, Basic, Bearer
 * tokens) is {@link RegistryAuth}'s; error wording is {@link RegistryErrors}'.
 * Thread-safe: one instance serves all parallel transfers to its registry.
 */
public final class RegistryClient {

    /** The log is set up on the first line written, not when the class loads: a run that goes well writes none. */
    private static Logger log() {
        return LoggerFactory.getLogger(RegistryClient.class);
    }
    private static final int IN_MEMORY_LIMIT = 1 << 20;

    private final String registry;
    private final String endpoint;
    private final boolean insecure;
    private final HttpClient http;
    private final RegistryAuth auth;
    private final TransportSettings settings;
    private final ProxySettings proxy;
    private volatile URI base;

    RegistryClient(String registry, String endpoint, boolean insecure, HttpClient http, CredentialStore credentials,
                   TransportSettings settings, ProxySettings proxy) {
        this.proxy = proxy;
        this.registry = registry;
        this.endpoint = endpoint;
        this.insecure = insecure;
        this.http = http;
        this.auth = new RegistryAuth(registry, http, credentials);
        this.settings = settings;
    }

    TransportSettings settings() {
        return settings;
    }

    HttpClient http() {
        return http;
    }

    public String registry() {
        return registry;
    }

    /**
     * Asks the registry's {@code /v2/} once (name, port, TLS) so a plan can say before any copy that the registry
     * cannot be reached, and why; throws the {@link MirrorException} in plain words otherwise.
     */
    public void checkReachable() {
        base();
    }

    // ---------------------------------------------------------------- manifests

    /**
     * Fetches a manifest by tag or digest. When the reference (or the expected descriptor) is a
     * digest, the bytes must hash to it; otherwise they must match the Docker-Content-Digest the
     * registry sent, when it sent one.
     */
    public Manifest getManifest(String repository, String reference, Descriptor expected) {
        String what = registry + "/" + repository + (reference.startsWith("sha256:") ? "@" : ":") + reference;
        HttpResponse<byte[]> resp = send(() -> request(manifestUri(repository, reference)).GET()
                        .header("Accept", MediaTypes.acceptHeader()),
                HttpResponse.BodyHandlers.ofByteArray(), repository, List.of(RegistryAuth.pull(repository)), true);
        if (resp.statusCode() == 404) {
            throw new MirrorException(Kind.NOT_FOUND, "image " + what + " not found (" + RegistryErrors.errorText(resp.body()) + ")");
        }
        expectOk(resp, what, resp.body());
        byte[] bytes = resp.body();
        String actual = Digests.sha256(bytes);
        String want = expected != null ? expected.digest() : reference.startsWith("sha256:") ? reference
                : resp.headers().firstValue("Docker-Content-Digest").filter(Digests::isValid).orElse(null);
        if (want != null && !want.equals(actual)) {
            throw new MirrorException(Kind.DIGEST_MISMATCH, "digest mismatch for manifest " + what + ": expected " + want
                    + ", the served bytes hash to " + actual);
        }
        if (expected != null && expected.size() >= 0 && expected.size() != bytes.length) {
            throw new MirrorException(Kind.DIGEST_MISMATCH, "size mismatch for manifest " + what + ": expected "
                    + expected.size() + " bytes, got " + bytes.length);
        }
        return Manifest.parse(bytes, resp.headers().firstValue("Content-Type").orElse(null), what);
    }

    /** The digest the registry has under a tag or digest, or empty when there is none. */
    public Optional<String> headManifest(String repository, String reference) {
        HttpResponse<Void> resp = send(() -> request(manifestUri(repository, reference))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()).header("Accept", MediaTypes.acceptHeader()),
                HttpResponse.BodyHandlers.discarding(), repository, List.of(RegistryAuth.pull(repository)), true);
        if (resp.statusCode() == 404) {
            return Optional.empty();
        }
        expectOk(resp, registry + "/" + repository + ":" + reference, null);
        return resp.headers().firstValue("Docker-Content-Digest");
    }

    /** PUTs the exact bytes with their own media type; the registry must answer with the same digest. */
    public void putManifest(String repository, String reference, Manifest manifest) {
        String what = registry + "/" + repository + (reference.startsWith("sha256:") ? "@" : ":") + reference;
        HttpResponse<byte[]> resp = send(() -> request(manifestUri(repository, reference))
                        .header("Content-Type", manifest.mediaType())
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest.bytes())),
                HttpResponse.BodyHandlers.ofByteArray(), repository, List.of(RegistryAuth.push(repository)), true);
        expectOk(resp, what, resp.body());
        String returned = resp.headers().firstValue("Docker-Content-Digest").orElse(null);
        if (returned != null && !returned.equals(manifest.digest())) {
            throw new MirrorException(Kind.DIGEST_MISMATCH, "registry " + registry + " stored manifest " + what + " as "
                    + returned + " instead of " + manifest.digest() + "; it changed the manifest");
        }
    }

    // ---------------------------------------------------------------- blobs

    /** Size of the blob when the repository has it. */
    public OptionalLong headBlob(String repository, String digest) {
        HttpResponse<Void> resp = send(() -> request(blobUri(repository, digest)).method("HEAD", HttpRequest.BodyPublishers.noBody()),
                HttpResponse.BodyHandlers.discarding(), repository, List.of(RegistryAuth.pull(repository)), true);
        if (resp.statusCode() == 404) {
            return OptionalLong.empty();
        }
        if (isRedirect(resp.statusCode())) {
            // The blob lives in storage behind a redirect: it exists, its size is learnt when it is read.
            return OptionalLong.of(-1);
        }
        expectOk(resp, "blob " + digest + " in " + registry + "/" + repository, null);
        return OptionalLong.of(resp.headers().firstValueAsLong("Content-Length").orElse(-1));
    }

    /**
     * Opens the blob's bytes (unverified: the caller wraps them in a {@link DigestingInputStream}).
     * Redirects are followed by hand so the registry's Authorization never goes to another host.
     */
    public InputStream openBlob(String repository, String digest) {
        return openBlob(repository, digest, 0).body();
    }

    /** A blob body and the offset it starts at (0 when the server ignored the Range request). */
    public record BlobBody(InputStream body, long start) {
    }

    /** Like {@link #openBlob(String, String)}, from byte offset on when the server honours Range (206). */
    public BlobBody openBlob(String repository, String digest, long offset) {
        String what = "blob " + digest + " of " + registry + "/" + repository;
        String range = offset > 0 ? "bytes=" + offset + "-" : null;
        HttpResponse.BodyHandler<InputStream> guarded = StallGuardedBody.handler(settings.readTimeout(), "registry " + registry);
        HttpResponse<InputStream> resp = send(() -> withRange(request(blobUri(repository, digest)).GET(), range),
                guarded, repository, List.of(RegistryAuth.pull(repository)), true);
        URI current = resp.request().uri();
        for (int hops = 0; isRedirect(resp.statusCode()); hops++) {
            closeQuietly(resp.body());
            String location = resp.headers().firstValue("Location").orElse(null);
            if (location == null || hops >= 5) {
                throw new MirrorException(Kind.REGISTRY, "registry " + registry + " redirected " + what + " without a usable Location");
            }
            URI next = current.resolve(location);
            boolean sameHost = sameEndpoint(next, current);
            HttpRequest.Builder b = withRange(HttpRequest.newBuilder(next).GET().timeout(settings.readTimeout()), range);
            if (sameHost) {
                String authorization = auth.header(repository, List.of(RegistryAuth.pull(repository)));
                if (authorization != null) {
                    b.header("Authorization", authorization);
                }
            }
            resp = sendRaw(b.build(), guarded, what);
            current = next;
        }
        if (resp.statusCode() == 404) {
            closeQuietly(resp.body());
            throw new MirrorException(Kind.NOT_FOUND, what + " not found");
        }
        if (resp.statusCode() == 206 && range != null) {
            String contentRange = resp.headers().firstValue("Content-Range").orElse("");
            if (contentRange.startsWith("bytes " + offset + "-")) {
                return new BlobBody(resp.body(), offset);
            }
            closeQuietly(resp.body());
            return openBlob(repository, digest, 0);
        }
        if (resp.statusCode() != 200) {
            String text = readErrorQuietly(resp.body());
            expectOk(resp, what, text.getBytes(StandardCharsets.UTF_8));
        }
        return new BlobBody(resp.body(), 0);
    }

    private static HttpRequest.Builder withRange(HttpRequest.Builder b, String range) {
        return range == null ? b : b.header("Range", range);
    }

    /** Cross-repository mount; true when the registry linked the blob without any data sent. */
    public boolean mountBlob(String repository, String digest, String fromRepository) {
        URI uri = uri("/v2/" + repository + "/blobs/uploads/?mount=" + enc(digest) + "&from=" + enc(fromRepository));
        HttpResponse<byte[]> resp = send(() -> request(uri).POST(HttpRequest.BodyPublishers.noBody()),
                HttpResponse.BodyHandlers.ofByteArray(), repository, List.of(RegistryAuth.push(repository), RegistryAuth.pull(fromRepository)), true);
        if (resp.statusCode() == 201) {
            return true;
        }
        if (resp.statusCode() == 202) {
            // The registry opened a normal upload session instead; close it, the caller uploads.
            resp.headers().firstValue("Location").ifPresent(loc -> cancelUpload(repository, loc));
        }
        return false;
    }

    /**
     * Uploads a blob: in chunks that survive interruptions when it is at least the chunk threshold
     * (falling back to one PUT for registries that refuse chunks), else in one PUT.
     */
    public void uploadBlob(String repository, Descriptor blob, BlobSource source, UploadSessions sessions, LongConsumer progress) {
        if (blob.size() >= settings.chunkThreshold() && blob.size() > 0) {
            try {
                new ChunkedUpload(this, repository, blob, source, sessions, progress).run();
                return;
            } catch (ChunkedUpload.ChunksRefused e) {
                log().info("{}; uploading {} in one request", e.getMessage(), blob.digest());
            }
        }
        InputStream in;
        try {
            in = source.openAt(0);
        } catch (IOException e) {
            throw RegistryErrors.translate(registry, e, "reading " + blob.digest());
        }
        try (InputStream verified = new DigestingInputStream(in, blob.digest(), blob.size(), "blob " + blob.digest(), progress)) {
            uploadBlob(repository, blob, verified);
        } catch (IOException e) {
            log().debug("closing the source of {}: {}", blob.digest(), e.getMessage());
        }
    }

    /**
     * Uploads a blob monolithically (POST, then PUT with a known length). The body must be a
     * verifying stream: if it fails part-way (digest mismatch, source gone), the PUT is aborted,
     * the session deleted, and the registry never links the blob.
     */
    public void uploadBlob(String repository, Descriptor blob, InputStream body) {
        String what = "blob " + blob.digest() + " to " + registry + "/" + repository;
        List<String> scopes = List.of(RegistryAuth.push(repository));
        HttpResponse<byte[]> start = send(() -> request(uri("/v2/" + repository + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()), HttpResponse.BodyHandlers.ofByteArray(), repository, scopes, true);
        if (start.statusCode() != 202) {
            expectOk(start, "upload of " + what, start.body());
            throw new MirrorException(Kind.REGISTRY, "registry " + registry + " did not open an upload session for " + what
                    + " (HTTP " + start.statusCode() + ")");
        }
        String location = start.headers().firstValue("Location").orElseThrow(() -> new MirrorException(Kind.REGISTRY,
                "registry " + registry + " opened an upload without a Location header"));
        URI put = uploadUri(start.request().uri(), location, blob.digest());
        HttpRequest.BodyPublisher publisher;
        try {
            if (blob.size() >= 0 && blob.size() <= IN_MEMORY_LIMIT) {
                // Small blobs: read (and verify) fully first, so nothing is sent unless the bytes are right.
                publisher = HttpRequest.BodyPublishers.ofByteArray(body.readAllBytes());
            } else {
                publisher = HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body), blob.size());
            }
        } catch (DigestingInputStream.DigestMismatchIOException e) {
            cancelUpload(repository, location);
            throw new MirrorException(Kind.DIGEST_MISMATCH, e.getMessage(), e);
        } catch (IOException e) {
            cancelUpload(repository, location);
            throw RegistryErrors.translate(registry, e, "reading " + blob.digest());
        }
        // The body streams from the source, whose reads carry their own stall guard; this bounds a registry that stops reading.
        HttpRequest.Builder b = request(put).header("Content-Type", "application/octet-stream").PUT(publisher)
                .timeout(settings.readTimeout().plus(Duration.ofSeconds(Math.max(0, blob.size()) / (256 * 1024))));
        String authorization = auth.header(repository, scopes);
        // The upload Location may point elsewhere (a storage front end): credentials stay with the registry.
        if (authorization != null && sameEndpoint(put, base())) {
            b.header("Authorization", authorization);
        }
        HttpResponse<byte[]> done;
        try {
            done = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            cancelUpload(repository, location);
            DigestingInputStream.DigestMismatchIOException mismatch = RegistryErrors.findMismatch(e);
            if (mismatch != null) {
                throw new MirrorException(Kind.DIGEST_MISMATCH, mismatch.getMessage(), e);
            }
            throw RegistryErrors.translate(registry, e, what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelUpload(repository, location);
            throw new MirrorException(Kind.INTERRUPTED, "interrupted while uploading " + what);
        }
        if (done.statusCode() != 201) {
            cancelUpload(repository, location);
            String text = RegistryErrors.errorText(done.body());
            if (text.contains("DIGEST_INVALID")) {
                throw new MirrorException(Kind.DIGEST_MISMATCH, "digest mismatch: registry " + registry + " rejected " + what
                        + " because the bytes do not hash to the digest");
            }
            expectOk(done, what, done.body());
            throw new MirrorException(Kind.REGISTRY, "registry " + registry + " answered HTTP " + done.statusCode() + " to " + what);
        }
    }

    void cancelUpload(String repository, String location) {
        try {
            URI uri = base().resolve(location);
            send(() -> request(uri).DELETE(), HttpResponse.BodyHandlers.discarding(), repository, List.of(RegistryAuth.push(repository)), true);
        } catch (RuntimeException e) {
            log().debug("could not cancel upload session on {}: {}", registry, e.getMessage());
        }
    }

    private URI uploadUri(URI requestUri, String location, String digest) {
        return withDigest(requestUri.resolve(location), digest);
    }

    static URI withDigest(URI location, String digest) {
        return URI.create(location + (location.getRawQuery() == null ? "?" : "&") + "digest=" + enc(digest));
    }

    /** Adds the registry's Authorization unless the URI leads elsewhere (upload locations may point at storage). */
    void authorizeIfSameEndpoint(HttpRequest.Builder b, URI uri, String repository, List<String> scopes) {
        String authorization = auth.header(repository, scopes);
        if (authorization != null && sameEndpoint(uri, base())) {
            b.header("Authorization", authorization);
        }
    }

    // ---------------------------------------------------------------- HTTP plumbing

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private URI manifestUri(String repository, String reference) {
        return uri("/v2/" + repository + "/manifests/" + reference);
    }

    private URI blobUri(String repository, String digest) {
        return uri("/v2/" + repository + "/blobs/" + digest);
    }

    URI uri(String path) {
        return base().resolve(path);
    }

    HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(settings.readTimeout()).header("User-Agent", "mtc-assistant");
    }

    /** The scheme is found once: https, or http only when TLS verification is explicitly off and https fails. */
    private URI base() {
        URI b = base;
        if (b != null) {
            return b;
        }
        synchronized (this) {
            if (base == null) {
                URI https = URI.create("https://" + endpoint);
                try {
                    // With verification off, a plain-HTTP server may never answer a TLS hello: probe briefly.
                    ping(https, insecure ? min(settings.readTimeout(), Duration.ofSeconds(10)) : settings.readTimeout());
                    base = https;
                } catch (IOException e) {
                    if (!insecure) {
                        throw RegistryErrors.translate(registry, e, "registry " + registry);
                    }
                    URI plain = URI.create("http://" + endpoint);
                    try {
                        ping(plain, settings.readTimeout());
                    } catch (IOException e2) {
                        throw RegistryErrors.translate(registry, e2, "registry " + registry);
                    }
                    base = plain;
                }
            }
            return base;
        }
    }

    private void ping(URI root, Duration timeout) throws IOException {
        try {
            HttpResponse<Void> resp = http.send(HttpRequest.newBuilder(root.resolve("/v2/")).GET()
                    .timeout(timeout).build(), HttpResponse.BodyHandlers.discarding());
            if (resp.statusCode() == 401) {
                auth.challenged(resp);
            }
            if (resp.statusCode() == 407) {
                throw proxyAuthFailed(root);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        } catch (IOException e) {
            if (RegistryErrors.isProxyAuthFailure(e)) {
                throw proxyAuthFailed(root);
            }
            throw e;
        }
    }

    /**
     * Sends with retries: connection failures and 408/429/500/502/503/504 are tried again after an
     * exponential backoff with jitter (a Retry-After is honoured, capped at the settings' maximum);
     * a 401 gets one fresh authorization. Not retryable requests get exactly one try.
     */
    <T> HttpResponse<T> send(Supplier<HttpRequest.Builder> builder, HttpResponse.BodyHandler<T> handler,
                             String repository, List<String> scopes, boolean retryable) {
        base();
        MirrorException last = null;
        boolean reauthorized = false;
        int attempts = retryable ? settings.attempts() : 1;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            HttpRequest.Builder b = builder.get();
            HttpRequest unsigned = b.copy().build();
            authorizeIfSameEndpoint(b, unsigned.uri(), repository, scopes);
            HttpRequest request = b.build();
            HttpResponse<T> resp;
            try {
                resp = http.send(request, handler);
            } catch (IOException e) {
                if (RegistryErrors.isProxyAuthFailure(e)) {
                    throw proxyAuthFailed(request.uri());
                }
                last = RegistryErrors.translate(registry, e, request.method() + " " + request.uri().getPath() + " on registry " + registry);
                if (last.kind() == Kind.TLS || last.kind() == Kind.AUTH || attempt >= attempts) {
                    throw last;
                }
                log().info("{}; retrying ({} of {})", last.getMessage(), attempt + 1, attempts);
                pause(attempt);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MirrorException(Kind.INTERRUPTED, "interrupted while talking to registry " + registry);
            }
            int status = resp.statusCode();
            if (status == 407) {
                discard(resp);
                throw proxyAuthFailed(request.uri());
            }
            if (status == 401 && !reauthorized) {
                reauthorized = true;
                discard(resp);
                auth.challenged(resp);
                auth.forget(scopes);
                attempt--;
                continue;
            }
            if (status == 401) {
                discard(resp);
                throw auth.failed(repository);
            }
            if (RETRY_STATUSES.contains(status) && attempt < attempts) {
                discard(resp);
                Duration retryAfter = resp.headers().firstValue("Retry-After").map(RegistryClient::retryAfter).orElse(null);
                log().info("registry {} answered HTTP {} to {} {}; retrying ({} of {}){}", registry, status, request.method(),
                        request.uri().getPath(), attempt + 1, attempts, retryAfter == null ? "" : " after " + retryAfter.toMillis() + " ms");
                if (retryAfter != null) {
                    sleep(min(retryAfter, settings.maxDelay()));
                } else {
                    pause(attempt);
                }
                continue;
            }
            return resp;
        }
        throw last != null ? last : new MirrorException(Kind.NETWORK, "registry " + registry + " kept failing; try again later");
    }

    private MirrorException proxyAuthFailed(URI uri) {
        String which = proxy.describe("https".equalsIgnoreCase(uri.getScheme()));
        return new MirrorException(Kind.AUTH, proxy.hasCredentials()
                ? "the proxy " + which + " refused the user name or password (HTTP 407 Proxy Authentication Required) while reaching"
                + " registry " + registry + "; correct them in HTTPS_PROXY / HTTP_PROXY (http://USER:PASSWORD@HOST:PORT)"
                : "the proxy " + which + " requires authentication (HTTP 407) to reach registry " + registry
                + "; put the user and password in HTTPS_PROXY / HTTP_PROXY (http://USER:PASSWORD@HOST:PORT)");
    }

    private static final java.util.Set<Integer> RETRY_STATUSES = java.util.Set.of(408, 429, 500, 502, 503, 504);

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Waits the backoff before retry number attempt + 1. */
    void pause(int attempt) {
        sleep(settings.backoff(attempt, java.util.concurrent.ThreadLocalRandom.current()));
    }

    private <T> HttpResponse<T> sendRaw(HttpRequest request, HttpResponse.BodyHandler<T> handler, String what) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw RegistryErrors.translate(registry, e, what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MirrorException(Kind.INTERRUPTED, "interrupted: " + what);
        }
    }

    private static void discard(HttpResponse<?> resp) {
        if (resp.body() instanceof InputStream in) {
            closeQuietly(in);
        }
    }

    private static boolean sameEndpoint(URI a, URI b) {
        return a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && a.getScheme().equalsIgnoreCase(b.getScheme())
                && effectivePort(a) == effectivePort(b);
    }

    private static int effectivePort(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /** Retry-After as delta-seconds or an HTTP date; null when unreadable. */
    static Duration retryAfter(String value) {
        String v = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException e) {
            try {
                java.time.ZonedDateTime at = java.time.ZonedDateTime.parse(v, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(java.time.Instant.now(), at.toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (java.time.format.DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MirrorException(Kind.INTERRUPTED, "interrupted");
        }
    }

    void expectOk(HttpResponse<?> resp, String what, byte[] body) {
        int status = resp.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String detail = body == null ? "" : RegistryErrors.errorText(body);
        if (status == 403) {
            throw new MirrorException(Kind.AUTH, "access denied to " + what + " (HTTP 403" + (detail.isEmpty() ? "" : ": " + detail)
                    + "); the account lacks permission; check --authfile");
        }
        if (status == 401) {
            throw auth.failed(what);
        }
        throw new MirrorException(Kind.REGISTRY, "registry " + registry + " answered HTTP " + status + " for " + what
                + (detail.isEmpty() ? "" : ": " + detail));
    }

    private static String readErrorQuietly(InputStream in) {
        try (in) {
            return new String(in.readNBytes(4096), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static void closeQuietly(InputStream in) {
        try {
            if (in != null) {
                in.close();
            }
        } catch (IOException e) {
            // nothing useful to do
        }
    }

}
