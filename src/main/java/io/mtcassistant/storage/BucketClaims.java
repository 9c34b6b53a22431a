package io.mtcassistant.storage;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mtcassistant.install.plan.ChangeAction;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.install.plan.KubeObjects;
import io.mtcassistant.install.plan.ObjectRef;
import io.mtcassistant.install.plan.WaitCondition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** ObjectBucketClaims on a cluster: reading the bound ones and planning a new one. */
public final class BucketClaims {

    private BucketClaims() {
    }

    public static List<BucketClaim> find(String cluster, KubernetesClient client) {
        List<GenericKubernetesResource> claims;
        try {
            claims = client.genericKubernetesResources(StorageApis.BUCKET_CLAIMS).inAnyNamespace().list()
                    .getItems();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return List.of();
            }
            throw e;
        }
        List<BucketClaim> result = new ArrayList<>();
        for (GenericKubernetesResource claim : claims) {
            result.add(read(cluster, client, claim));
        }
        return result;
    }

    /** The claim namespace/name on this cluster, when it exists. */
    public static Optional<BucketClaim> get(String cluster, KubernetesClient client, String namespace, String name) {
        GenericKubernetesResource claim = client.genericKubernetesResources(StorageApis.BUCKET_CLAIMS)
                .inNamespace(namespace).withName(name).get();
        return claim == null ? Optional.empty() : Optional.of(read(cluster, client, claim));
    }

    /**
     * Why a claim is not Bound, as its provisioner said it: the messages of the Warning Events on the claim, oldest
     * first (provisioners report failures as Events, the claim's status has only its phase).
     */
    public static List<String> pendingReasons(KubernetesClient client, String namespace, String name) {
        List<Event> events = client.v1().events().inNamespace(namespace).list().getItems();
        return events.stream()
                .filter(e -> e.getInvolvedObject() != null && StorageApis.OBC.equals(e.getInvolvedObject().getKind())
                        && name.equals(e.getInvolvedObject().getName()) && "Warning".equals(e.getType()))
                .sorted(java.util.Comparator.comparing(e -> String.valueOf(e.getLastTimestamp())))
                .map(Event::getMessage).distinct().toList();
    }

    private static BucketClaim read(String cluster, KubernetesClient client, GenericKubernetesResource claim) {
        String namespace = claim.getMetadata().getNamespace();
        String name = claim.getMetadata().getName();
        String phase = KubeObjects.valueAt(claim, "status.phase").orElse("Pending");
        List<String> problems = new ArrayList<>();
        ConfigMap config = client.configMaps().inNamespace(namespace).withName(name).get();
        Map<String, String> data = config == null || config.getData() == null ? Map.of() : config.getData();
        Optional<S3Keys> keys = SecretKeys.read(client.secrets().inNamespace(namespace).withName(name).get());
        if (!"Bound".equals(phase)) {
            problems.add("ObjectBucketClaim " + namespace + "/" + name + " is " + phase + ", not Bound yet");
        } else {
            if (config == null) {
                problems.add("its ConfigMap " + namespace + "/" + name + " (BUCKET_NAME, BUCKET_HOST) is missing");
            }
            if (keys.isEmpty()) {
                problems.add("its Secret " + namespace + "/" + name + " has no AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
            }
        }
        Optional<Integer> port = Optional.ofNullable(data.get("BUCKET_PORT")).flatMap(BucketClaims::number);
        return new BucketClaim(cluster, namespace, name, phase, Optional.ofNullable(data.get("BUCKET_NAME")),
                Optional.ofNullable(data.get("BUCKET_HOST")), port, keys, problems);
    }

    private static Optional<Integer> number(String text) {
        try {
            return Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * A plan that creates an ObjectBucketClaim for the migration bucket and waits until it is Bound (the gateway
     * then has made the bucket and the keys).
     */
    public static ChangePlan plan(String cluster, String namespace, String name, String bucketName) {
        return plan(cluster, namespace, name, bucketName, StorageApis.NOOBAA_STORAGE_CLASS, Duration.ofMinutes(5));
    }

    /** The same for a bucket storage class other than NooBaa's, with this long a wait for Bound. */
    public static ChangePlan plan(String cluster, String namespace, String name, String bucketName,
            String storageClass, Duration boundTimeout) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("namespace", namespace);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("bucketName", bucketName);
        spec.put("storageClassName", storageClass);
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", StorageApis.OBC_API);
        object.put("kind", StorageApis.OBC);
        object.put("metadata", metadata);
        object.put("spec", spec);
        GenericKubernetesResource claim = KubeObjects.generic(object);
        return ChangePlan.builder(cluster, "Claim bucket " + bucketName + " from the Multicloud Object Gateway")
                .add(ChangeAction.createIfAbsent(claim, "the gateway creates the bucket and keys that may use only it"))
                .add(ChangeAction.waitFor(ObjectRef.of(claim), new WaitCondition("status.phase", List.of("Bound"),
                        List.of("Failed"), null, boundTimeout), "the bucket, ConfigMap and Secret exist"))
                .build();
    }
}
