package io.mtcassistant.mirror.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.mtcassistant.mirror.Digests;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blob GETs redirected to object storage are followed, and the registry's credentials stay with
 * the registry (a stand-in registry and a stand-in storage host on loopback, as two different hosts).
 */
class RedirectTest {

    @TempDir
    Path tmp;

    @Test
    void redirectIsFollowedWithoutSendingCredentialsToTheOtherHost() throws Exception {
        byte[] blob = "layer bytes".getBytes(StandardCharsets.UTF_8);
        String digest = Digests.sha256(blob);
        List<String> storageAuth = new CopyOnWriteArrayList<>();
        List<String> registryAuth = new CopyOnWriteArrayList<>();
        HttpServer storage = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        storage.createContext("/bucket", ex -> {
            storageAuth.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            ex.sendResponseHeaders(200, blob.length);
            ex.getResponseBody().write(blob);
            ex.close();
        });
        HttpServer registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        registry.createContext("/v2/", ex -> {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            registryAuth.add(String.valueOf(auth));
            if (auth == null) {
                ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"test\"");
                ex.sendResponseHeaders(401, -1);
            } else if (ex.getRequestURI().getPath().endsWith("/blobs/" + digest)) {
                // "localhost" is another host name than 127.0.0.1: the client must treat it as foreign.
                ex.getResponseHeaders().add("Location", "http://localhost:" + storage.getAddress().getPort() + "/bucket/x?sig=abc");
                ex.sendResponseHeaders(307, -1);
            } else {
                ex.sendResponseHeaders(200, -1);
            }
            ex.close();
        });
        storage.start();
        registry.start();
        try {
            Path authFile = Files.writeString(tmp.resolve("auth.json"),
                    "{\"auths\":{\"127.0.0.1:" + registry.getAddress().getPort() + "\":{\"auth\":\"dTpw\"}}}");
            RegistryAccess access = new RegistryAccess(CredentialStore.load(authFile, Map.of(), tmp), ProxySettings.none(), Map.of());
            RegistryClient client = access.client("127.0.0.1:" + registry.getAddress().getPort(),
                    "127.0.0.1:" + registry.getAddress().getPort(), true);
            try (InputStream in = client.openBlob("ns/app", digest)) {
                assertThat(in.readAllBytes()).isEqualTo(blob);
            }
            assertThat(registryAuth).contains("Basic dTpw");
            assertThat(storageAuth).containsExactly("null");
        } finally {
            registry.stop(0);
            storage.stop(0);
        }
    }
}
