package io.mtcassistant.sim.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.mtcassistant.install.plan.KubeObjects;
import io.mtcassistant.sim.SimulatedCluster;
import io.mtcassistant.storage.BucketClaim;
import io.mtcassistant.storage.BucketClaims;
import io.mtcassistant.storage.S3Keys;
import io.mtcassistant.storage.StorageApis;
import io.mtcassistant.storage.testsupport.LocalS3Server;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulated bucket provisioner on a simulated OpenShift 4.12 cluster whose simulated NooBaa points at a real S3
 * server (s3proxy over HTTPS): it binds claims of the gateway's storage class by making the bucket for real, and
 * leaves the others Pending with the reason in an Event.
 */
class SimulatedBucketProvisionerTest {

    private static final String NAMESPACE = "openshift-migration";

    @TempDir
    static Path dir;
    static LocalS3Server s3;
    static SimulatedCluster cluster;
    static SimulatedBucketProvisioner provisioner;
    static KubernetesClient client;

    @BeforeAll
    static void start() throws Exception {
        s3 = LocalS3Server.start(dir);
        cluster = SimulatedCluster.builder().name("sim-target").openShift4("4.12.30").admin(true).start();
        client = cluster.client();
        SimulatedObjectGateway.ready(s3.httpsEndpoint().toString(), LocalS3Server.ACCESS_KEY, LocalS3Server.SECRET_KEY)
                .installOn(client);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata()
                .build()).create();
        provisioner = SimulatedBucketProvisioner.start(cluster);
    }

    @AfterAll
    static void stop() throws Exception {
        provisioner.close();
        client.close();
        cluster.close();
        s3.close();
    }

    @Test
    void aClaimOfTheGatewaysClassIsPendingThenBoundWithBucketConfigMapAndSecret() {
        List<String> phases = new CopyOnWriteArrayList<>();
        try (Watch watch = claims().withName("migration-bucket").watch(new PhaseRecorder(phases))) {
            create(BucketClaims.plan("sim-target", NAMESPACE, "migration-bucket", "migration-obc").actions().get(0)
                    .object());
            awaitPhase("migration-bucket", "Bound");
            awaitValue(() -> phases.contains("Bound"));
        }
        assertThat(phases.stream().distinct().toList()).containsExactly("Pending", "Bound");
        assertThat(client.storage().v1().storageClasses().withName(StorageApis.NOOBAA_STORAGE_CLASS).get()
                .getProvisioner()).isEqualTo(SimulatedBucketProvisioner.PROVISIONER);
        ConfigMap config = client.configMaps().inNamespace(NAMESPACE).withName("migration-bucket").get();
        assertThat(config.getData()).containsEntry("BUCKET_NAME", "migration-obc")
                .containsEntry("BUCKET_HOST", s3.httpsEndpoint().getHost())
                .containsEntry("BUCKET_PORT", Integer.toString(s3.httpsEndpoint().getPort()))
                .containsKeys("BUCKET_REGION", "BUCKET_SUBREGION");
        assertThat(config.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(o -> assertThat(o.getKind()).isEqualTo(StorageApis.OBC));
        assertThat(s3.bucketExists("migration-obc")).isTrue();
        BucketClaim claim = BucketClaims.get("sim-target", client, NAMESPACE, "migration-bucket").orElseThrow();
        assertThat(claim.bound()).isTrue();
        assertThat(claim.problems()).isEmpty();
        assertThat(claim.bucket()).contains("migration-obc");
        assertThat(claim.keys()).map(S3Keys::accessKeyId).contains(LocalS3Server.ACCESS_KEY);
        assertThat(KubeObjects.valueAt(claims().withName("migration-bucket").get(), "spec.objectBucketName"))
                .contains("obc-openshift-migration-migration-bucket");
    }

    @Test
    void generateBucketNameGetsARandomSuffix() {
        GenericKubernetesResource object = BucketClaims.plan("sim-target", NAMESPACE, "generated", "unused")
                .actions().get(0).object();
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) object.getAdditionalProperties().get("spec");
        spec.remove("bucketName");
        spec.put("generateBucketName", "mtc");
        create(object);
        awaitPhase("generated", "Bound");
        String bucket = BucketClaims.get("sim-target", client, NAMESPACE, "generated").orElseThrow().bucket()
                .orElseThrow();
        assertThat(bucket).matches("mtc-[a-z0-9]+");
        assertThat(s3.bucketExists(bucket)).isTrue();
    }

    @Test
    void aClaimOfAnUnknownStorageClassStaysPendingWithTheReason() {
        create(BucketClaims.plan("sim-target", NAMESPACE, "wrong-class", "wrong-class", "gold-buckets",
                Duration.ofMinutes(1)).actions().get(0).object());
        List<String> reasons = awaitValue(() -> BucketClaims.pendingReasons(client, NAMESPACE, "wrong-class"));
        assertThat(reasons).containsExactly("storage class gold-buckets does not exist; the Multicloud Object "
                + "Gateway's is openshift-storage.noobaa.io");
        assertThat(KubeObjects.valueAt(claims().withName("wrong-class").get(), "status.phase")).contains("Pending");
        assertThat(client.configMaps().inNamespace(NAMESPACE).withName("wrong-class").get()).isNull();
        assertThat(s3.bucketExists("wrong-class")).isFalse();
    }

    @Test
    void aBucketNameS3RefusesKeepsTheClaimPendingWithTheReason() {
        create(BucketClaims.plan("sim-target", NAMESPACE, "bad-bucket", "Bad_Bucket").actions().get(0).object());
        List<String> reasons = awaitValue(() -> BucketClaims.pendingReasons(client, NAMESPACE, "bad-bucket"));
        assertThat(reasons).singleElement().asString().startsWith("bucket Bad_Bucket could not be made: bucket "
                + "Bad_Bucket: S3 bucket names are 3-63 lower-case letters");
        assertThat(KubeObjects.valueAt(claims().withName("bad-bucket").get(), "status.phase")).contains("Pending");
    }

    private static io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<GenericKubernetesResource,
            io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
            io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource>> claims() {
        return client.genericKubernetesResources(StorageApis.BUCKET_CLAIMS).inNamespace(NAMESPACE);
    }

    private static void create(GenericKubernetesResource claim) {
        claims().resource(claim).create();
    }

    private static void awaitPhase(String name, String phase) {
        claims().withName(name).waitUntilCondition(c -> c != null
                && KubeObjects.valueAt(c, "status.phase").filter(phase::equals).isPresent(), 60, TimeUnit.SECONDS);
    }

    /** Polls until the value is non-empty (a list) or true (a boolean), with a generous limit. */
    private static <T> T awaitValue(Supplier<T> value) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            T current = value.get();
            boolean done = current instanceof List<?> list ? !list.isEmpty() : Boolean.TRUE.equals(current);
            if (done || System.nanoTime() > deadline) {
                return current;
            }
            try {
                Thread.sleep(100); // a poll, not a timing assumption
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    /** Every phase the claim had, in order, as the watch saw it. */
    private record PhaseRecorder(List<String> phases) implements Watcher<GenericKubernetesResource> {
        @Override
        public void eventReceived(Action action, GenericKubernetesResource claim) {
            KubeObjects.valueAt(claim, "status.phase").ifPresent(phases::add);
        }

        @Override
        public void onClose(WatcherException cause) {
        }
    }
}
