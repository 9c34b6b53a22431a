package io.mtcassistant.sim.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.mtcassistant.common.AtomicFiles;
import io.mtcassistant.mirror.session.DemoTls;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A writable registry on 127.0.0.1 for the demo and tests: the mirror registry of a restricted network, simulated.
 * It speaks the OCI distribution API that mirroring needs (/v2/, blob HEAD/GET, uploads by POST/PATCH/PUT, cross
 * repository mounts, manifest HEAD/GET/PUT by tag or digest, tags/list, _catalog) over TLS with its own
 * certificate (trust {@link #caFile()}). Content lives in memory, so it is meant for small demo images.
 *
 * <p>Not done: authentication, DELETE, referrers, chunk-order checks beyond offsets, pagination.
 */
public final class SimulatedMirrorRegistry implements AutoCloseable {

    private static final Pattern BLOB = Pattern.compile("^/v2/(.+)/blobs/(sha256:[0-9a-f]{64})$");
    private static final Pattern UPLOAD_START = Pattern.compile("^/v2/(.+)/blobs/uploads/?$");
    private static final Pattern UPLOAD = Pattern.compile("^/v2/(.+)/blobs/uploads/([0-9a-f-]+)$");
    private static final Pattern MANIFEST = Pattern.compile("^/v2/(.+)/manifests/([^/]+)$");
    private static final Pattern TAGS = Pattern.compile("^/v2/(.+)/tags/list$");

    private record Stored(String mediaType, byte[] bytes, String digest) {
    }

    private record Upload(String repository, ByteArrayOutputStream bytes) {
    }

    private final HttpsServer server;
    private final ExecutorService workers;
    private final Path caFile;
    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> repositoryBlobs = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Stored>> manifests = new ConcurrentHashMap<>();
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();

    private SimulatedMirrorRegistry(Path caFile) throws IOException {
        DemoTls tls = new DemoTls();
        AtomicFiles.writeString(caFile, tls.caPem());
        this.caFile = caFile;
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls.context()));
        workers = Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "sim-mirror-registry");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(workers);
        server.createContext("/v2", this::handle);
        server.start();
    }

    /** Starts on a free port of 127.0.0.1 and writes its certificate (PEM) to caFile. */
    public static SimulatedMirrorRegistry start(Path caFile) {
        try {
            return new SimulatedMirrorRegistry(caFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the simulated mirror registry: " + e.getMessage(), e);
        }
    }

    /** host:port, the registry's name in image references ("127.0.0.1:PORT"). */
    public String endpoint() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** The certificate to trust for this registry (PEM). */
    public Path caFile() {
        return caFile;
    }

    /** Whether a repository has a manifest under this tag or digest. */
    public boolean hasManifest(String repository, String reference) {
        return manifests.getOrDefault(repository, Map.of()).containsKey(reference);
    }

    /** Removes a manifest (tag or digest), e.g. to make an image go missing in a test. */
    public void removeManifest(String repository, String reference) {
        Map<String, Stored> stored = manifests.get(repository);
        if (stored == null) {
            return;
        }
        Stored removed = stored.remove(reference);
        if (removed != null) {
            stored.values().removeIf(s -> s.digest().equals(removed.digest()));
        }
    }

    /** Every repository:tag stored, sorted. */
    public Set<String> tags() {
        Set<String> tags = new TreeSet<>();
        manifests.forEach((repository, refs) -> refs.keySet().stream().filter(r -> !r.startsWith("sha256:"))
                .forEach(tag -> tags.add(repository + ":" + tag)));
        return tags;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Docker-Distribution-API-Version", "registry/2.0");
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (path.equals("/v2") || path.equals("/v2/")) {
                send(exchange, 200, "application/json", "{}".getBytes(StandardCharsets.UTF_8), "HEAD".equals(method));
                return;
            }
            if (path.equals("/v2/_catalog")) {
                String body = "{\"repositories\":" + jsonArray(new TreeSet<>(manifests.keySet())) + "}";
                send(exchange, 200, "application/json", body.getBytes(StandardCharsets.UTF_8), false);
                return;
            }
            Matcher m;
            if ((m = UPLOAD_START.matcher(path)).matches() && "POST".equals(method)) {
                startUpload(exchange, m.group(1), query);
            } else if ((m = UPLOAD.matcher(path)).matches()) {
                continueUpload(exchange, m.group(1), m.group(2), method, query);
            } else if ((m = BLOB.matcher(path)).matches()) {
                blob(exchange, m.group(1), m.group(2), method);
            } else if ((m = MANIFEST.matcher(path)).matches()) {
                manifest(exchange, m.group(1), m.group(2), method);
            } else if ((m = TAGS.matcher(path)).matches() && "GET".equals(method)) {
                Set<String> tags = new TreeSet<>();
                manifests.getOrDefault(m.group(1), Map.of()).keySet().stream().filter(r -> !r.startsWith("sha256:"))
                        .forEach(tags::add);
                if (!manifests.containsKey(m.group(1))) {
                    error(exchange, 404, "NAME_UNKNOWN", "repository name not known to registry");
                    return;
                }
                String body = "{\"name\":\"" + m.group(1) + "\",\"tags\":" + jsonArray(tags) + "}";
                send(exchange, 200, "application/json", body.getBytes(StandardCharsets.UTF_8), false);
            } else {
                error(exchange, 404, "NOT_FOUND", "no route for " + method + " " + path);
            }
        } catch (RuntimeException e) {
            error(exchange, 500, "UNKNOWN", String.valueOf(e.getMessage()));
        }
    }

    private void startUpload(HttpExchange exchange, String repository, Map<String, String> query) throws IOException {
        String mount = query.get("mount");
        if (mount != null && blobs.containsKey(mount)) {
            repositoryBlobs.computeIfAbsent(repository, r -> ConcurrentHashMap.newKeySet()).add(mount);
            exchange.getResponseHeaders().set("Location", "/v2/" + repository + "/blobs/" + mount);
            exchange.getResponseHeaders().set("Docker-Content-Digest", mount);
            exchange.sendResponseHeaders(201, -1);
            return;
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        String digest = query.get("digest");
        if (digest != null) {
            storeBlob(exchange, repository, digest, body);
            return;
        }
        String id = UUID.randomUUID().toString();
        Upload upload = new Upload(repository, new ByteArrayOutputStream());
        upload.bytes().writeBytes(body);
        uploads.put(id, upload);
        uploadAccepted(exchange, repository, id, upload);
    }

    private void continueUpload(HttpExchange exchange, String repository, String id, String method,
            Map<String, String> query) throws IOException {
        Upload upload = uploads.get(id);
        if (upload == null || !upload.repository().equals(repository)) {
            error(exchange, 404, "BLOB_UPLOAD_UNKNOWN", "blob upload unknown to registry");
            return;
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        switch (method) {
            case "PATCH" -> {
                synchronized (upload) {
                    upload.bytes().writeBytes(body);
                }
                uploadAccepted(exchange, repository, id, upload);
            }
            case "PUT" -> {
                String digest = query.get("digest");
                if (digest == null) {
                    error(exchange, 400, "DIGEST_INVALID", "the digest parameter is missing");
                    return;
                }
                byte[] all;
                synchronized (upload) {
                    upload.bytes().writeBytes(body);
                    all = upload.bytes().toByteArray();
                }
                uploads.remove(id);
                storeBlob(exchange, repository, digest, all);
            }
            case "GET" -> uploadAccepted(exchange, repository, id, upload);
            case "DELETE" -> {
                uploads.remove(id);
                exchange.sendResponseHeaders(204, -1);
            }
            default -> error(exchange, 405, "UNSUPPORTED", method + " is not supported on an upload");
        }
    }

    private void uploadAccepted(HttpExchange exchange, String repository, String id, Upload upload) throws IOException {
        int size;
        synchronized (upload) {
            size = upload.bytes().size();
        }
        exchange.getResponseHeaders().set("Location", "/v2/" + repository + "/blobs/uploads/" + id);
        exchange.getResponseHeaders().set("Docker-Upload-UUID", id);
        exchange.getResponseHeaders().set("Range", "0-" + Math.max(0, size - 1));
        exchange.sendResponseHeaders(202, -1);
    }

    private void storeBlob(HttpExchange exchange, String repository, String digest, byte[] bytes) throws IOException {
        String actual = sha256(bytes);
        if (!actual.equals(digest)) {
            error(exchange, 400, "DIGEST_INVALID", "provided digest did not match uploaded content");
            return;
        }
        blobs.put(digest, bytes);
        repositoryBlobs.computeIfAbsent(repository, r -> ConcurrentHashMap.newKeySet()).add(digest);
        exchange.getResponseHeaders().set("Location", "/v2/" + repository + "/blobs/" + digest);
        exchange.getResponseHeaders().set("Docker-Content-Digest", digest);
        exchange.sendResponseHeaders(201, -1);
    }

    private void blob(HttpExchange exchange, String repository, String digest, String method) throws IOException {
        byte[] bytes = blobs.get(digest);
        if (bytes == null || !repositoryBlobs.getOrDefault(repository, Set.of()).contains(digest)) {
            error(exchange, 404, "BLOB_UNKNOWN", "blob unknown to registry");
            return;
        }
        exchange.getResponseHeaders().set("Docker-Content-Digest", digest);
        send(exchange, 200, "application/octet-stream", bytes, "HEAD".equals(method));
    }

    private void manifest(HttpExchange exchange, String repository, String reference, String method) throws IOException {
        if ("PUT".equals(method)) {
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            String digest = sha256(bytes);
            if (reference.startsWith("sha256:") && !reference.equals(digest)) {
                error(exchange, 400, "DIGEST_INVALID", "manifest digest did not match");
                return;
            }
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            Stored stored = new Stored(type == null ? "application/vnd.oci.image.manifest.v1+json" : type, bytes, digest);
            Map<String, Stored> refs = manifests.computeIfAbsent(repository, r -> new ConcurrentHashMap<>());
            refs.put(digest, stored);
            refs.put(reference, stored);
            exchange.getResponseHeaders().set("Location", "/v2/" + repository + "/manifests/" + digest);
            exchange.getResponseHeaders().set("Docker-Content-Digest", digest);
            exchange.sendResponseHeaders(201, -1);
            return;
        }
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            error(exchange, 405, "UNSUPPORTED", method + " is not supported on manifests");
            return;
        }
        Stored stored = manifests.getOrDefault(repository, Map.of()).get(reference);
        if (stored == null) {
            error(exchange, 404, "MANIFEST_UNKNOWN", "manifest unknown");
            return;
        }
        exchange.getResponseHeaders().set("Docker-Content-Digest", stored.digest());
        send(exchange, 200, stored.mediaType(), stored.bytes(), "HEAD".equals(method));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body, boolean head)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        if (head) {
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        byte[] body = ("{\"errors\":[{\"code\":\"" + code + "\",\"message\":\"" + message.replace("\"", "'")
                + "\"}]}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.put(key, value);
        }
        return values;
    }

    private static String jsonArray(Set<String> values) {
        StringBuilder s = new StringBuilder("[");
        for (String value : values) {
            s.append(s.length() > 1 ? "," : "").append('"').append(value.replace("\"", "")).append('"');
        }
        return s.append(']').toString();
    }

    private static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
