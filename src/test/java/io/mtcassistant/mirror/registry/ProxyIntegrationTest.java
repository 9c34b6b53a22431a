package io.mtcassistant.mirror.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mtcassistant.mirror.ImageReference;
import io.mtcassistant.mirror.Manifest;
import io.mtcassistant.mirror.engine.ImageCopy;
import io.mtcassistant.mirror.engine.ImageResult;
import io.mtcassistant.mirror.engine.TransferListener;
import io.mtcassistant.mirror.layout.OciLayout;
import io.mtcassistant.mirror.testsupport.LocalRegistry;
import io.mtcassistant.mirror.testsupport.Skopeo;
import io.mtcassistant.mirror.testsupport.TestImages;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registry traffic goes through the configured HTTP proxy, and NO_PROXY hosts bypass it. */
class ProxyIntegrationTest {

    @TempDir
    Path tmp;

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "transfer-encoding",
            "proxy-connection", "keep-alive", "upgrade", "date");

    @Test
    void requestsGoThroughTheProxyUnlessTheHostIsExcluded() throws Exception {
        LocalRegistry.assumeInstalled();
        TestImages images = new TestImages(new OciLayout(tmp.resolve("l")), 4);
        Manifest m = images.write("app", TestImages.Kind.OCI_INDEX, 10_000);
        List<String> proxied = new CopyOnWriteArrayList<>();
        HttpClient upstream = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpServer proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        proxy.setExecutor(Executors.newFixedThreadPool(8));
        proxy.createContext("/", exchange -> forward(exchange, upstream, proxied));
        proxy.start();
        try (LocalRegistry registry = LocalRegistry.builder(tmp).start()) {
            String proxyUrl = "http://127.0.0.1:" + proxy.getAddress().getPort();
            RegistryAccess viaProxy = new RegistryAccess(CredentialStore.empty(),
                    ProxySettings.fromEnvironment(Map.of("HTTP_PROXY", proxyUrl, "HTTPS_PROXY", proxyUrl)), Map.of());
            ImageResult r = new ImageCopy(viaProxy).copy(ImageReference.parse("oci:" + images.layout().dir() + ":app"),
                    ImageReference.parse(registry.ref("proxied/app:v1")), true, true, false, 2, TransferListener.NONE);
            assertThat(r.ok()).as(r.error()).isTrue();
            assertThat(Skopeo.rawDigest(registry.ref("proxied/app:v1"))).isEqualTo(m.digest());
            assertThat(proxied).anyMatch(l -> l.startsWith("PUT ") && l.contains("/manifests/v1"));

            proxied.clear();
            RegistryAccess bypass = new RegistryAccess(CredentialStore.empty(), ProxySettings.fromEnvironment(Map.of(
                    "HTTP_PROXY", proxyUrl, "HTTPS_PROXY", proxyUrl, "NO_PROXY", "127.0.0.1")), Map.of());
            ImageResult direct = new ImageCopy(bypass).copy(ImageReference.parse("oci:" + images.layout().dir() + ":app"),
                    ImageReference.parse(registry.ref("direct/app:v1")), true, true, false, 2, TransferListener.NONE);
            assertThat(direct.ok()).as(direct.error()).isTrue();
            assertThat(proxied).isEmpty();
        } finally {
            proxy.stop(0);
        }
    }

    /** A minimal forwarding HTTP proxy (absolute-URI requests only, which is what plain-HTTP proxying uses). */
    private static void forward(HttpExchange exchange, HttpClient upstream, List<String> log) throws IOException {
        try (exchange) {
            URI target = exchange.getRequestURI();
            String method = exchange.getRequestMethod();
            log.add(method + " " + target);
            if (target.getHost() == null) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder b = HttpRequest.newBuilder(target).method(method,
                    body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                    values.forEach(v -> b.header(name, v));
                }
            });
            HttpResponse<InputStream> resp = upstream.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            resp.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
            });
            byte[] out = resp.body().readAllBytes();
            boolean noBody = method.equals("HEAD") || resp.statusCode() == 204 || out.length == 0;
            if (method.equals("HEAD")) {
                resp.headers().firstValue("Content-Length").ifPresent(v -> exchange.getResponseHeaders().set("Content-Length", v));
            }
            exchange.sendResponseHeaders(resp.statusCode(), noBody ? -1 : out.length);
            if (!noBody) {
                exchange.getResponseBody().write(out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
