package io.mtcassistant.storage;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mtcassistant.install.plan.KubeObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the Multicloud Object Gateway on a cluster, as the procedure's "describe the NooBaa resource" step does for
 * the admin: every NooBaa in any namespace, its S3 endpoints and admin credentials.
 */
public final class ObjectGatewayDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectGatewayDiscovery.class);

    private ObjectGatewayDiscovery() {
    }

    /** The gateways on this cluster; empty when it has none (or no NooBaa API at all). */
    public static List<ObjectGateway> find(String cluster, KubernetesClient client) {
        List<GenericKubernetesResource> found;
        try {
            found = client.genericKubernetesResources(StorageApis.NOOBAAS).inAnyNamespace()
                    .list().getItems();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return List.of();
            }
            throw e;
        }
        List<ObjectGateway> gateways = new ArrayList<>();
        for (GenericKubernetesResource noobaa : found) {
            gateways.add(describe(cluster, client, noobaa));
        }
        return gateways;
    }

    private static ObjectGateway describe(String cluster, KubernetesClient client, GenericKubernetesResource noobaa) {
        String namespace = noobaa.getMetadata().getNamespace();
        String name = noobaa.getMetadata().getName();
        String phase = KubeObjects.valueAt(noobaa, "status.phase").orElse("(no phase)");
        List<String> external = strings(noobaa, "externalDNS");
        List<String> internal = strings(noobaa, "internalDNS");
        List<String> problems = new ArrayList<>();
        if (!"Ready".equals(phase)) {
            problems.add("NooBaa " + namespace + "/" + name + " is " + phase + ", not Ready: wait for it or check "
                    + "the noobaa-operator's events in " + namespace);
        }
        if (external.isEmpty() && internal.isEmpty()) {
            problems.add("its status lists no S3 endpoint (status.services.serviceS3)");
        }
        Optional<String> secretName = KubeObjects.valueAt(noobaa, "status.accounts.admin.secretRef.name");
        String secretNamespace = KubeObjects.valueAt(noobaa, "status.accounts.admin.secretRef.namespace")
                .orElse(namespace);
        Optional<S3Keys> keys = Optional.empty();
        if (secretName.isEmpty()) {
            problems.add("its status names no admin Secret (status.accounts.admin.secretRef): enter the keys by hand "
                    + "or use an ObjectBucketClaim");
        } else {
            keys = adminKeys(client, secretNamespace, secretName.get(), problems);
        }
        LOG.info("NooBaa {}/{} on {}: phase {}, {} external and {} internal S3 endpoints, admin keys {}", namespace,
                name, cluster, phase, external.size(), internal.size(), keys.isPresent() ? "found" : "missing");
        return new ObjectGateway(cluster, namespace, name, phase, external, internal,
                secretName.map(n -> secretNamespace + "/" + n), keys, problems);
    }

    private static Optional<S3Keys> adminKeys(KubernetesClient client, String namespace, String name,
            List<String> problems) {
        try {
            Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
            if (secret == null) {
                problems.add("the admin Secret " + namespace + "/" + name + " that its status names does not exist");
                return Optional.empty();
            }
            Optional<S3Keys> keys = SecretKeys.read(secret);
            if (keys.isEmpty()) {
                problems.add("the admin Secret " + namespace + "/" + name + " has no AWS_ACCESS_KEY_ID and "
                        + "AWS_SECRET_ACCESS_KEY");
            }
            return keys;
        } catch (KubernetesClientException e) {
            problems.add("the admin Secret " + namespace + "/" + name + " cannot be read (HTTP " + e.getCode()
                    + "): this user needs get on secrets in " + namespace);
            return Optional.empty();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(GenericKubernetesResource noobaa, String field) {
        Object status = noobaa.getAdditionalProperties().get("status");
        if (status instanceof Map<?, ?> s && s.get("services") instanceof Map<?, ?> services
                && services.get("serviceS3") instanceof Map<?, ?> s3 && s3.get(field) instanceof List<?> list) {
            return ((List<Object>) list).stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
