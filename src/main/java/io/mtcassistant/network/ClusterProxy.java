package io.mtcassistant.network;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mtcassistant.cluster.OpenShiftVersion;
import io.mtcassistant.common.SecretMasker;
import io.mtcassistant.install.plan.KubeObjects;

/**
 * The cluster-wide proxy that MTC inherits on OpenShift 4.2+ ({@code proxy.config.openshift.io/cluster}; OLM puts it
 * into the operator pod's environment). OpenShift 3 and 4.1 and earlier have no such object: there the
 * MigrationController's fields are the only way to give MTC a proxy (procedure 7.4).
 *
 * @param exists     whether the cluster has a cluster-wide proxy object
 * @param httpProxy  status (what is in effect) or else spec, masked; "" when unset
 * @param httpsProxy likewise
 * @param noProxy    likewise; status includes the entries OpenShift adds itself
 * @param trustedCa  the ConfigMap in openshift-config with the proxy's CA bundle; ""
 * @param note       what this means for MTC
 */
public record ClusterProxy(boolean exists, String httpProxy, String httpsProxy, String noProxy, String trustedCa,
        String note) {

    public static final String API_VERSION = "config.openshift.io/v1";

    public static ClusterProxy read(KubernetesClient client, String openshiftVersion) {
        OpenShiftVersion version = openshiftVersion == null ? null : OpenShiftVersion.parse(openshiftVersion).orElse(null);
        if (version != null && !version.isAtLeast(4, 2)) {
            return none("OpenShift " + version.majorMinor() + " has no cluster-wide proxy object: the MigrationController's"
                    + " http_proxy / https_proxy / no_proxy are the only way to give MTC a proxy");
        }
        GenericKubernetesResource proxy;
        try {
            proxy = client.genericKubernetesResources(API_VERSION, "Proxy").withName("cluster").get();
        } catch (KubernetesClientException e) {
            return none("proxy/cluster cannot be read (" + SecretMasker.mask(e.getMessage()) + ")");
        }
        if (proxy == null) {
            return none("This cluster has no proxy/cluster object; set the MigrationController fields if MTC needs a proxy");
        }
        String http = field(proxy, "httpProxy");
        String https = field(proxy, "httpsProxy");
        String no = field(proxy, "noProxy");
        String ca = KubeObjects.valueAt(proxy, "spec.trustedCA.name").orElse("");
        String note = http.isEmpty() && https.isEmpty()
                ? "The cluster-wide proxy is empty: MTC connects directly unless the MigrationController sets a proxy"
                : "MTC inherits this cluster-wide proxy; the MigrationController fields override it";
        return new ClusterProxy(true, SecretMasker.mask(http), SecretMasker.mask(https), no, ca, note);
    }

    private static ClusterProxy none(String note) {
        return new ClusterProxy(false, "", "", "", "", note);
    }

    private static String field(GenericKubernetesResource proxy, String name) {
        return KubeObjects.valueAt(proxy, "status." + name).filter(v -> !v.isEmpty())
                .or(() -> KubeObjects.valueAt(proxy, "spec." + name)).orElse("");
    }
}
