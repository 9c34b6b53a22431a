package io.mtcassistant.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ExecutionException;

/**
 * Trades an OpenShift user name and password for a token, like `oc login -u -p`: the OAuth server's
 * metadata, then the implicit flow of the openshift-challenging-client with Basic credentials; the token comes
 * back in the fragment of a redirect. Runs through the same fabric8 HTTP client (TLS, proxy, timeouts) as the
 * connection itself.
 */
final class OpenShiftPasswordLogin {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Why the log-in did not produce a token. */
    static final class Rejected extends Exception {
        private final boolean badCredentials;

        Rejected(String message, boolean badCredentials) {
            super(message);
            this.badCredentials = badCredentials;
        }

        boolean badCredentials() {
            return badCredentials;
        }
    }

    private final HttpClient.Factory factory;

    OpenShiftPasswordLogin(HttpClient.Factory factory) {
        this.factory = factory;
    }

    /**
     * @param config connection settings without credentials (TLS, proxy, timeouts are used)
     */
    String token(Config config, String username, String password) throws Rejected, Exception {
        try (HttpClient http = factory.newBuilder(config).build()) {
            String master = config.getMasterUrl().replaceAll("/+$", "");
            HttpResponse<String> metadata = send(http, http.newHttpRequestBuilder()
                    .uri(master + "/.well-known/oauth-authorization-server").build());
            if (metadata.code() == 404) {
                throw new Rejected("the server has no OpenShift OAuth server, so user name and password cannot be "
                        + "used; use a token or a client certificate", false);
            }
            if (metadata.code() != 200) {
                throw new Rejected("the OAuth metadata request answered HTTP " + metadata.code(), metadata.code() == 401);
            }
            JsonNode node = JSON.readTree(metadata.body());
            String authorize = node.path("authorization_endpoint").asText("");
            if (authorize.isEmpty()) {
                throw new Rejected("the OAuth metadata names no authorization endpoint", false);
            }
            String basic = Base64.getEncoder().encodeToString((username + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
            HttpRequest request = http.newHttpRequestBuilder()
                    .uri(authorize + "?response_type=token&client_id=openshift-challenging-client")
                    .header("Authorization", "Basic " + basic)
                    .header("X-CSRF-Token", "1")
                    .build();
            HttpResponse<String> answer = send(http, request);
            if (answer.code() == 401) {
                throw new Rejected("the OAuth server did not accept the user name and password of user '"
                        + username + "'", true);
            }
            String location = tokenRedirect(answer);
            if (location == null) {
                throw new Rejected("the OAuth server answered HTTP " + answer.code() + " instead of a token", false);
            }
            String fragment = location.substring(location.indexOf('#') + 1);
            for (String part : fragment.split("&")) {
                if (part.startsWith("access_token=")) {
                    return URLDecoder.decode(part.substring("access_token=".length()), StandardCharsets.UTF_8);
                }
            }
            throw new Rejected("the OAuth server's answer carried no token", false);
        }
    }

    /** The client may follow the redirect itself; the token is in the Location of the 302 either way. */
    private static String tokenRedirect(HttpResponse<?> response) {
        for (HttpResponse<?> r = response; r != null; r = r.previousResponse().orElse(null)) {
            String location = r.header("Location");
            if (location != null && location.contains("access_token=")) {
                return location;
            }
        }
        return null;
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) throws Exception {
        try {
            return http.sendAsync(request, String.class).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
