package io.mtcassistant.sim.olm;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The image registry operator's default route on OpenShift 4: while configs.imageregistry.operator.openshift.io
 * "cluster" says spec.defaultRoute true, the Route default-route in openshift-image-registry exists (host
 * default-route-openshift-image-registry.apps.CLUSTER.example); when it says false, the route goes. Nothing else of
 * the operator is simulated (no registry pods, storage or pull-through).
 */
final class ImageRegistryOperator implements Reconciler {

    static final String NAMESPACE = "openshift-image-registry";
    static final String ROUTE = "default-route";

    static ObjectNode config() {
        ObjectNode config = Api.named("cluster", null);
        config.putObject("spec").put("managementState", "Managed").put("defaultRoute", false);
        return config;
    }

    @Override
    public void reconcile(Pass pass) {
        ObjectNode config = pass.api.get(Api.IMAGE_REGISTRY_CONFIG, null, "cluster");
        if (config == null) {
            return;
        }
        boolean wanted = config.path("spec").path("defaultRoute").asBoolean(false);
        ObjectNode route = pass.api.get(Api.ROUTE, NAMESPACE, ROUTE);
        if (wanted && route == null) {
            ObjectNode created = Api.named(ROUTE, NAMESPACE);
            ObjectNode spec = created.putObject("spec");
            spec.put("host", ROUTE + "-" + NAMESPACE + ".apps." + pass.clusterName + ".example");
            spec.putObject("to").put("kind", "Service").put("name", "image-registry");
            spec.putObject("tls").put("termination", "reencrypt");
            pass.api.create(Api.ROUTE, created);
        } else if (!wanted && route != null) {
            pass.api.delete(Api.ROUTE, route);
        }
    }
}
