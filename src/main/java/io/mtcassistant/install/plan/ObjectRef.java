package io.mtcassistant.install.plan;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** Which object an action is about; {@code namespace} is null for cluster-scoped objects. */
public record ObjectRef(String apiVersion, String kind, String namespace, String name) {

    public static ObjectRef of(HasMetadata object) {
        return new ObjectRef(object.getApiVersion(), object.getKind(), object.getMetadata().getNamespace(),
                object.getMetadata().getName());
    }

    /** The object as the cluster has it now; null when it is not there. */
    public io.fabric8.kubernetes.api.model.GenericKubernetesResource live(io.fabric8.kubernetes.client.KubernetesClient client) {
        var operation = client.genericKubernetesResources(apiVersion, kind);
        return namespace == null ? operation.withName(name).get() : operation.inNamespace(namespace).withName(name).get();
    }

    /** The API group, empty for the core group. */
    public String group() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** "Subscription openshift-migration/mtc-operator" */
    @Override
    public String toString() {
        return kind + " " + (namespace == null ? "" : namespace + "/") + name;
    }
}
