package io.mtcassistant.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtcassistant.install.plan.ActionKind;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.sim.SimulatedCluster;
import io.mtcassistant.sim.storage.SimulatedObjectGateway;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** NooBaa and ObjectBucketClaim discovery on a simulated OpenShift 4 cluster. */
class ObjectGatewayDiscoveryTest {

    static SimulatedCluster cluster;
    static KubernetesClient client;

    @BeforeAll
    static void start() {
        cluster = SimulatedCluster.builder().name("mcg").openShift4("4.12.30").admin(true).start();
        client = cluster.client();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @BeforeEach
    void removeGateway() {
        try {
            client.genericKubernetesResources(StorageApis.NOOBAAS).inAnyNamespace().delete();
        } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
            // no NooBaa API yet
        }
        client.secrets().inNamespace(SimulatedObjectGateway.NAMESPACE).withName(SimulatedObjectGateway.ADMIN_SECRET)
                .delete();
    }

    @Test
    void aClusterWithoutTheGatewayHasNone() {
        SimulatedCluster plain = SimulatedCluster.builder().name("plain").openShift4("4.12.30").admin(true).start();
        try (plain) {
            assertThat(ObjectGatewayDiscovery.find("plain", plain.client())).isEmpty();
            assertThat(BucketClaims.find("plain", plain.client())).isEmpty();
        }
    }

    @Test
    void readyGatewayPrefersTheExternalEndpointAndReadsTheAdminKeys() {
        SimulatedObjectGateway.ready("https://s3-openshift-storage.apps.sim-target.example", "AKIAADMIN00000000001",
                "admin-secret-key").installOn(client);
        List<ObjectGateway> found = ObjectGatewayDiscovery.find("mcg", client);
        assertThat(found).hasSize(1);
        ObjectGateway gateway = found.get(0);
        assertThat(gateway.ready()).isTrue();
        assertThat(gateway.problems()).isEmpty();
        assertThat(gateway.recommendedEndpoint()).contains("https://s3-openshift-storage.apps.sim-target.example");
        assertThat(gateway.internalEndpoints()).containsExactly(SimulatedObjectGateway.INTERNAL_ENDPOINT);
        assertThat(gateway.whyEndpoint()).contains("Velero on every cluster");
        assertThat(gateway.adminSecret()).contains("openshift-storage/noobaa-admin");
        assertThat(gateway.adminKeys()).map(S3Keys::accessKeyId).contains("AKIAADMIN00000000001");
        assertThat(gateway.toString()).doesNotContain("admin-secret-key");
    }

    @Test
    void internalOnlyGatewayExplainsTheLimit() {
        SimulatedObjectGateway.ready("unused", "AKIAADMIN00000000001", "k").internalOnly().installOn(client);
        ObjectGateway gateway = ObjectGatewayDiscovery.find("mcg", client).get(0);
        assertThat(gateway.recommendedEndpoint()).contains(SimulatedObjectGateway.INTERNAL_ENDPOINT);
        assertThat(gateway.whyEndpoint()).contains("works only when every cluster's Velero runs on this cluster");
    }

    @Test
    void missingAdminSecretIsAProblem() {
        SimulatedObjectGateway.ready("https://s3.example", "AKIAADMIN00000000001", "k").withoutAdminSecret()
                .installOn(client);
        ObjectGateway gateway = ObjectGatewayDiscovery.find("mcg", client).get(0);
        assertThat(gateway.adminKeys()).isEmpty();
        assertThat(gateway.problems()).containsExactly(
                "the admin Secret openshift-storage/noobaa-admin that its status names does not exist");
    }

    @Test
    void gatewayNotReadyIsAProblem() {
        SimulatedObjectGateway.ready("https://s3.example", "AKIAADMIN00000000001", "k").phase("Configuring")
                .installOn(client);
        ObjectGateway gateway = ObjectGatewayDiscovery.find("mcg", client).get(0);
        assertThat(gateway.ready()).isFalse();
        assertThat(gateway.problems()).singleElement().asString().contains("is Configuring, not Ready");
    }

    @Test
    void boundBucketClaimGivesBucketHostAndKeys() {
        SimulatedObjectGateway.ready("https://s3.example", "AKIAADMIN00000000001", "k").installOn(client);
        ChangePlan plan = BucketClaims.plan("mcg", "openshift-migration", "migration-bucket", "migration");
        assertThat(plan.actions()).extracting(a -> a.kind()).containsExactly(ActionKind.CREATE_IF_ABSENT,
                ActionKind.WAIT_FOR);
        client.genericKubernetesResources(StorageApis.BUCKET_CLAIMS).inNamespace("openshift-migration")
                .resource(plan.actions().get(0).object()).create();
        assertThat(BucketClaims.find("mcg", client)).singleElement()
                .satisfies(c -> assertThat(c.bound()).isFalse());
        // what the bucket provisioner does when it binds the claim
        client.genericKubernetesResources(StorageApis.BUCKET_CLAIMS).inNamespace("openshift-migration")
                .withName("migration-bucket").editStatus(o -> {
                    o.setAdditionalProperty("status", Map.of("phase", "Bound"));
                    return o;
                });
        client.configMaps().inNamespace("openshift-migration").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("migration-bucket").endMetadata().addToData("BUCKET_NAME", "migration-3f2a")
                .addToData("BUCKET_HOST", "s3.openshift-storage.svc").addToData("BUCKET_PORT", "443").build()).create();
        client.secrets().inNamespace("openshift-migration").resource(new SecretBuilder().withNewMetadata()
                .withName("migration-bucket").endMetadata().addToStringData("AWS_ACCESS_KEY_ID", "AKIACLAIM0000000001")
                .addToStringData("AWS_SECRET_ACCESS_KEY", "claim-secret").build()).create();
        BucketClaim claim = BucketClaims.find("mcg", client).get(0);
        assertThat(claim.bound()).isTrue();
        assertThat(claim.problems()).isEmpty();
        assertThat(claim.bucket()).contains("migration-3f2a");
        assertThat(claim.host()).contains("s3.openshift-storage.svc");
        assertThat(claim.port()).contains(443);
        assertThat(claim.keys()).map(S3Keys::accessKeyId).contains("AKIACLAIM0000000001");
    }
}
