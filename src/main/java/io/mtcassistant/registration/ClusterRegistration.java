package io.mtcassistant.registration;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Config;
import io.mtcassistant.install.plan.ChangeAction;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.install.plan.KubeObjects;
import io.mtcassistant.install.plan.ObjectRef;
import io.mtcassistant.install.plan.WaitCondition;
import io.mtcassistant.storage.KeyValues;
import io.mtcassistant.storage.ManagedObjects;
import io.mtcassistant.storage.StorageApis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registering a remote cluster on the control cluster: the token Secret (saToken) in openshift-config and the
 * MigCluster, then the wait for the controller's connection test.
 *
 * @param name                MigCluster name (the remote's context name, as the demo uses)
 * @param url                 the remote API, or the crane tunnel-api's proxied URL
 * @param caBundlePem         the remote API's CA (PEM), when not publicly trusted; empty with {@code insecure}
 * @param insecure            skip verifying the remote API's certificate
 * @param exposedRegistryPath the remote registry's route host, for direct image migration
 */
public record ClusterRegistration(String name, String url, Optional<String> caBundlePem, boolean insecure,
        Optional<String> exposedRegistryPath) {

    public static final String TOKEN_PLACEHOLDER = "REPLACE-WITH-MIGRATION-CONTROLLER-TOKEN";

    public static final List<String> CRITICAL_CONDITIONS = List.of("InvalidURL", "InvalidSaSecretRef",
            "InvalidSaToken", "InvalidRegistryRoute", "TestConnectFailed", "SaTokenNotPrivileged");

    /** The URL MigCluster names when the remote is reached through {@code crane tunnel-api}. */
    public static String tunnelApiUrl(String tunnelNamespace) {
        return "https://proxied-cluster." + tunnelNamespace + ".svc.cluster.local:8443";
    }

    /** The CA the workstation's kubeconfig trusts for a cluster (PEM), the MigCluster's caBundle; empty when none. */
    public static Optional<String> caBundleOf(Config config) throws IOException {
        if (config.getCaCertData() != null && !config.getCaCertData().isBlank()) {
            return Optional.of(new String(Base64.getDecoder().decode(config.getCaCertData().strip()),
                    StandardCharsets.UTF_8));
        }
        if (config.getCaCertFile() != null && Files.isReadable(Path.of(config.getCaCertFile()))) {
            return Optional.of(Files.readString(Path.of(config.getCaCertFile())));
        }
        return Optional.empty();
    }

    public String tokenSecretName() {
        return name + "-token";
    }

    public ChangePlan plan(String controlCluster, String token, KeyValues values, Duration readyTimeout) {
        GenericKubernetesResource secret = tokenSecret(values == KeyValues.REAL ? token : TOKEN_PLACEHOLDER);
        GenericKubernetesResource cluster = migCluster();
        ChangePlan.Builder plan = ChangePlan.builder(controlCluster, "Register cluster " + name + " (" + url + ")")
                .add(ChangeAction.createIfAbsent(secret, "MigCluster reads the remote's service account token here"))
                .add(ChangeAction.mergePatch(secret, "the token of migration-controller on " + name))
                .add(ChangeAction.createIfAbsent(cluster, "migration plans name this cluster as source or target"))
                .add(ChangeAction.mergePatch(cluster, "the MigCluster names this URL and token"))
                .add(ChangeAction.waitFor(ObjectRef.of(cluster), new WaitCondition("status.conditions[type=Ready].status",
                        List.of("True"), CRITICAL_CONDITIONS, "status.conditions[category=Critical].message",
                        readyTimeout, "status.conditions[category=Critical].type"),
                        "the controller connects to " + name + " with the token"));
        if (values == KeyValues.PLACEHOLDERS) {
            plan.note("The Secret " + StorageApis.CONFIG_NAMESPACE + "/" + tokenSecretName() + " holds a placeholder: "
                    + "put the token of " + ServiceAccountTokens.SERVICE_ACCOUNT + " in before applying.");
        }
        if (insecure) {
            plan.note("insecure: true makes the control cluster skip verifying " + name + "'s API certificate; "
                    + "give its CA (caBundle) instead when you can.");
        }
        return plan.build();
    }

    GenericKubernetesResource tokenSecret(String token) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", "v1");
        object.put("kind", "Secret");
        object.put("metadata", ManagedObjects.metadata(tokenSecretName(), StorageApis.CONFIG_NAMESPACE));
        object.put("type", "Opaque");
        object.put("data", Map.of("saToken", ManagedObjects.base64(token)));
        return KubeObjects.generic(object);
    }

    public GenericKubernetesResource migCluster() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("isHostCluster", false);
        spec.put("url", url);
        spec.put("serviceAccountSecretRef", Map.of("name", tokenSecretName(), "namespace",
                StorageApis.CONFIG_NAMESPACE));
        spec.put("insecure", insecure);
        caBundlePem.ifPresent(pem -> spec.put("caBundle", ManagedObjects.base64(pem)));
        exposedRegistryPath.ifPresent(path -> spec.put("exposedRegistryPath", path));
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", StorageApis.MIGRATION_API);
        object.put("kind", StorageApis.MIG_CLUSTER);
        object.put("metadata", ManagedObjects.metadata(name, StorageApis.MIGRATION_NAMESPACE));
        object.put("spec", spec);
        return KubeObjects.generic(object);
    }
}
