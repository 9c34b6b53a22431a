package io.mtcassistant.sim.migration;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the simulated controller compares between the simulated source and the target (control) cluster: resources
 * in the plan's namespaces whose API group/version the target no longer serves (GVKsIncompatible, listed in
 * status.incompatibleNamespaces), and the MTC operator versions the two clusters' migration-cluster-config
 * ConfigMaps carry (ClusterVersionMismatch). A simulation: it looks only for the removed APIs listed here (those of
 * Kubernetes' deprecation guide up to 1.26), not through API discovery as mig-controller does.
 */
final class SourceCompatibility {

    static final String GVKS_INCOMPATIBLE_MESSAGE = "Some namespaces contain GVKs incompatible with destination "
            + "cluster. See: `incompatibleNamespaces` for details.";
    static final String VERSION_MISMATCH_MESSAGE = "Cluster operator versions do not match. Source, destination, "
            + "and host clusters must all have the same MTC operator version.";
    private static final Duration REFRESH = Duration.ofSeconds(3);

    /** An API a 3.x source still serves and a newer target does not, from the Kubernetes minor that removed it. */
    private record RemovedApi(String group, String version, String kind, String plural, int removedInMinor) {
        ResourceDefinitionContext context() {
            return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withPlural(plural)
                    .withKind(kind).withNamespaced(true).build();
        }
    }

    /**
     * The namespaced group/versions Kubernetes removed (its deprecated API migration guide) that a plan's namespaces
     * may still hold on an older source; events are left out, as MTC does not migrate them.
     */
    private static final List<RemovedApi> REMOVED = List.of(
            new RemovedApi("extensions", "v1beta1", "Deployment", "deployments", 16),
            new RemovedApi("extensions", "v1beta1", "DaemonSet", "daemonsets", 16),
            new RemovedApi("extensions", "v1beta1", "ReplicaSet", "replicasets", 16),
            new RemovedApi("extensions", "v1beta1", "NetworkPolicy", "networkpolicies", 16),
            new RemovedApi("apps", "v1beta1", "Deployment", "deployments", 16),
            new RemovedApi("apps", "v1beta1", "StatefulSet", "statefulsets", 16),
            new RemovedApi("apps", "v1beta2", "Deployment", "deployments", 16),
            new RemovedApi("apps", "v1beta2", "StatefulSet", "statefulsets", 16),
            new RemovedApi("apps", "v1beta2", "DaemonSet", "daemonsets", 16),
            new RemovedApi("apps", "v1beta2", "ReplicaSet", "replicasets", 16),
            new RemovedApi("extensions", "v1beta1", "Ingress", "ingresses", 22),
            new RemovedApi("networking.k8s.io", "v1beta1", "Ingress", "ingresses", 22),
            new RemovedApi("rbac.authorization.k8s.io", "v1beta1", "Role", "roles", 22),
            new RemovedApi("rbac.authorization.k8s.io", "v1beta1", "RoleBinding", "rolebindings", 22),
            new RemovedApi("coordination.k8s.io", "v1beta1", "Lease", "leases", 22),
            new RemovedApi("batch", "v1beta1", "CronJob", "cronjobs", 25),
            new RemovedApi("policy", "v1beta1", "PodDisruptionBudget", "poddisruptionbudgets", 25),
            new RemovedApi("discovery.k8s.io", "v1beta1", "EndpointSlice", "endpointslices", 25),
            new RemovedApi("autoscaling", "v2beta1", "HorizontalPodAutoscaler", "horizontalpodautoscalers", 25),
            new RemovedApi("autoscaling", "v2beta2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", 26));

    private final KubernetesClient source;
    private final KubernetesClient control;
    private Integer targetMinor;
    private String versionMismatch;
    private Instant versionsAt;

    SourceCompatibility(KubernetesClient source, KubernetesClient control) {
        this.source = source;
        this.control = control;
    }

    /** status.incompatibleNamespaces for these source namespaces: empty when the target serves all they hold. */
    ArrayNode incompatibleNamespaces(List<String> namespaces) {
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        if (namespaces.isEmpty()) {
            return result;
        }
        int minor = targetMinor();
        // one list per removed API across the source, not one per API and namespace: the check runs for every plan
        java.util.Map<String, ArrayNode> gvksByNamespace = new java.util.LinkedHashMap<>();
        namespaces.forEach(n -> gvksByNamespace.put(n, JsonNodeFactory.instance.arrayNode()));
        for (RemovedApi api : REMOVED) {
            if (minor < api.removedInMinor()) {
                continue;
            }
            java.util.Set<String> holding = new java.util.HashSet<>();
            source.genericKubernetesResources(api.context()).inAnyNamespace().list().getItems()
                    .forEach(o -> holding.add(o.getMetadata().getNamespace()));
            for (String namespace : namespaces) {
                if (holding.contains(namespace)) {
                    // mig-controller names the resource (plural) in the kind field
                    gvksByNamespace.get(namespace).addObject().put("group", api.group()).put("version", api.version())
                            .put("kind", api.plural());
                }
            }
        }
        gvksByNamespace.forEach((namespace, gvks) -> {
            if (!gvks.isEmpty()) {
                ObjectNode entry = result.addObject();
                entry.put("name", namespace);
                entry.set("gvks", gvks);
            }
        });
        return result;
    }

    /** The mismatch message when both clusters say which MTC version they run and the versions differ, else null. */
    synchronized String versionMismatch() {
        Instant now = Instant.now();
        if (versionsAt == null || Duration.between(versionsAt, now).compareTo(REFRESH) >= 0) {
            String sourceVersion = operatorVersion(source);
            String controlVersion = operatorVersion(control);
            versionMismatch = sourceVersion != null && controlVersion != null && !sourceVersion.equals(controlVersion)
                    ? VERSION_MISMATCH_MESSAGE : null;
            versionsAt = now;
        }
        return versionMismatch;
    }

    private static String operatorVersion(KubernetesClient client) {
        ConfigMap config = client.configMaps().inNamespace(MigrationKinds.NAMESPACE)
                .withName("migration-cluster-config").get();
        return config == null || config.getData() == null ? null : config.getData().get("OPERATOR_VERSION");
    }

    private synchronized int targetMinor() {
        if (targetMinor == null) {
            try {
                VersionInfo version = control.getKubernetesVersion();
                targetMinor = Integer.parseInt(version.getMinor().replaceAll("[^0-9]", ""));
            } catch (KubernetesClientException | NumberFormatException | NullPointerException e) {
                // a target that does not say: assume it serves what the source has (no false alarms)
                targetMinor = 0;
            }
        }
        return targetMinor;
    }
}
