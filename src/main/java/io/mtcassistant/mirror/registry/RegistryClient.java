package io.mtcassistant.mirror.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One registry, spoken to over the distribution (registry v2) API. Handles anonymous, Basic and
 * Bearer-token access (tokens cached per scope set), https with optional plain-http fallback when
 * TLS verification is explicitly off, and redirects to blob storage without leaking credentials.
 * Thread-safe: one instance serves all parallel transfers to its registry.
 */
public final class RegistryClient {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int IN_MEMORY_LIMIT = 1 << 20;
    private static final int MAX_ATTEMPTS = 3;

    private final String registry;
    private final String endpoint;
    private final boolean insecure;
    private final HttpClient http;
    private final CredentialStore credentials;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private volatile URI base;
    private volatile AuthChallenge challenge;

    private record Token(String value, Instant expires) {
    }

    RegistryClient(String registry, String endpoint, boolean insecure, HttpClient http, CredentialStore credentials) {
        this.registry = registry;
        this.endpoint = endpoint;
        this.insecure = insecure;
        this.http = http;
        this.credentials = credentials;
    }

    public String registry() {
        return registry;
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
                HttpResponse.BodyHandlers.ofByteArray(), repository, List.of(pull(repository)), true);
        if (resp.statusCode() == 404) {
            throw new MirrorException(Kind.NOT_FOUND, "image " + what + " not found (" + errorText(resp.body()) + ")");
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
                HttpResponse.BodyHandlers.discarding(), repository, List.of(pull(repository)), true);
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
                HttpResponse.BodyHandlers.ofByteArray(), repository, List.of(push(repository)), true);
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
                HttpResponse.BodyHandlers.discarding(), repository, List.of(pull(repository)), true);
        if (resp.statusCode() == 404) {
            return OptionalLong.empty();
        }
        if (resp.statusCode() == 307 || resp.statusCode() == 302 || resp.statusCode() == 301 || resp.statusCode() == 303) {
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
        HttpResponse<InputStream> resp = send(() -> withRange(request(blobUri(repository, digest)).GET(), range),
                HttpResponse.BodyHandlers.ofInputStream(), repository, List.of(pull(repository)), true);
        URI current = resp.request().uri();
        for (int hops = 0; isRedirect(resp.statusCode()); hops++) {
            closeQuietly(resp.body());
            String location = resp.headers().firstValue("Location").orElse(null);
            if (location == null || hops >= 5) {
                throw new MirrorException(Kind.REGISTRY, "registry " + registry + " redirected " + what + " without a usable Location");
            }
            URI next = current.resolve(location);
            boolean sameHost = sameEndpoint(next, current);
            HttpRequest.Builder b = withRange(HttpRequest.newBuilder(next).GET().timeout(Duration.ofMinutes(5)), range);
            if (sameHost) {
                String auth = authorization(repository, List.of(pull(repository)));
                if (auth != null) {
                    b.header("Authorization", auth);
                }
            }
            resp = sendRaw(b.build(), HttpResponse.BodyHandlers.ofInputStream(), what);
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
                HttpResponse.BodyHandlers.ofByteArray(), repository, List.of(push(repository), pull(fromRepository)), true);
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
     * Uploads a blob monolithically (POST, then PUT with a known length). The body must be a
     * verifying stream: if it fails part-way (digest mismatch, source gone), the PUT is aborted,
     * the session deleted, and the registry never links the blob.
     */
    public void uploadBlob(String repository, Descriptor blob, InputStream body) {
        String what = "blob " + blob.digest() + " to " + registry + "/" + repository;
        List<String> scopes = List.of(push(repository));
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
            throw translate(e, "reading " + blob.digest());
        }
        HttpRequest.Builder b = request(put).header("Content-Type", "application/octet-stream").PUT(publisher)
                .timeout(Duration.ofHours(2));
        String auth = authorization(repository, scopes);
        // The upload Location may point elsewhere (a storage front end): credentials stay with the registry.
        if (auth != null && sameEndpoint(put, base())) {
            b.header("Authorization", auth);
        }
        HttpResponse<byte[]> done;
        try {
            done = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            cancelUpload(repository, location);
            DigestingInputStream.DigestMismatchIOException mismatch = findMismatch(e);
            if (mismatch != null) {
                throw new MirrorException(Kind.DIGEST_MISMATCH, mismatch.getMessage(), e);
            }
            throw translate(e, what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelUpload(repository, location);
            throw new MirrorException(Kind.INTERRUPTED, "interrupted while uploading " + what);
        }
        if (done.statusCode() != 201) {
            cancelUpload(repository, location);
            String text = errorText(done.body());
            if (text.contains("DIGEST_INVALID")) {
                throw new MirrorException(Kind.DIGEST_MISMATCH, "digest mismatch: registry " + registry + " rejected " + what
                        + " because the bytes do not hash to the digest");
            }
            expectOk(done, what, done.body());
            throw new MirrorException(Kind.REGISTRY, "registry " + registry + " answered HTTP " + done.statusCode() + " to " + what);
        }
    }

    private static DigestingInputStream.DigestMismatchIOException findMismatch(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DigestingInputStream.DigestMismatchIOException m) {
                return m;
            }
            for (Throwable s : t.getSuppressed()) {
                if (s instanceof DigestingInputStream.DigestMismatchIOException m) {
                    return m;
                }
            }
        }
        return null;
    }

    private void cancelUpload(String repository, String location) {
        try {
            URI uri = base().resolve(location);
            send(() -> request(uri).DELETE(), HttpResponse.BodyHandlers.discarding(), repository, List.of(push(repository)), true);
        } catch (RuntimeException e) {
            LOG.debug("could not cancel upload session on {}: {}", registry, e.getMessage());
        }
    }

    private URI uploadUri(URI requestUri, String location, String digest) {
        URI loc = requestUri.resolve(location);
        String s = loc.toString();
        return URI.create(s + (loc.getRawQuery() == null ? "?" : "&") + "digest=" + enc(digest));
    }

    // ---------------------------------------------------------------- HTTP plumbing

    private static String pull(String repository) {
        return "repository:" + repository + ":pull";
    }

    private static String push(String repository) {
        return "repository:" + repository + ":pull,push";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private URI manifestUri(String repository, String reference) {
        return uri("/v2/" + repository + "/manifests/" + reference);
    }

    private URI blobUri(String repository, String digest) {
        return uri("/v2/" + repository + "/blobs/" + digest);
    }

    private URI uri(String path) {
        return base().resolve(path);
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).header("User-Agent", "mtc-assistant");
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
                    ping(https, insecure ? Duration.ofSeconds(10) : Duration.ofSeconds(60));
                    base = https;
                } catch (IOException e) {
                    if (!insecure) {
                        throw translate(e, "registry " + registry);
                    }
                    URI plain = URI.create("http://" + endpoint);
                    try {
                        ping(plain, Duration.ofSeconds(60));
                    } catch (IOException e2) {
                        throw translate(e2, "registry " + registry);
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
                challenge = AuthChallenge.parse(resp.headers().firstValue("WWW-Authenticate").orElse(null));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    private <T> HttpResponse<T> send(Supplier<HttpRequest.Builder> builder, HttpResponse.BodyHandler<T> handler,
                                     String repository, List<String> scopes, boolean retryable) {
        base();
        MirrorException last = null;
        boolean reauthorized = false;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            HttpRequest.Builder b = builder.get();
            String auth = authorization(repository, scopes);
            if (auth != null) {
                b.header("Authorization", auth);
            }
            HttpRequest request = b.build();
            HttpResponse<T> resp;
            try {
                resp = http.send(request, handler);
            } catch (IOException e) {
                last = translate(e, request.method() + " " + request.uri().getPath() + " on registry " + registry);
                if (!retryable || last.kind() == Kind.TLS) {
                    throw last;
                }
                backoff(attempt);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MirrorException(Kind.INTERRUPTED, "interrupted while talking to registry " + registry);
            }
            int status = resp.statusCode();
            if (status == 401 && !reauthorized) {
                reauthorized = true;
                discard(resp);
                AuthChallenge fresh = AuthChallenge.parse(resp.headers().firstValue("WWW-Authenticate").orElse(null));
                if (fresh != null) {
                    challenge = fresh;
                }
                tokens.remove(tokenKey(scopes));
                attempt--;
                continue;
            }
            if (status == 401) {
                discard(resp);
                throw authFailed(repository);
            }
            if ((status == 429 || status == 502 || status == 503 || status == 504) && retryable && attempt < MAX_ATTEMPTS) {
                discard(resp);
                long retryAfter = resp.headers().firstValue("Retry-After").map(RegistryClient::seconds).orElse(-1L);
                if (retryAfter >= 0) {
                    sleepSeconds(Math.min(retryAfter, 60));
                } else {
                    backoff(attempt);
                }
                continue;
            }
            return resp;
        }
        throw last != null ? last : new MirrorException(Kind.NETWORK, "registry " + registry + " kept failing; try again later");
    }

    private <T> HttpResponse<T> sendRaw(HttpRequest request, HttpResponse.BodyHandler<T> handler, String what) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw translate(e, what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MirrorException(Kind.INTERRUPTED, "interrupted: " + what);
        }
    }

    private MirrorException authFailed(String repository) {
        boolean haveCredentials = credentials.find(registry, repository).isPresent();
        if (haveCredentials) {
            return new MirrorException(Kind.AUTH, "auth failed for registry " + registry + ": the credentials were rejected"
                    + " for " + repository + "; check --authfile");
        }
        return new MirrorException(Kind.AUTH, "auth failed for registry " + registry + ": it requires credentials and none"
                + " were found; check --authfile (or log in with podman login)");
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

    private static long seconds(String retryAfter) {
        try {
            return Long.parseLong(retryAfter.trim());
        } catch (NumberFormatException e) {
            return -1; // an HTTP date: fall back to our own backoff
        }
    }

    private static void sleepSeconds(long seconds) {
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MirrorException(Kind.INTERRUPTED, "interrupted");
        }
    }

    private static void backoff(int attempt) {
        try {
            Thread.sleep(500L * attempt * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MirrorException(Kind.INTERRUPTED, "interrupted");
        }
    }

    /** The Authorization header value for these scopes, fetching a bearer token when needed. */
    private String authorization(String repository, List<String> scopes) {
        AuthChallenge c = challenge;
        if (c == null) {
            return null;
        }
        Optional<Credentials> creds = credentials.find(registry, repository);
        if (c.isBasic()) {
            return creds.map(Credentials::basicHeader).orElse(null);
        }
        if (!c.isBearer() || c.realm() == null) {
            return null;
        }
        String key = tokenKey(scopes);
        Token token = tokens.get(key);
        if (token == null || Instant.now().isAfter(token.expires())) {
            // One fetch per scope set even when many transfers start at once.
            synchronized (tokens) {
                token = tokens.get(key);
                if (token == null || Instant.now().isAfter(token.expires())) {
                    token = fetchToken(c, scopes, creds);
                    tokens.put(key, token);
                }
            }
        }
        return "Bearer " + token.value();
    }

    private static String tokenKey(List<String> scopes) {
        return String.join(" ", new TreeSet<>(scopes));
    }

    private Token fetchToken(AuthChallenge c, List<String> scopes, Optional<Credentials> creds) {
        StringBuilder url = new StringBuilder(c.realm());
        List<String> params = new ArrayList<>();
        if (c.service() != null) {
            params.add("service=" + enc(c.service()));
        }
        for (String scope : scopes) {
            params.add("scope=" + enc(scope));
        }
        if (!params.isEmpty()) {
            url.append(c.realm().contains("?") ? "&" : "?").append(String.join("&", params));
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url.toString())).GET().timeout(Duration.ofSeconds(60));
        creds.ifPresent(cr -> b.header("Authorization", cr.basicHeader()));
        HttpResponse<byte[]> resp = sendRaw(b.build(), HttpResponse.BodyHandlers.ofByteArray(), "token service of registry " + registry);
        if (resp.statusCode() == 401 || resp.statusCode() == 403) {
            throw new MirrorException(Kind.AUTH, "auth failed for registry " + registry + ": its token service rejected "
                    + (creds.isPresent() ? "the credentials" : "anonymous access") + "; check --authfile");
        }
        if (resp.statusCode() != 200) {
            throw new MirrorException(Kind.AUTH, "auth failed for registry " + registry + ": its token service answered HTTP "
                    + resp.statusCode());
        }
        try {
            JsonNode json = JSON.readTree(resp.body());
            String value = json.path("token").asText("");
            if (value.isEmpty()) {
                value = json.path("access_token").asText("");
            }
            if (value.isEmpty()) {
                throw new MirrorException(Kind.AUTH, "auth failed for registry " + registry + ": the token service sent no token");
            }
            long seconds = Math.max(60, json.path("expires_in").asLong(60));
            return new Token(value, Instant.now().plusSeconds(seconds - 10));
        } catch (IOException e) {
            throw new MirrorException(Kind.AUTH, "auth failed for registry " + registry + ": the token service sent no JSON");
        }
    }

    private void expectOk(HttpResponse<?> resp, String what, byte[] body) {
        int status = resp.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String detail = body == null ? "" : errorText(body);
        if (status == 403) {
            throw new MirrorException(Kind.AUTH, "access denied to " + what + " (HTTP 403" + (detail.isEmpty() ? "" : ": " + detail)
                    + "); the account lacks permission; check --authfile");
        }
        if (status == 401) {
            throw authFailed(what);
        }
        throw new MirrorException(Kind.REGISTRY, "registry " + registry + " answered HTTP " + status + " for " + what
                + (detail.isEmpty() ? "" : ": " + detail));
    }

    private static String errorText(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        try {
            JsonNode json = JSON.readTree(body);
            List<String> parts = new ArrayList<>();
            for (JsonNode e : json.path("errors")) {
                parts.add(e.path("code").asText("") + " " + e.path("message").asText(""));
            }
            if (!parts.isEmpty()) {
                return String.join("; ", parts).trim();
            }
        } catch (IOException e) {
            // not JSON; fall through to text
        }
        String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).trim();
        return text.replaceAll("\\s+", " ");
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

    /** Turns a low-level error into words a person can act on. */
    public MirrorException translate(IOException e, String what) {
        DigestingInputStream.DigestMismatchIOException mismatch = findMismatch(e);
        if (mismatch != null) {
            return new MirrorException(Kind.DIGEST_MISMATCH, mismatch.getMessage(), e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLHandshakeException || (t instanceof SSLException && String.valueOf(t.getMessage()).contains("PKIX"))) {
                return new MirrorException(Kind.TLS, "TLS not trusted for registry " + registry + ": give its CA (--registry-ca "
                        + registry + "=FILE, or /etc/containers/certs.d/" + registry + "/ca.crt) or --src-tls-verify=false /"
                        + " --dest-tls-verify=false", e);
            }
            if (t instanceof SSLException) {
                return new MirrorException(Kind.TLS, "TLS failed with registry " + registry + " (" + t.getMessage()
                        + "); if it serves plain HTTP use --src-tls-verify=false / --dest-tls-verify=false", e);
            }
            if (t instanceof ConnectException) {
                return new MirrorException(Kind.NETWORK, "cannot connect to registry " + registry + ": connection refused"
                        + " (is it running, is the host:port right, is a proxy needed?)", e);
            }
            if (t instanceof UnknownHostException) {
                return new MirrorException(Kind.NETWORK, "cannot connect to registry " + registry + ": unknown host", e);
            }
            if (t instanceof HttpTimeoutException) {
                return new MirrorException(Kind.NETWORK, "registry " + registry + " did not answer in time (" + what + ")", e);
            }
        }
        return new MirrorException(Kind.NETWORK, "network error with registry " + registry + " during " + what + ": " + e.getMessage(), e);
    }
}
