package io.mtcassistant.sim;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import java.util.ArrayList;
import java.util.List;

/** Discovery data of the simulation: the core v1 resources and the API groups each platform serves. */
final class CoreResources {

    private static final List<String[]> CORE = List.of(
            // plural, kind, namespaced, short name
            new String[] {"namespaces", "Namespace", "false", "ns"},
            new String[] {"nodes", "Node", "false", "no"},
            new String[] {"persistentvolumes", "PersistentVolume", "false", "pv"},
            new String[] {"pods", "Pod", "true", "po"},
            new String[] {"services", "Service", "true", "svc"},
            new String[] {"secrets", "Secret", "true", ""},
            new String[] {"configmaps", "ConfigMap", "true", "cm"},
            new String[] {"serviceaccounts", "ServiceAccount", "true", "sa"},
            new String[] {"persistentvolumeclaims", "PersistentVolumeClaim", "true", "pvc"},
            new String[] {"events", "Event", "true", "ev"},
            new String[] {"endpoints", "Endpoints", "true", "ep"});

    private CoreResources() {
    }

    static APIResourceList list() {
        List<APIResource> resources = new ArrayList<>();
        for (String[] r : CORE) {
            APIResourceBuilder resource = new APIResourceBuilder().withName(r[0]).withKind(r[1])
                    .withNamespaced(Boolean.parseBoolean(r[2])).withSingularName("")
                    .withVerbs("create", "delete", "get", "list", "patch", "update", "watch");
            if (!r[3].isEmpty()) {
                resource.withShortNames(r[3]);
            }
            resources.add(resource.build());
        }
        return new APIResourceListBuilder().withGroupVersion("v1").withResources(resources).build();
    }

    /** The resources of the API groups the app touches, as the given platform serves them. */
    static List<CustomResourceDefinitionContext> builtIn(SimulatedPlatform platform) {
        List<CustomResourceDefinitionContext> list = new ArrayList<>();
        list.add(cluster("authorization.k8s.io", "v1", "SelfSubjectAccessReview", "selfsubjectaccessreviews"));
        list.add(cluster("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles"));
        list.add(cluster("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings"));
        list.add(namespaced("rbac.authorization.k8s.io", "v1", "Role", "roles"));
        list.add(namespaced("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings"));
        list.add(namespaced("apps", "v1", "Deployment", "deployments"));
        list.add(namespaced("apps", "v1", "StatefulSet", "statefulsets"));
        list.add(namespaced("apps", "v1", "DaemonSet", "daemonsets"));
        list.add(namespaced("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies"));
        list.add(namespaced("batch", "v1", "Job", "jobs"));
        list.add(cluster("storage.k8s.io", "v1", "StorageClass", "storageclasses"));
        boolean oldApiServer = platform.kind() == SimulatedPlatform.Kind.OPENSHIFT_3;
        list.add(cluster("apiextensions.k8s.io", oldApiServer ? "v1beta1" : "v1", "CustomResourceDefinition",
                "customresourcedefinitions"));
        if (!platform.isOpenShift()) {
            list.add(cluster("authentication.k8s.io", "v1", "SelfSubjectReview", "selfsubjectreviews"));
            return list;
        }
        list.add(cluster("user.openshift.io", "v1", "User", "users"));
        list.add(cluster("project.openshift.io", "v1", "Project", "projects"));
        list.add(namespaced("route.openshift.io", "v1", "Route", "routes"));
        list.add(namespaced("apps.openshift.io", "v1", "DeploymentConfig", "deploymentconfigs"));
        list.add(namespaced("image.openshift.io", "v1", "ImageStream", "imagestreams"));
        list.add(cluster("security.openshift.io", "v1", "SecurityContextConstraints", "securitycontextconstraints"));
        if (oldApiServer) {
            list.add(namespaced("network.openshift.io", "v1", "EgressNetworkPolicy", "egressnetworkpolicies"));
            return list;
        }
        // without a status subresource, so the simulation can seed its status in one write
        list.add(context("config.openshift.io", "v1", "ClusterVersion", "clusterversions", "Cluster", false));
        list.add(cluster("config.openshift.io", "v1", "Infrastructure", "infrastructures"));
        list.add(cluster("config.openshift.io", "v1", "Proxy", "proxies"));
        // OVN-Kubernetes, the default network plugin from 4.12
        list.add(namespaced("k8s.ovn.org", "v1", "EgressFirewall", "egressfirewalls"));
        list.add(cluster("config.openshift.io", "v1", "OperatorHub", "operatorhubs"));
        list.add(cluster("config.openshift.io", "v1", "ImageDigestMirrorSet", "imagedigestmirrorsets"));
        list.add(cluster("operator.openshift.io", "v1alpha1", "ImageContentSourcePolicy", "imagecontentsourcepolicies"));
        list.add(namespaced("operators.coreos.com", "v1alpha1", "Subscription", "subscriptions"));
        list.add(namespaced("operators.coreos.com", "v1alpha1", "CatalogSource", "catalogsources"));
        list.add(namespaced("operators.coreos.com", "v1alpha1", "ClusterServiceVersion", "clusterserviceversions"));
        list.add(namespaced("operators.coreos.com", "v1alpha1", "InstallPlan", "installplans"));
        list.add(namespaced("operators.coreos.com", "v1", "OperatorGroup", "operatorgroups"));
        list.add(namespaced("packages.operators.coreos.com", "v1", "PackageManifest", "packagemanifests"));
        return list;
    }

    private static CustomResourceDefinitionContext cluster(String group, String version, String kind, String plural) {
        return context(group, version, kind, plural, "Cluster", true);
    }

    private static CustomResourceDefinitionContext namespaced(String group, String version, String kind, String plural) {
        return context(group, version, kind, plural, "Namespaced", true);
    }

    private static CustomResourceDefinitionContext context(String group, String version, String kind, String plural,
            String scope, boolean statusSubresource) {
        return new CustomResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
                .withPlural(plural).withScope(scope).withName(plural + "." + group)
                .withStatusSubresource(statusSubresource).build();
    }
}
