package io.mtcassistant.sim.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtcassistant.mirror.registry.TlsSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

/**
 * The simulated controller's MigCluster validation for remote clusters: Ready only when the token in the Secret
 * that serviceAccountSecretRef names authenticates against the API at {@code url} (a real HTTPS request, trusting
 * caBundle, or nothing with insecure), else TestConnectFailed or InvalidSaToken as MTC sets them. Host clusters,
 * MigClusters without url (the bare objects of the controller's own tests) and those whose status someone else
 * wrote (the demo's seeded ones) are left alone.
 */
final class ClusterValidation {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KubernetesClient client;

    ClusterValidation(KubernetesClient client) {
        this.client = client;
    }

    Map<String, ObjectNode> validate(Iterable<GenericKubernetesResource> clusters, Instant now) {
        Map<String, ObjectNode> result = new LinkedHashMap<>();
        for (GenericKubernetesResource cluster : clusters) {
            JsonNode node = JSON.valueToTree(cluster);
            JsonNode spec = node.path("spec");
            JsonNode status = node.path("status");
            if (SeededStatus.isSeeded(node) || spec.path("isHostCluster").asBoolean(false) || !spec.has("url")
                    || (!SeededStatus.wasSeeded(node) && status.has("conditions") && !status.has("observedDigest"))) {
                continue;
            }
            Secret secret = secret(spec.path("serviceAccountSecretRef"));
            String digest = Integer.toHexString((spec.toString() + (secret == null ? "-"
                    : secret.getMetadata().getResourceVersion())).hashCode());
            if (digest.equals(status.path("observedDigest").asText())) {
                continue;
            }
            ObjectNode newStatus = JsonNodeFactory.instance.objectNode().put("observedDigest", digest);
            newStatus.putArray("conditions").add(condition(spec, secret, now).toJson());
            result.put(cluster.getMetadata().getName(), newStatus);
        }
        return result;
    }

    private Condition condition(JsonNode spec, Secret secret, Instant now) {
        String url = spec.path("url").asText("");
        if (!url.startsWith("https://")) {
            return Condition.of("InvalidURL", "NotSet", "Critical", "The `url` must be a valid https URL.", now);
        }
        String token = secret == null || secret.getData() == null || secret.getData().get("saToken") == null ? null
                : new String(Base64.getDecoder().decode(secret.getData().get("saToken")), StandardCharsets.UTF_8);
        if (token == null) {
            return Condition.of("InvalidSaSecretRef", "NotFound", "Critical",
                    "The `serviceAccountSecretRef` must reference a valid `secret`.", now);
        }
        try {
            HttpClient http = HttpClient.newBuilder().sslContext(tls(spec)).connectTimeout(Duration.ofSeconds(10))
                    .build();
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/namespaces"))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 401) {
                return Condition.of("InvalidSaToken", "NotSet", "Critical",
                        "The `saToken` is not valid for the cluster.", now);
            }
            if (response.statusCode() == 403) {
                return Condition.of("SaTokenNotPrivileged", "NotSet", "Critical",
                        "The `saToken` has insufficient privileges.", now);
            }
        } catch (SSLHandshakeException e) {
            return Condition.of("TestConnectFailed", "ConnectFailed", "Critical", "Test connect failed: x509: "
                    + "certificate signed by unknown authority. The `caBundle` is required for self-signed "
                    + "certificates.", now);
        } catch (IOException e) {
            return Condition.of("TestConnectFailed", "ConnectFailed", "Critical", "Test connect failed: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Condition.of("TestConnectFailed", "ConnectFailed", "Critical", "Test connect interrupted", now);
        }
        return new Condition("Ready", "True", null, "Required", "The cluster is ready.", now, false);
    }

    private static SSLContext tls(JsonNode spec) throws IOException {
        if (spec.path("insecure").asBoolean(false)) {
            return TlsSettings.context(List.of(), true);
        }
        String bundle = spec.path("caBundle").asText("");
        if (bundle.isEmpty()) {
            return TlsSettings.context(List.of(), false);
        }
        Path file = Files.createTempFile("sim-migcluster-ca", ".pem");
        try {
            Files.copy(new ByteArrayInputStream(Base64.getDecoder().decode(bundle)), file,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return TlsSettings.context(List.of(file), false);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private Secret secret(JsonNode ref) {
        String name = ref.path("name").asText("");
        return name.isEmpty() ? null : client.secrets().inNamespace(ref.path("namespace").asText("openshift-config"))
                .withName(name).get();
    }
}
