package io.mtcassistant.install;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mtcassistant.install.plan.ChangeAction;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.install.plan.KubeObjects;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Uninstall (procedure 7.6), found on the cluster by the procedure's own selectors: the MigrationController resources,
 * on OLM clusters the Subscription and CSV, CRDs whose names contain {@code migration.openshift.io} or {@code velero},
 * cluster roles and bindings whose names contain {@code migration.openshift.io}, {@code velero} or are
 * {@code migration-operator}. Deleting happens only through the plan this returns, after the admin typed the name.
 */
public final class UninstallPlanner {

    public static final String VELERO_WARNING = "Deleting the velero CRDs removes Velero from the cluster, and with it every"
            + " Velero backup and restore object (including those of OADP or other tools using Velero).";

    private UninstallPlanner() {
    }

    public static ChangePlan plan(String cluster, KubernetesClient client) {
        ChangePlan.Builder plan = ChangePlan.builder(cluster, "Uninstall MTC (procedure 7.6)");
        plan.note(VELERO_WARNING);
        String ns = MigrationControllers.NAMESPACE;
        for (GenericKubernetesResource mc : list(client, MigrationControllers.API_VERSION, MigrationControllers.KIND, ns)) {
            plan.add(ChangeAction.delete(identity(mc), "the MigrationController: the operator removes what it deployed"));
        }
        for (GenericKubernetesResource sub : list(client, "operators.coreos.com/v1alpha1", "Subscription", ns)) {
            if (OlmInstallRequest.PACKAGE.equals(KubeObjects.valueAt(sub, "spec.name").orElse(""))) {
                plan.add(ChangeAction.delete(identity(sub), "OLM stops managing MTC"));
            }
        }
        for (GenericKubernetesResource csv : list(client, "operators.coreos.com/v1alpha1", "ClusterServiceVersion", ns)) {
            if (csv.getMetadata().getName().startsWith(OlmInstallRequest.PACKAGE + ".")) {
                plan.add(ChangeAction.delete(identity(csv), "removes the MTC operator"));
            }
        }
        addMatching(plan, list(client, "apiextensions.k8s.io/v1", "CustomResourceDefinition", null),
                name -> name.contains("migration.openshift.io"), "an MTC CRD (its objects go with it)");
        addMatching(plan, list(client, "apiextensions.k8s.io/v1", "CustomResourceDefinition", null),
                name -> name.contains("velero"), "a Velero CRD: removes Velero and its backups from the cluster");
        addMatching(plan, list(client, "rbac.authorization.k8s.io/v1", "ClusterRole", null),
                name -> name.contains("migration.openshift.io") || name.contains("velero") || name.equals("migration-operator"),
                "an MTC or Velero cluster role");
        addMatching(plan, list(client, "rbac.authorization.k8s.io/v1", "ClusterRoleBinding", null),
                name -> name.contains("migration.openshift.io") || name.contains("velero") || name.equals("migration-operator"),
                "an MTC or Velero cluster role binding");
        return plan.build();
    }

    /** The plan's objects as "Kind name" lines: exactly what will be deleted. */
    public static List<String> deletions(ChangePlan plan) {
        return plan.actions().stream().map(a -> a.target().toString()).toList();
    }

    private static void addMatching(ChangePlan.Builder plan, List<GenericKubernetesResource> objects, Predicate<String> name,
            String reason) {
        for (GenericKubernetesResource object : objects) {
            if (name.test(object.getMetadata().getName())) {
                plan.add(ChangeAction.delete(identity(object), reason));
            }
        }
    }

    private static List<GenericKubernetesResource> list(KubernetesClient client, String apiVersion, String kind, String ns) {
        try {
            var operation = client.genericKubernetesResources(apiVersion, kind);
            return new ArrayList<>(ns == null ? operation.list().getItems() : operation.inNamespace(ns).list().getItems());
        } catch (KubernetesClientException e) {
            boolean notServed = e.getCode() == 404 || e.getCode() <= 0 && String.valueOf(e.getMessage()).contains("Could not find");
            if (notServed && apiVersion.equals("apiextensions.k8s.io/v1")) {
                return list(client, "apiextensions.k8s.io/v1beta1", kind, ns); // OpenShift 3.11
            }
            if (notServed) {
                return new ArrayList<>();
            }
            throw e;
        }
    }

    /** Only what names the object: deleting needs nothing else, and the export stays short. */
    private static GenericKubernetesResource identity(GenericKubernetesResource object) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", object.getMetadata().getName());
        if (object.getMetadata().getNamespace() != null) {
            metadata.put("namespace", object.getMetadata().getNamespace());
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("apiVersion", object.getApiVersion());
        map.put("kind", object.getKind());
        map.put("metadata", metadata);
        return KubeObjects.generic(map);
    }
}
