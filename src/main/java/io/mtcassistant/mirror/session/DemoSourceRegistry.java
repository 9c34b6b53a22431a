package io.mtcassistant.mirror.session;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.mtcassistant.mirror.Descriptor;
import io.mtcassistant.mirror.Digests;
import io.mtcassistant.mirror.Manifest;
import io.mtcassistant.mirror.MirrorException;
import io.mtcassistant.mirror.layout.OciLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A read-only registry on 127.0.0.1 that serves the synthetic demo images of an OCI layout (ref names
 * {@code host/repository:tag}), so the demo runs the real transfer engine and catalog code over HTTP without any
 * network. Only GET and HEAD of /v2/, manifests and blobs; it never accepts a push.
 */
public final class DemoSourceRegistry implements AutoCloseable {

    private static final Pattern MANIFEST = Pattern.compile("^/v2/(.+)/manifests/([^/]+)$");
    private static final Pattern BLOB = Pattern.compile("^/v2/(.+)/blobs/([^/]+)$");

    private final OciLayout layout;
    private final String host;
    private final HttpsServer server;
    private final Path caFile;
    private final ExecutorService workers;

    private DemoSourceRegistry(OciLayout layout, String host, Path caFile) throws IOException {
        this.layout = layout;
        this.host = host;
        this.caFile = caFile;
        DemoTls tls = new DemoTls();
        OciLayout.writeAtomically(caFile, tls.caPem().getBytes(StandardCharsets.UTF_8));
        this.server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls.context()));
        this.workers = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "demo-registry");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        server.createContext("/v2", this::handle);
        server.start();
    }

    /**
     * Serves {@code layoutDir}, whose images are named under {@code host} (for example registry.redhat.io), over TLS
     * with a fresh self-signed certificate written to {@code caFile}.
     */
    public static DemoSourceRegistry start(Path layoutDir, String host, Path caFile) {
        try {
            return new DemoSourceRegistry(OciLayout.open(layoutDir), host, caFile);
        } catch (IOException e) {
            throw OciLayout.fileError(e, "starting the demo registry for " + layoutDir);
        }
    }

    /** host:port to talk to. */
    public String endpoint() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** The certificate to trust for this registry (PEM). */
    public Path caFile() {
        return caFile;
    }

    /** The registry name the images are known by. */
    public String host() {
        return host;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            boolean head = "HEAD".equals(method);
            exchange.getResponseHeaders().set("Docker-Distribution-API-Version", "registry/2.0");
            if (!head && !"GET".equals(method)) {
                error(exchange, 405, "UNSUPPORTED", "the demo registry is read-only");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/v2") || path.equals("/v2/")) {
                send(exchange, head, "application/json", "{}".getBytes(StandardCharsets.UTF_8), null);
                return;
            }
            Matcher m = MANIFEST.matcher(path);
            if (m.matches()) {
                manifest(exchange, head, m.group(1), m.group(2));
                return;
            }
            m = BLOB.matcher(path);
            if (m.matches()) {
                blob(exchange, head, m.group(2));
                return;
            }
            error(exchange, 404, "NAME_UNKNOWN", "not found");
        } catch (MirrorException e) {
            error(exchange, 500, "UNKNOWN", e.getMessage());
        }
    }

    private void manifest(HttpExchange exchange, boolean head, String repository, String reference) throws IOException {
        Optional<Descriptor> found = Digests.isValid(reference)
                ? (layout.hasBlob(reference) ? Optional.of(new Descriptor(null, reference, -1)) : Optional.empty())
                : layout.resolve(host + "/" + repository + ":" + reference, null);
        if (found.isEmpty()) {
            error(exchange, 404, "MANIFEST_UNKNOWN", "manifest unknown: " + repository + ":" + reference);
            return;
        }
        byte[] bytes = Files.readAllBytes(layout.blobPath(found.get().digest()));
        Manifest manifest = Manifest.parse(bytes, found.get().mediaType(), "demo manifest " + found.get().digest());
        send(exchange, head, manifest.mediaType(), bytes, found.get().digest());
    }

    private void blob(HttpExchange exchange, boolean head, String digest) throws IOException {
        if (!Digests.isValid(digest) || !layout.hasBlob(digest)) {
            error(exchange, 404, "BLOB_UNKNOWN", "blob unknown: " + digest);
            return;
        }
        Path file = layout.blobPath(digest);
        long size = Files.size(file);
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.getResponseHeaders().set("Docker-Content-Digest", digest);
        if (head) {
            exchange.getResponseHeaders().set("Content-Length", Long.toString(size));
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, size);
        try (InputStream in = Files.newInputStream(file); OutputStream out = exchange.getResponseBody()) {
            in.transferTo(out);
        }
    }

    private static void send(HttpExchange exchange, boolean head, String type, byte[] body, String digest) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        if (digest != null) {
            exchange.getResponseHeaders().set("Docker-Content-Digest", digest);
        }
        if (head) {
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        byte[] body = ("{\"errors\":[{\"code\":\"" + code + "\",\"message\":\"" + message.replace("\"", "'") + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
