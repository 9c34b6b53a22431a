package io.mtcassistant.ui.steps.repository;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mtcassistant.cluster.OpenShiftVersion;
import io.mtcassistant.install.plan.KubeObjects;
import java.util.Optional;

/**
 * The route of a remote cluster's internal image registry, the MigCluster's exposedRegistryPath for direct image
 * migration: on OpenShift 4 the image registry's default route, on OpenShift 3 the docker-registry route in default.
 * Call off the FX thread.
 */
final class RegistryRoute {

    static final String MISSING = "no exposedRegistryPath: direct image migration needs the registry exposed "
            + "(OpenShift 4: defaultRoute: true on configs.imageregistry.operator.openshift.io/cluster; OpenShift 3: "
            + "oc expose service docker-registry -n default), then Register again";

    private RegistryRoute() {
    }

    static Optional<String> host(KubernetesClient remote, OpenShiftVersion version) {
        boolean four = version.isAtLeast(4, 0);
        try {
            GenericKubernetesResource route = remote.genericKubernetesResources("route.openshift.io/v1", "Route")
                    .inNamespace(four ? "openshift-image-registry" : "default")
                    .withName(four ? "default-route" : "docker-registry").get();
            return route == null ? Optional.empty() : KubeObjects.valueAt(route, "spec.host");
        } catch (KubernetesClientException e) {
            // no Route API or no right to read it: registered without direct image migration, and told so
            return Optional.empty();
        }
    }
}
