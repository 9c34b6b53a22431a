package io.mtcassistant.compat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.openshift.api.model.config.v1.ClusterVersion;
import io.fabric8.openshift.api.model.config.v1.ImageDigestMirrorSetBuilder;
import io.fabric8.openshift.api.model.config.v1.OperatorHubBuilder;
import io.fabric8.openshift.api.model.config.v1.ProxyBuilder;
import io.fabric8.openshift.api.model.operator.v1alpha1.ImageContentSourcePolicyBuilder;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.ClusterServiceVersionBuilder;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.SubscriptionBuilder;
import io.mtcassistant.cluster.ClusterFacts;
import io.mtcassistant.cluster.PlatformClass;
import io.mtcassistant.sim.SimulatedCluster;
import io.mtcassistant.sim.SimulatedPlatform;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Puts MTC and restricted-network objects into a simulated cluster through its public API (its internal admin
 * client and registerResource), for the compatibility tests. A simulation: nothing reconciles these objects.
 */
final class SimulatedMtcSeeds {

    private final SimulatedCluster cluster;

    SimulatedMtcSeeds(SimulatedCluster cluster) {
        this.cluster = cluster;
        cluster.registerResource(new CustomResourceDefinitionContext.Builder().withGroup("migration.openshift.io")
                .withVersion("v1alpha1").withKind("MigrationController").withPlural("migrationcontrollers")
                .withScope("Namespaced").withName("migrationcontrollers.migration.openshift.io").build());
    }

    SimulatedMtcSeeds migrationNamespace() {
        try (KubernetesClient client = cluster.client()) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ClusterInventoryProbe.NAMESPACE)
                    .endMetadata().build()).create();
        }
        return this;
    }

    /** A MigrationController as the operator leaves it: spec.version written back by the operator. */
    SimulatedMtcSeeds migrationController(String version) {
        GenericKubernetesResource controller = new GenericKubernetesResourceBuilder()
                .withApiVersion("migration.openshift.io/v1alpha1").withKind("MigrationController")
                .withNewMetadata().withName("migration-controller").withNamespace(ClusterInventoryProbe.NAMESPACE).endMetadata()
                .addToAdditionalProperties("spec", Map.of("version", version, "migration_velero", true,
                        "migration_controller", true, "migration_ui", true, "cluster_name", "host"))
                .build();
        try (KubernetesClient client = cluster.client()) {
            client.genericKubernetesResources(ClusterInventoryProbe.MIGRATION_CONTROLLER)
                    .inNamespace(ClusterInventoryProbe.NAMESPACE).resource(controller).create();
            client.configMaps().inNamespace(ClusterInventoryProbe.NAMESPACE).resource(new ConfigMapBuilder().withNewMetadata()
                    .withName("migration-cluster-config").endMetadata().addToData("OPERATOR_VERSION", version).build()).create();
        }
        return this;
    }

    /** The OLM objects of an MTC install on channel release-vX.Y, plus the OADP Subscription OLM adds beside it. */
    SimulatedMtcSeeds olmInstall(String version) {
        String minor = version.replaceAll("^(\\d+\\.\\d+).*", "$1");
        try (KubernetesClient client = cluster.client()) {
            client.resource(new SubscriptionBuilder().withNewMetadata().withName("mtc-operator")
                    .withNamespace(ClusterInventoryProbe.NAMESPACE).endMetadata()
                    .withNewSpec().withName("mtc-operator").withChannel("release-v" + minor).withSource("redhat-operators")
                    .withSourceNamespace("openshift-marketplace").endSpec()
                    .withNewStatus().withInstalledCSV("mtc-operator.v" + version).withState("AtLatestKnown").endStatus()
                    .build()).create();
            client.resource(new SubscriptionBuilder().withNewMetadata().withName("redhat-oadp-operator-stable-1.0")
                    .withNamespace(ClusterInventoryProbe.NAMESPACE).endMetadata()
                    .withNewSpec().withName("redhat-oadp-operator").withChannel("stable-1.0").withSource("redhat-operators")
                    .endSpec().build()).create();
            client.resource(new ClusterServiceVersionBuilder().withNewMetadata().withName("mtc-operator.v" + version)
                    .withNamespace(ClusterInventoryProbe.NAMESPACE).endMetadata()
                    .withNewSpec().withVersion(version).withDisplayName("Migration Toolkit for Containers Operator").endSpec()
                    .withNewStatus().withPhase("Succeeded").endStatus().build()).create();
        }
        return this;
    }

    SimulatedMtcSeeds operatorHub(boolean disableAllDefaultSources) {
        try (KubernetesClient client = cluster.client()) {
            client.resource(new OperatorHubBuilder().withNewMetadata().withName("cluster").endMetadata()
                    .withNewSpec().withDisableAllDefaultSources(disableAllDefaultSources).endSpec().build())
                    .createOr(io.fabric8.kubernetes.client.dsl.NonDeletingOperation::update);
        }
        return this;
    }

    /** The simulation seeds OperatorHub "cluster" as OpenShift 4 has it; this takes it away. */
    SimulatedMtcSeeds noOperatorHub() {
        try (KubernetesClient client = cluster.client()) {
            client.resources(io.fabric8.openshift.api.model.config.v1.OperatorHub.class).withName("cluster").delete();
        }
        return this;
    }

    SimulatedMtcSeeds proxy(String httpProxy, String httpsProxy, String noProxy) {
        try (KubernetesClient client = cluster.client()) {
            client.resource(new ProxyBuilder().withNewMetadata().withName("cluster").endMetadata()
                    .withNewSpec().withHttpProxy(httpProxy).withHttpsProxy(httpsProxy).withNoProxy(noProxy).endSpec()
                    .build()).create();
        }
        return this;
    }

    SimulatedMtcSeeds imageContentSourcePolicy(String name, String source, String mirror) {
        try (KubernetesClient client = cluster.client()) {
            client.resource(new ImageContentSourcePolicyBuilder().withNewMetadata().withName(name).endMetadata()
                    .withNewSpec().addNewRepositoryDigestMirror().withSource(source).withMirrors(mirror)
                    .endRepositoryDigestMirror().endSpec().build()).create();
        }
        return this;
    }

    SimulatedMtcSeeds imageDigestMirrorSet(String name, String source, String mirror) {
        try (KubernetesClient client = cluster.client()) {
            client.resource(new ImageDigestMirrorSetBuilder().withNewMetadata().withName(name).endMetadata()
                    .withNewSpec().addNewImageDigestMirror().withSource(source).withMirrors(mirror).endImageDigestMirror()
                    .endSpec().build()).create();
        }
        return this;
    }

    /** A client as the cluster's kubeconfig user (not the simulation's internal admin). */
    static KubernetesClient userClient(SimulatedCluster cluster) {
        String ca = Base64.getEncoder().encodeToString(cluster.caCertificatePem().getBytes(StandardCharsets.US_ASCII));
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl(cluster.url()).withCaCertData(ca)
                .withOauthToken(cluster.user().token()).withRequestRetryBackoffLimit(0).withHttp2Disable(true).build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    /**
     * The facts the Clusters step reports, read the same way (versions, ClusterVersion, SelfSubjectAccessReview), so
     * these tests do not depend on the connector.
     */
    static ClusterFacts facts(SimulatedCluster cluster, KubernetesClient client) {
        SimulatedPlatform platform = cluster.platform();
        String openshift = null;
        if (platform.kind() == SimulatedPlatform.Kind.OPENSHIFT_4) {
            ClusterVersion version = client.resources(ClusterVersion.class).withName("version").get();
            openshift = version.getStatus().getHistory().stream().filter(h -> "Completed".equals(h.getState()))
                    .findFirst().orElseThrow().getVersion();
        } else if (platform.kind() == SimulatedPlatform.Kind.OPENSHIFT_3) {
            openshift = platform.openshiftVersion();
        }
        boolean admin = client.authorization().v1().selfSubjectAccessReview().create(new SelfSubjectAccessReviewBuilder()
                .withNewSpec().withNewResourceAttributes().withVerb("*").withGroup("*").withResource("*")
                .endResourceAttributes().endSpec().build()).getStatus().getAllowed();
        PlatformClass platformClass = openshift == null ? PlatformClass.NOT_OPENSHIFT
                : OpenShiftVersion.of(openshift).isBefore(OpenShiftVersion.of("4.6")) ? PlatformClass.LEGACY : PlatformClass.MODERN;
        return new ClusterFacts(cluster.name(), cluster.url(), client.getKubernetesVersion().getGitVersion(), openshift,
                platform.kind() == SimulatedPlatform.Kind.OPENSHIFT_4 ? openshift : null, platformClass,
                cluster.user().name(), admin);
    }
}
