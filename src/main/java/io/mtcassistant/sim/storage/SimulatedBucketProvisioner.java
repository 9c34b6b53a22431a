package io.mtcassistant.sim.storage;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.mtcassistant.install.plan.KubeObjects;
import io.mtcassistant.sim.SimulatedCluster;
import io.mtcassistant.sim.SimulatedObjects;
import io.mtcassistant.storage.CheckStep;
import io.mtcassistant.storage.ObjectGateway;
import io.mtcassistant.storage.ObjectGatewayDiscovery;
import io.mtcassistant.storage.RepositoryCheck;
import io.mtcassistant.storage.RepositoryCheckReport;
import io.mtcassistant.storage.RepositoryTarget;
import io.mtcassistant.storage.S3Keys;
import io.mtcassistant.storage.StorageApis;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated bucket provisioner (what NooBaa's lib-bucket-provisioner does for the storage class
 * {@value #STORAGE_CLASS}): it registers that StorageClass, and binds each ObjectBucketClaim that names it. A new
 * claim is first set Pending; then the bucket is made on the S3 server the simulated NooBaa's status names, the
 * ConfigMap (BUCKET_HOST, BUCKET_NAME, BUCKET_PORT, BUCKET_REGION, BUCKET_SUBREGION) and the Secret
 * (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) named after the claim are created, and the claim becomes Bound. A claim
 * that cannot be bound (an unknown storage class, no Ready NooBaa, the bucket cannot be made) stays Pending, with
 * the reason in an Event on the claim, as the real provisioner reports it.
 * <p>
 * Where this differs from the real one, on purpose: BUCKET_HOST and BUCKET_PORT come from the NooBaa's recommended
 * (external) endpoint, not the in-cluster service name, so the claim's bucket is reachable from this process and
 * the demo works end to end; the keys are the NooBaa admin keys, because the S3 server behind the simulation knows
 * only that identity (the real gateway makes a new account that may use only this bucket); no ObjectBucket object
 * is made.
 */
public final class SimulatedBucketProvisioner implements AutoCloseable {

    public static final String STORAGE_CLASS = StorageApis.NOOBAA_STORAGE_CLASS;
    public static final String PROVISIONER = "openshift-storage.noobaa.io/obc";
    /** The reason of the Events on a claim that stays Pending. */
    public static final String PENDING_REASON = "ProvisioningFailed";

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedBucketProvisioner.class);
    private static final long TICK_MILLIS = 100;
    /** After a failed bucket request, the claim is tried again this much later (an unreachable S3 server is slow). */
    private static final Duration RETRY = Duration.ofSeconds(2);

    /** Makes the bucket on the gateway's S3 server; empty when it exists afterwards, else why not. */
    @FunctionalInterface
    public interface BucketMaker {
        Optional<String> make(URI endpoint, String bucket, S3Keys keys);
    }

    private final String cluster;
    private final KubernetesClient client;
    private final BucketMaker bucketMaker;
    private final ScheduledExecutorService ticker;
    private final Random random = new Random();
    /** The last reason reported per claim uid, so that a claim gets one Event per reason, not one per tick. */
    private final Map<String, String> reported = new ConcurrentHashMap<>();
    private final Map<String, Instant> retryAfter = new ConcurrentHashMap<>();

    private SimulatedBucketProvisioner(SimulatedCluster on, BucketMaker bucketMaker) {
        this.cluster = on.name();
        this.client = on.controllerClient();
        this.bucketMaker = bucketMaker;
        SimulatedObjects.ignoreConflict(() -> client.storage().v1().storageClasses().resource(new StorageClassBuilder()
                .withNewMetadata().withName(STORAGE_CLASS).endMetadata().withProvisioner(PROVISIONER)
                .withReclaimPolicy("Delete").withVolumeBindingMode("Immediate")
                .addToParameters("bucketclass", "noobaa-default-bucket-class").build()).create());
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "simulated-bucket-provisioner");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(this::tickSafely, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Starts binding claims on this cluster; buckets are made with a real S3 request (see {@link #s3Request()}). */
    public static SimulatedBucketProvisioner start(SimulatedCluster on) {
        return start(on, s3Request());
    }

    public static SimulatedBucketProvisioner start(SimulatedCluster on, BucketMaker bucketMaker) {
        return new SimulatedBucketProvisioner(on, bucketMaker);
    }

    /**
     * Makes the bucket with a real S3 request to the endpoint, as the gateway would inside its cluster. It does not
     * verify the endpoint's certificate: the simulation has no CA bundle for it, and the gateway talks to itself.
     */
    public static BucketMaker s3Request() {
        return (endpoint, bucket, keys) -> {
            RepositoryTarget target;
            try {
                target = RepositoryTarget.of(endpoint.toString(), bucket, null, null,
                        "https".equals(endpoint.getScheme()));
            } catch (IllegalArgumentException e) {
                return Optional.of(e.getMessage()); // a bucket name S3 refuses, as the real gateway would
            }
            RepositoryCheckReport report = new RepositoryCheck(Duration.ofSeconds(10)).run(target, keys, true, s -> { });
            return report.passed() ? Optional.empty() : report.steps().stream()
                    .filter(s -> s.status() == CheckStep.Status.FAILED).map(s -> s.name() + ": " + s.detail())
                    .findFirst().or(() -> Optional.of("the S3 server refused"));
        };
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            // a claim deleted mid-bind or a cluster shutting down: the next tick looks again
            LOG.debug("{}: bucket provisioner tick failed: {}", cluster, e.getMessage());
        }
    }

    private void tick() {
        java.util.List<GenericKubernetesResource> claims;
        try {
            claims = client.genericKubernetesResources(StorageApis.BUCKET_CLAIMS).inAnyNamespace().list().getItems();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return; // no ObjectBucketClaim API on this cluster (yet)
            }
            throw e;
        }
        for (GenericKubernetesResource claim : claims) {
            Optional<String> phase = KubeObjects.valueAt(claim, "status.phase");
            if (phase.isEmpty()) {
                writeStatus(claim, "Pending");
            } else if ("Pending".equals(phase.get())) {
                bind(claim);
            }
        }
    }

    private void bind(GenericKubernetesResource claim) {
        String namespace = claim.getMetadata().getNamespace();
        String name = claim.getMetadata().getName();
        String className = KubeObjects.valueAt(claim, "spec.storageClassName").orElse("");
        if (className.isBlank()) {
            stayPending(claim, "spec.storageClassName is empty: name the bucket storage class, " + STORAGE_CLASS);
            return;
        }
        StorageClass storageClass = client.storage().v1().storageClasses().withName(className).get();
        if (storageClass == null) {
            stayPending(claim, "storage class " + className + " does not exist; the Multicloud Object Gateway's is "
                    + STORAGE_CLASS);
            return;
        }
        if (!PROVISIONER.equals(storageClass.getProvisioner())) {
            return; // another provisioner's class: not for this one to bind or to complain about
        }
        Optional<ObjectGateway> gateway = ObjectGatewayDiscovery.find(cluster, client).stream()
                .filter(ObjectGateway::ready).findFirst();
        if (gateway.isEmpty() || gateway.get().recommendedEndpoint().isEmpty()
                || gateway.get().adminKeys().isEmpty()) {
            stayPending(claim, "the Multicloud Object Gateway (NooBaa in " + SimulatedObjectGateway.NAMESPACE
                    + ") is not Ready, so no bucket can be made");
            return;
        }
        Optional<String> bucket = bucketName(claim);
        if (bucket.isEmpty()) {
            stayPending(claim, "the claim has neither spec.bucketName nor spec.generateBucketName");
            return;
        }
        URI endpoint = URI.create(gateway.get().recommendedEndpoint().get());
        S3Keys keys = gateway.get().adminKeys().get();
        String uid = claim.getMetadata().getUid();
        if (Instant.now().isBefore(retryAfter.getOrDefault(uid, Instant.MIN))) {
            return;
        }
        Optional<String> failure = bucketMaker.make(endpoint, bucket.get(), keys);
        if (failure.isPresent()) {
            retryAfter.put(uid, Instant.now().plus(RETRY));
            stayPending(claim, "bucket " + bucket.get() + " could not be made: " + failure.get());
            return;
        }
        retryAfter.remove(uid);
        OwnerReference owner = new OwnerReferenceBuilder().withApiVersion(StorageApis.OBC_API)
                .withKind(StorageApis.OBC).withName(name).withUid(claim.getMetadata().getUid())
                .withController(true).build();
        int port = endpoint.getPort() > 0 ? endpoint.getPort() : "https".equals(endpoint.getScheme()) ? 443 : 80;
        SimulatedObjects.ignoreConflict(() -> client.configMaps().inNamespace(namespace).resource(
                new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                        .addToLabels("bucket-provisioner", PROVISIONER.replace('/', '-')).addToLabels("app", "noobaa")
                        .withOwnerReferences(owner).endMetadata()
                        .addToData("BUCKET_HOST", endpoint.getHost()).addToData("BUCKET_NAME", bucket.get())
                        .addToData("BUCKET_PORT", Integer.toString(port)).addToData("BUCKET_REGION", "")
                        .addToData("BUCKET_SUBREGION", "").build()).create());
        SimulatedObjects.ignoreConflict(() -> client.secrets().inNamespace(namespace).resource(new SecretBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace)
                .addToLabels("bucket-provisioner", PROVISIONER.replace('/', '-')).addToLabels("app", "noobaa")
                .withOwnerReferences(owner).endMetadata().withType("Opaque")
                .addToData("AWS_ACCESS_KEY_ID", SimulatedObjects.base64(keys.accessKeyId()))
                .addToData("AWS_SECRET_ACCESS_KEY", SimulatedObjects.base64(keys.secretAccessKey())).build()).create());
        Map<String, Object> spec = new java.util.LinkedHashMap<>();
        spec.put("bucketName", bucket.get());
        spec.put("objectBucketName", "obc-" + namespace + "-" + name);
        client.genericKubernetesResources(StorageApis.BUCKET_CLAIMS).inNamespace(namespace).withName(name)
                .patch(PatchContext.of(PatchType.JSON_MERGE), client.getKubernetesSerialization()
                        .asJson(Map.of("spec", spec)));
        writeStatus(claim, "Bound");
        reported.remove(claim.getMetadata().getUid());
        LOG.info("{}: ObjectBucketClaim {}/{} bound to bucket {}", cluster, namespace, name, bucket.get());
    }

    private Optional<String> bucketName(GenericKubernetesResource claim) {
        Optional<String> fixed = KubeObjects.valueAt(claim, "spec.bucketName").filter(b -> !b.isBlank());
        if (fixed.isPresent()) {
            return fixed;
        }
        return KubeObjects.valueAt(claim, "spec.generateBucketName").filter(b -> !b.isBlank())
                .map(prefix -> prefix.toLowerCase(Locale.ROOT) + "-" + Long.toString(
                        Math.abs(random.nextLong() % 2_176_782_336L), 36));
    }

    private void stayPending(GenericKubernetesResource claim, String reason) {
        String uid = claim.getMetadata().getUid();
        if (reason.equals(reported.put(uid, reason))) {
            return;
        }
        String namespace = claim.getMetadata().getNamespace();
        String now = Instant.now().toString();
        client.v1().events().inNamespace(namespace).resource(new EventBuilder().withNewMetadata()
                .withName(claim.getMetadata().getName() + "." + Long.toHexString(System.nanoTime()))
                .withNamespace(namespace).endMetadata()
                .withNewInvolvedObject().withApiVersion(StorageApis.OBC_API).withKind(StorageApis.OBC)
                .withName(claim.getMetadata().getName()).withNamespace(namespace).withUid(uid).endInvolvedObject()
                .withType("Warning").withReason(PENDING_REASON).withMessage(reason)
                .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
                .withNewSource().withComponent(PROVISIONER).endSource().build()).create();
        LOG.info("{}: ObjectBucketClaim {}/{} stays Pending: {}", cluster, namespace, claim.getMetadata().getName(),
                reason);
    }

    private void writeStatus(GenericKubernetesResource claim, String phase) {
        client.genericKubernetesResources(StorageApis.BUCKET_CLAIMS).inNamespace(claim.getMetadata().getNamespace())
                .withName(claim.getMetadata().getName()).subresource("status")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"status\":{\"phase\":\"" + phase + "\"}}");
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close();
    }
}
