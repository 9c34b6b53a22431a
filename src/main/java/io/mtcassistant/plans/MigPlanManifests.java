package io.mtcassistant.plans;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.mtcassistant.monitor.MigResources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The MigPlan and MigHook objects a request becomes, in the shape the MTC web console writes them. */
public final class MigPlanManifests {

    /** MigHooks as fabric8 reads them (the monitor's {@link MigResources} has no hooks). */
    public static final io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext MIG_HOOK =
            new io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext.Builder()
                    .withGroup(MigResources.GROUP).withVersion(MigResources.VERSION).withKind("MigHook")
                    .withPlural("mighooks").withNamespaced(true).build();

    private MigPlanManifests() {
    }

    /** The MigPlan to create: no persistentVolumes yet (the controller discovers them). */
    public static GenericKubernetesResource migPlan(PlanRequest request) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("srcMigClusterRef", reference(request.sourceCluster()));
        spec.put("destMigClusterRef", reference(request.targetCluster()));
        spec.put("migStorageRef", reference(request.storage()));
        spec.put("namespaces", request.namespaces().stream().map(NamespaceMapping::specValue).toList());
        spec.put("indirectImageMigration", !request.directImages());
        spec.put("indirectVolumeMigration", !request.directVolumes());
        if (!request.hooks().isEmpty()) {
            spec.put("hooks", hookEntries(request.hooks()));
        }
        return object("MigPlan", request.name(), spec);
    }

    /** MigPlan.spec.hooks for these hooks. */
    static List<Map<String, Object>> hookEntries(List<PlanHook> hooks) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (PlanHook hook : hooks) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("reference", reference(hook.name()));
            entry.put("phase", hook.phase().name());
            entry.put("executionNamespace", hook.executionNamespace());
            entry.put("serviceAccount", hook.serviceAccount());
            entries.add(entry);
        }
        return entries;
    }

    public static List<GenericKubernetesResource> migHooks(PlanRequest request) {
        return migHooks(request.hooks());
    }

    static List<GenericKubernetesResource> migHooks(List<PlanHook> planHooks) {
        List<GenericKubernetesResource> hooks = new ArrayList<>();
        for (PlanHook hook : planHooks) {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("custom", hook.custom());
            spec.put("image", hook.image());
            if (!hook.custom()) {
                spec.put("playbook", hook.playbookBase64());
            }
            spec.put("targetCluster", hook.targetCluster());
            hooks.add(object("MigHook", hook.name(), spec));
        }
        return hooks;
    }

    /** The hooks and the plan as one YAML text (what Review shows and exports; {@link PlanRequestFile} reads it). */
    public static String yaml(PlanRequest request) {
        StringBuilder text = new StringBuilder();
        for (GenericKubernetesResource hook : migHooks(request)) {
            text.append(io.mtcassistant.install.plan.KubeObjects.yaml(hook)).append("---\n");
        }
        return text.append(io.mtcassistant.install.plan.KubeObjects.yaml(migPlan(request))).toString();
    }

    static Map<String, Object> reference(String name) {
        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put("name", name);
        reference.put("namespace", MigResources.NAMESPACE);
        return reference;
    }

    static GenericKubernetesResource object(String kind, String name, Map<String, Object> spec) {
        return new GenericKubernetesResourceBuilder().withApiVersion(MigResources.API_VERSION).withKind(kind)
                .withNewMetadata().withName(name).withNamespace(MigResources.NAMESPACE).endMetadata()
                .addToAdditionalProperties("spec", spec).build();
    }
}
