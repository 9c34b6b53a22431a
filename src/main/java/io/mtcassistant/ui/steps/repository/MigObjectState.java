package io.mtcassistant.ui.steps.repository;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.mtcassistant.install.plan.KubeObjects;
import io.mtcassistant.storage.MigObjectConditions;
import io.mtcassistant.storage.StorageApis;
import java.util.List;

/** A MigStorage's or MigCluster's state in one line: Ready, or each condition in plain words. Call off the FX thread. */
final class MigObjectState {

    private MigObjectState() {
    }

    static String of(KubernetesClient client, ResourceDefinitionContext kind, String name) {
        GenericKubernetesResource object = client.genericKubernetesResources(kind)
                .inNamespace(StorageApis.MIGRATION_NAMESPACE).withName(name).get();
        if (object == null) {
            return "not created yet";
        }
        return of(client, kind, object);
    }

    static String of(KubernetesClient client, ResourceDefinitionContext kind, GenericKubernetesResource object) {
        String name = object.getMetadata().getName();
        if (ready(object)) {
            return "Ready";
        }
        List<String> conditions = MigObjectConditions.of(client, kind, name);
        return conditions.isEmpty() ? "NOT Ready: the controller has not tested it yet (no conditions)"
                : "NOT Ready: " + String.join("; ", conditions);
    }

    static boolean ready(GenericKubernetesResource object) {
        return "True".equals(KubeObjects.valueAt(object, "status.conditions[type=Ready].status").orElse(""));
    }
}
