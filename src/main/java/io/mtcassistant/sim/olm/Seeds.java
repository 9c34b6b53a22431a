package io.mtcassistant.sim.olm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mtcassistant.sim.SimulatedPlatform;

/**
 * What an OpenShift 4 cluster has before anyone installs anything: OLM's namespaces, OperatorHub, pools, the image
 * registry's config (no default route).
 */
final class Seeds {

    private final Api api;
    private final SimulatedPlatform platform;
    private final String clusterName;

    Seeds(Api api, SimulatedPlatform platform, String clusterName) {
        this.api = api;
        this.platform = platform;
        this.clusterName = clusterName;
    }

    void seed() {
        if (platform.kind() != SimulatedPlatform.Kind.OPENSHIFT_4) {
            return;
        }
        for (String namespace : new String[] {Api.MARKETPLACE_NAMESPACE, "openshift-operator-lifecycle-manager",
                "openshift-machine-config-operator", ImageRegistryOperator.NAMESPACE}) {
            createIfAbsent(NAMESPACE, Api.named(namespace, null));
        }
        ObjectNode hub = Api.named("cluster", null);
        hub.putObject("spec");
        createIfAbsent(Api.OPERATOR_HUB, hub);
        OperatorHubSources.defaults(minor()).forEach(source -> createIfAbsent(Api.CATALOG_SOURCE, source));
        createIfAbsent(Api.IMAGE_REGISTRY_CONFIG, ImageRegistryOperator.config());
        for (String pool : new String[] {"master", "worker"}) {
            createIfAbsent(Api.MACHINE_CONFIG_POOL, MachineConfigPools.pool(pool, "0"));
        }
    }

    private String minor() {
        String[] parts = platform.openshiftVersion().split("\\.");
        return parts[0] + "." + (parts.length > 1 ? parts[1] : "0");
    }

    private void createIfAbsent(io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext kind, ObjectNode object) {
        try {
            api.create(kind, object);
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw new IllegalStateException("seeding " + kind.getKind() + " " + Api.name(object) + " on "
                        + clusterName + " failed: " + e.getMessage(), e);
            }
        }
    }

    private static final io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext NAMESPACE =
            new io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext.Builder().withGroup("")
                    .withVersion("v1").withKind("Namespace").withPlural("namespaces").withNamespaced(false).build();
}
