package io.mtcassistant.registration;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mtcassistant.cluster.OpenShiftVersion;
import io.mtcassistant.install.plan.ChangeAction;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.install.plan.KubeObjects;
import io.mtcassistant.install.plan.ObjectRef;
import io.mtcassistant.install.plan.WaitCondition;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The route of a remote cluster's internal image registry, which a MigCluster names as exposedRegistryPath for
 * direct image migration: on OpenShift 4 the image registry operator's default route (made only once
 * {@code configs.imageregistry.operator.openshift.io/cluster} says {@code spec.defaultRoute: true}), on OpenShift 3
 * the docker-registry route in default. On OpenShift 4 a plan can turn the default route on.
 */
public final class RegistryExposure {

    public static final String REGISTRY_CONFIG_API = "imageregistry.operator.openshift.io/v1";
    public static final String REGISTRY_CONFIG_KIND = "Config";
    public static final String REGISTRY_NAMESPACE = "openshift-image-registry";
    public static final String DEFAULT_ROUTE = "default-route";

    /** Why the default route is worth turning on, for the plan and for the offer. */
    public static final String WHY = "direct image migration copies images straight from the source registry into "
            + "this one through its route (exposedRegistryPath); the image registry operator publishes that route "
            + "only when defaultRoute is true. Without it, images go through the replication repository (indirect), "
            + "slower and with twice the storage";

    private RegistryExposure() {
    }

    /** The registry route's host, when the remote has one and this client may read it. Call off the FX thread. */
    public static Optional<String> routeHost(KubernetesClient remote, OpenShiftVersion version) {
        boolean four = version.isAtLeast(4, 0);
        try {
            GenericKubernetesResource route = remote.genericKubernetesResources("route.openshift.io/v1", "Route")
                    .inNamespace(four ? REGISTRY_NAMESPACE : "default")
                    .withName(four ? DEFAULT_ROUTE : "docker-registry").get();
            return route == null ? Optional.empty() : KubeObjects.valueAt(route, "spec.host");
        } catch (KubernetesClientException e) {
            // no Route API or no right to read it: registered without direct image migration, and told so
            return Optional.empty();
        }
    }

    /** What to do about a missing route on this version: the offer on OpenShift 4, the oc command on 3. */
    public static String missing(String cluster, OpenShiftVersion version, String howToAccept) {
        if (version.isAtLeast(4, 0)) {
            return "no exposedRegistryPath: the image registry on " + cluster + " has no default route; " + WHY
                    + ". " + howToAccept + " (patches configs.imageregistry.operator.openshift.io/cluster "
                    + "spec.defaultRoute=true on " + cluster + ")";
        }
        return "no exposedRegistryPath: direct image migration needs the registry exposed (oc expose service "
                + "docker-registry -n default on " + cluster + "), then register again";
    }

    /**
     * The plan for the remote cluster (OpenShift 4): defaultRoute true on the image registry's config, then the wait
     * for the route the operator makes.
     */
    public static ChangePlan enableDefaultRoute(String cluster, Duration timeout) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", REGISTRY_CONFIG_API);
        object.put("kind", REGISTRY_CONFIG_KIND);
        object.put("metadata", Map.of("name", "cluster"));
        object.put("spec", Map.of("defaultRoute", true));
        GenericKubernetesResource config = KubeObjects.generic(object);
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("apiVersion", "route.openshift.io/v1");
        route.put("kind", "Route");
        route.put("metadata", Map.of("name", DEFAULT_ROUTE, "namespace", REGISTRY_NAMESPACE));
        return ChangePlan.builder(cluster, "Expose the image registry of " + cluster + " (default route)")
                .add(ChangeAction.mergePatch(config, WHY))
                .add(ChangeAction.waitFor(ObjectRef.of(KubeObjects.generic(route)), new WaitCondition(
                        "metadata.name", List.of(DEFAULT_ROUTE), List.of(), null, timeout),
                        "the operator makes the route; its host becomes the MigCluster's exposedRegistryPath"))
                .build();
    }
}
