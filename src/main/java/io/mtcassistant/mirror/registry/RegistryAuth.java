package io.mtcassistant.mirror.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mtcassistant.mirror.MirrorException;
import io.mtcassistant.mirror.MirrorException.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Authorization side of one registry: the challenge it last sent, Basic credentials, and
 * Bearer tokens fetched from its token service and cached per scope set until they expire.
 * Thread-safe, shared by all transfers of a {@link RegistryClient}.
 */
final class RegistryAuth {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String registry;
    private final HttpClient http;
    private final CredentialStore credentials;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private volatile AuthChallenge challenge;

    private record Token(String value, Instant expires) {
    }

    RegistryAuth(String registry, HttpClient http, CredentialStore credentials) {
        this.registry = registry;
        this.http = http;
        this.credentials = credentials;
    }

    static String pull(String repository) {
        return "repository:" + repository + ":pull";
    }

    static String push(String repository) {
        return "repository:" + repository + ":pull,push";
    }

    /** Remembers the scheme and token service a 401 answer named; an answer without a usable header changes nothing. */
    void challenged(HttpResponse<?> unauthorized) {
        AuthChallenge fresh = AuthChallenge.parse(unauthorized.headers().firstValue("WWW-Authenticate").orElse(null));
        if (fresh != null) {
            challenge = fresh;
        }
    }

    /** Drops the cached token of these scopes, so the next request fetches a new one. */
    void forget(List<String> scopes) {
        tokens.remove(tokenKey(scopes));
    }

    /** The Authorization header value for these scopes, fetching a bearer token when needed; null when none is due. */
    String header(String repository, List<String> scopes) {
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

    /** The error for a 401 that re-authorizing did not cure, telling whether credentials were sent at all. */
    MirrorException failed(String repository) {
        boolean haveCredentials = credentials.find(registry, repository).isPresent();
        if (haveCredentials) {
            return new MirrorException(Kind.AUTH, "auth failed for registry " + registry + ": the credentials were rejected"
                    + " for " + repository + "; check --authfile");
        }
        return new MirrorException(Kind.AUTH, "auth failed for registry " + registry + ": it requires credentials and none"
                + " were found; check --authfile (or log in with podman login)");
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
        HttpResponse<byte[]> resp = sendToTokenService(b.build());
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

    private HttpResponse<byte[]> sendToTokenService(HttpRequest request) {
        String what = "token service of registry " + registry;
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw RegistryErrors.translate(registry, e, what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MirrorException(Kind.INTERRUPTED, "interrupted: " + what);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
