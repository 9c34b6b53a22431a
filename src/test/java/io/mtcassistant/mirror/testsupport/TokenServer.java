package io.mtcassistant.mirror.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny Docker token service (the "auth: token:" side of distribution) for tests: checks Basic
 * credentials and signs a JWT (RS256, x5c header) granting the requested scopes.
 */
public final class TokenServer implements AutoCloseable {

    public static final String SERVICE = "test-registry";
    public static final String ISSUER = "test-token-issuer";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final TestCertificates signing;
    private final String user;
    private final String password;
    private final AtomicInteger issued = new AtomicInteger();
    private final List<String> requestedScopes = new CopyOnWriteArrayList<>();

    private TokenServer(HttpServer server, TestCertificates signing, String user, String password) {
        this.server = server;
        this.signing = signing;
        this.user = user;
        this.password = password;
    }

    public static TokenServer start(Path dir, String user, String password) throws Exception {
        TestCertificates signing = TestCertificates.create(dir, "token-signer");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        TokenServer tokenServer = new TokenServer(server, signing, user, password);
        server.createContext("/token", tokenServer::handle);
        server.start();
        return tokenServer;
    }

    public String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    public Path rootCertBundle() {
        return signing.certFile();
    }

    public int tokensIssued() {
        return issued.get();
    }

    public List<String> requestedScopes() {
        return requestedScopes;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(auth)) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            List<String> scopes = new ArrayList<>();
            String query = exchange.getRequestURI().getRawQuery();
            if (query != null) {
                for (String part : query.split("&")) {
                    if (part.startsWith("scope=")) {
                        scopes.add(URLDecoder.decode(part.substring(6), StandardCharsets.UTF_8));
                    }
                }
            }
            requestedScopes.addAll(scopes);
            String token = jwt(scopes);
            issued.incrementAndGet();
            byte[] body = JSON.writeValueAsBytes(JSON.createObjectNode().put("token", token).put("expires_in", 300));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private String jwt(List<String> scopes) throws Exception {
        ObjectNode header = JSON.createObjectNode().put("typ", "JWT").put("alg", "RS256");
        header.putArray("x5c").add(Base64.getEncoder().encodeToString(signing.certificate().getEncoded()));
        long now = System.currentTimeMillis() / 1000;
        ObjectNode claims = JSON.createObjectNode().put("iss", ISSUER).put("sub", user).put("aud", SERVICE)
                .put("exp", now + 300).put("nbf", now - 60).put("iat", now).put("jti", UUID.randomUUID().toString());
        ArrayNode access = claims.putArray("access");
        for (String scope : scopes) {
            String[] parts = scope.split(":");
            if (parts.length == 3) {
                ObjectNode a = access.addObject().put("type", parts[0]).put("name", parts[1]);
                ArrayNode actions = a.putArray("actions");
                for (String action : parts[2].split(",")) {
                    actions.add(action);
                }
            }
        }
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String signingInput = url.encodeToString(JSON.writeValueAsBytes(header)) + "." + url.encodeToString(JSON.writeValueAsBytes(claims));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(signing.keyPair().getPrivate());
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + url.encodeToString(signature.sign());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
