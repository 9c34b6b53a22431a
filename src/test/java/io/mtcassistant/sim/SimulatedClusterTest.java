package io.mtcassistant.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.openshift.api.model.config.v1.ClusterVersion;
import org.junit.jupiter.api.Test;

class SimulatedClusterTest {

    private static KubernetesClient clientAs(SimulatedCluster cluster, String token) {
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl(cluster.url())
                .withCaCertData(cluster.caCertificateBase64()).withOauthToken(token)
                .withRequestRetryBackoffLimit(0).build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    private static boolean admin(KubernetesClient client) {
        SelfSubjectAccessReview review = client.authorization().v1().selfSubjectAccessReview()
                .create(new SelfSubjectAccessReviewBuilder().withNewSpec().withNewResourceAttributes().withVerb("*")
                        .withGroup("*").withResource("*").endResourceAttributes().endSpec().build());
        return review.getStatus().getAllowed();
    }

    @Test
    void openShift4AnswersVersionsIdentityAndAccessReviews() {
        try (SimulatedCluster cluster = SimulatedCluster.builder().openShift4("4.12.45").start();
                KubernetesClient client = clientAs(cluster, cluster.user().token())) {
            assertThat(client.getKubernetesVersion().getGitVersion()).isEqualTo("v1.25.0+sim");
            ClusterVersion version = client.resources(ClusterVersion.class).withName("version").get();
            assertThat(version.getStatus().getDesired().getVersion()).isEqualTo("4.12.45");
            assertThat(admin(client)).isTrue();
            assertThat(client.raw(cluster.url() + "/apis/user.openshift.io/v1/users/~")).contains("kube:admin");
            assertThat(client.hasApiGroup("config.openshift.io", false)).isTrue();
            assertThat(client.raw(cluster.url() + "/version/openshift")).isNull();
            assertThat(client.namespaces().withName("openshift-config").get()).isNotNull();
        }
    }

    @Test
    void openShift3ServesVersionOpenShiftAndNoClusterVersion() {
        try (SimulatedCluster cluster = SimulatedCluster.builder().openShift3("3.11.784").start();
                KubernetesClient client = clientAs(cluster, cluster.user().token())) {
            assertThat(client.getKubernetesVersion().getMinor()).isEqualTo("11+");
            assertThat(client.raw(cluster.url() + "/version/openshift")).contains("v3.11.784");
            assertThat(client.hasApiGroup("config.openshift.io", false)).isFalse();
            assertThat(client.hasApiGroup("project.openshift.io", false)).isTrue();
        }
    }

    @Test
    void nonAdminUserIsDeniedTheWildcardReview() {
        try (SimulatedCluster cluster = SimulatedCluster.builder().kubernetes("v1.29.2").admin(false)
                .userName("developer").start();
                KubernetesClient client = clientAs(cluster, cluster.user().token())) {
            assertThat(admin(client)).isFalse();
        }
    }

    @Test
    void nonAdminUserIsForbiddenToWriteClusterObjectsAndPlatformNamespaces() {
        try (SimulatedCluster cluster = SimulatedCluster.builder().openShift4("4.14.10").admin(false)
                .userName("developer").start();
                KubernetesClient client = clientAs(cluster, cluster.user().token())) {
            assertThatThrownBy(() -> client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                    .withNewMetadata().withName("openshift-migration").endMetadata().build()).create())
                    .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                        assertThat(e.getCode()).isEqualTo(403);
                        assertThat(e.getMessage()).contains("namespaces is forbidden: User \"developer\" cannot create"
                                + " resource \"namespaces\" in API group \"\" at the cluster scope");
                    });
            assertThatThrownBy(() -> client.configMaps().inNamespace("openshift-config").resource(
                    new io.fabric8.kubernetes.api.model.ConfigMapBuilder().withNewMetadata().withName("x").endMetadata()
                            .build()).create())
                    .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getMessage())
                            .contains("in the namespace \"openshift-config\""));
            assertThat(client.configMaps().inNamespace("default").resource(new io.fabric8.kubernetes.api.model
                    .ConfigMapBuilder().withNewMetadata().withName("mine").endMetadata().build()).create()).isNotNull();
        }
    }

    @Test
    void unknownTokenIsRejectedWith401AndAnonymousWith403() {
        try (SimulatedCluster cluster = SimulatedCluster.builder().start();
                KubernetesClient wrong = clientAs(cluster, "sha256~not-a-token");
                KubernetesClient anonymous = clientAs(cluster, null)) {
            assertThatThrownBy(() -> wrong.namespaces().list()).isInstanceOfSatisfying(KubernetesClientException.class,
                    e -> assertThat(e.getCode()).isEqualTo(401));
            assertThatThrownBy(() -> anonymous.namespaces().list())
                    .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
        }
    }

    @Test
    void customResourcesCanBeRegisteredAndStored() {
        try (SimulatedCluster cluster = SimulatedCluster.builder().start(); KubernetesClient client = cluster.client()) {
            ResourceDefinitionContext context = new ResourceDefinitionContext.Builder().withGroup("example.io")
                    .withVersion("v1").withKind("Widget").withPlural("widgets").withNamespaced(true).build();
            cluster.registerResource(new io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext.Builder()
                    .withGroup("example.io").withVersion("v1").withKind("Widget").withPlural("widgets")
                    .withScope("Namespaced").build());
            GenericKubernetesResource widget = new GenericKubernetesResourceBuilder().withApiVersion("example.io/v1")
                    .withKind("Widget").withNewMetadata().withName("w1").withNamespace("default").endMetadata().build();
            client.genericKubernetesResources(context).inNamespace("default").resource(widget).create();
            assertThat(client.genericKubernetesResources("example.io/v1", "Widget").inNamespace("default").list()
                    .getItems()).extracting(r -> r.getMetadata().getName()).containsExactly("w1");
            assertThat(client.hasApiGroup("example.io", false)).isTrue();
        }
    }

    @Test
    void aPostedCustomResourceDefinitionBecomesDiscoverable() {
        try (SimulatedCluster cluster = SimulatedCluster.builder().start(); KubernetesClient client = cluster.client()) {
            client.apiextensions().v1().customResourceDefinitions().resource(
                    new io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder()
                            .withNewMetadata().withName("things.example.org").endMetadata()
                            .withNewSpec().withGroup("example.org").withScope("Namespaced")
                            .withNewNames().withKind("Thing").withPlural("things").withSingular("thing").endNames()
                            .addNewVersion().withName("v1").withServed(true).withStorage(true)
                            .withNewSubresources().withNewStatus().endStatus().endSubresources().endVersion()
                            .endSpec().build()).create();
            assertThat(client.hasApiGroup("example.org", false)).isTrue();
            assertThat(client.raw(cluster.url() + "/apis/example.org/v1")).contains("\"kind\":\"APIResourceList\"")
                    .contains("\"name\":\"things\"").contains("things/status");
            client.genericKubernetesResources("example.org/v1", "Thing").inNamespace("default")
                    .resource(new GenericKubernetesResourceBuilder().withApiVersion("example.org/v1").withKind("Thing")
                            .withNewMetadata().withName("t1").withNamespace("default").endMetadata().build())
                    .create();
            assertThat(client.genericKubernetesResources("example.org/v1", "Thing").inNamespace("default").list()
                    .getItems()).hasSize(1);
        }
    }
}
