package io.mtcassistant.install;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.openshift.api.model.operatorhub.v1.OperatorGroupBuilder;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.SubscriptionBuilder;
import io.mtcassistant.install.plan.ChangeAction;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.install.plan.KubeObjects;
import io.mtcassistant.install.plan.ObjectRef;
import io.mtcassistant.install.plan.WaitCondition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The procedure's 7.2/7.3 on OpenShift 4.6+: mirror policy, catalog, OLM objects, approval, MigrationController. */
public final class OlmInstallPlanner {

    public static final String NAMESPACE = MigrationControllers.NAMESPACE;
    public static final String MARKETPLACE = "openshift-marketplace";

    private OlmInstallPlanner() {
    }

    public static ChangePlan plan(OlmInstallRequest request, MirrorResults mirror) {
        ChangePlan.Builder plan = ChangePlan.builder(request.cluster(), "Install MTC " + request.mtcVersion() + " (OLM, "
                + request.channel() + ", " + request.role().id() + " cluster)");
        boolean idms = request.openshiftMinor() >= 13;
        List<GenericKubernetesResource> policies = idms ? mirror.idms() : mirror.icsp();
        if (policies.isEmpty()) {
            throw new IllegalArgumentException(mirror.dir() + ": no " + (idms ? "ImageDigestMirrorSet" : "ImageContentSourcePolicy")
                    + " in the mirror results, which OpenShift 4." + request.openshiftMinor() + " needs to pull from the mirror");
        }
        for (GenericKubernetesResource policy : policies) {
            plan.add(ChangeAction.createIfAbsent(clean(policy), "tells the nodes to pull the MTC and OADP images from the"
                    + " mirror instead of their public registries"));
        }
        for (String pool : request.machineConfigPools()) {
            plan.add(ChangeAction.waitFor(new ObjectRef("machineconfiguration.openshift.io/v1", "MachineConfigPool", null, pool),
                    new WaitCondition("status.conditions[type=Updated].status", List.of("True"), List.of("True"),
                            "status.conditions[type=Degraded].message", request.timeout(),
                            "status.conditions[type=Degraded].status",
                            "{status.updatedMachineCount} of {status.machineCount} machines updated",
                            "status.configuration.name"),
                    "the nodes of pool " + pool + " roll out the mirror settings (they reboot one by one)"));
        }
        if (request.disableDefaultSources()) {
            Map<String, Object> hub = new LinkedHashMap<>();
            hub.put("apiVersion", "config.openshift.io/v1");
            hub.put("kind", "OperatorHub");
            hub.put("metadata", Map.of("name", "cluster"));
            hub.put("spec", Map.of("disableAllDefaultSources", true));
            plan.add(ChangeAction.mergePatch(KubeObjects.generic(hub), "the default catalog sources cannot be reached in a"
                    + " restricted network; disabling them stops OLM trying (and failing) to pull them"));
        }
        GenericKubernetesResource catalog = catalog(mirror);
        String source = catalog.getMetadata().getName();
        String sourceNamespace = catalog.getMetadata().getNamespace();
        plan.add(ChangeAction.createIfAbsent(catalog, "the mirrored catalog OLM installs MTC from"));
        plan.add(catalogReady(catalog, request.timeout()));
        plan.add(ChangeAction.createIfAbsent(KubeObjects.generic(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE)
                .endMetadata().build()), "MTC lives in openshift-migration"));
        plan.add(ChangeAction.createIfAbsent(KubeObjects.generic(new OperatorGroupBuilder().withNewMetadata()
                .withName("migration").withNamespace(NAMESPACE).endMetadata().withNewSpec()
                .withTargetNamespaces(NAMESPACE).endSpec().build()), "OLM installs an operator only into a namespace with an"
                + " OperatorGroup; MTC watches its own namespace"));
        plan.add(ChangeAction.createIfAbsent(KubeObjects.generic(new SubscriptionBuilder().withNewMetadata()
                .withName(OlmInstallRequest.PACKAGE).withNamespace(NAMESPACE).endMetadata().withNewSpec()
                .withName(OlmInstallRequest.PACKAGE).withChannel(request.channel()).withSource(source)
                .withSourceNamespace(sourceNamespace).withInstallPlanApproval("Manual").withStartingCSV(request.csvName())
                .endSpec().build()), "channel " + request.channel() + " from the mirrored catalog, Manual approval and"
                + " startingCSV " + request.csvName() + " so every cluster runs the same version"));
        addApprovalAndCsv(plan, request);
        addMigrationController(plan, MigrationControllers.olm(request.role()), request.timeout());
        return plan.build();
    }

    /** The CatalogSource of the mirror results, in openshift-marketplace unless it names its namespace. */
    static GenericKubernetesResource catalog(MirrorResults mirror) {
        if (mirror.catalogSources().isEmpty()) {
            throw new IllegalArgumentException(mirror.dir() + ": no CatalogSource in the mirror results (catalogSource-*.yaml);"
                    + " mirror the MTC catalog first");
        }
        GenericKubernetesResource catalog = clean(mirror.catalogSources().get(0));
        if (catalog.getMetadata().getNamespace() == null) {
            catalog.getMetadata().setNamespace(MARKETPLACE);
        }
        return catalog;
    }

    static ChangeAction catalogReady(GenericKubernetesResource catalog, java.time.Duration timeout) {
        return ChangeAction.waitFor(ObjectRef.of(catalog),
                new WaitCondition("status.connectionState.lastObservedState", List.of("READY"), List.of(), "status.message",
                        timeout),
                "OLM must reach the catalog image in the mirror before it can resolve the Subscription");
    }

    /** Approve only the InstallPlan of the chosen CSV, then wait for that CSV to succeed. */
    static void addApprovalAndCsv(ChangePlan.Builder plan, OlmInstallRequest request) {
        plan.add(ChangeAction.approve(NAMESPACE, request.csvName(), request.timeout(), "approve only the InstallPlan that"
                + " installs " + request.csvName() + "; any other version stays unapproved"));
        plan.add(ChangeAction.waitFor(new ObjectRef("operators.coreos.com/v1alpha1", "ClusterServiceVersion", NAMESPACE,
                request.csvName()), new WaitCondition("status.phase", List.of("Succeeded"), List.of("Failed"),
                "status.message", request.timeout()), "the operator is installed when its CSV reaches Succeeded"));
    }

    static void addMigrationController(ChangePlan.Builder plan, GenericKubernetesResource controller, java.time.Duration timeout) {
        plan.add(ChangeAction.createIfAbsent(controller, "tells the operator what to run here: "
                + describe(controller)));
        plan.add(ChangeAction.waitFor(ObjectRef.of(controller),
                new WaitCondition("status.conditions[type=Successful].status", List.of("True"), List.of("True"),
                        "status.conditions[type=Failure].message", timeout, "status.conditions[type=Failure].status"),
                "the operator's Ansible run reports Successful (or Failure with its message)"));
    }

    private static String describe(GenericKubernetesResource controller) {
        Object spec = controller.getAdditionalProperties().get("spec");
        if (!(spec instanceof Map<?, ?> map)) {
            return "Velero";
        }
        boolean control = Boolean.TRUE.equals(map.get("migration_controller"));
        return control ? "controller, web console and Velero (control cluster)" : "Velero only (remote cluster)";
    }

    /** The object without server fields, as a file from the results folder may carry them. */
    static GenericKubernetesResource clean(GenericKubernetesResource object) {
        Map<String, Object> map = KubeObjects.withoutServerFields(KubeObjects.asMap(object));
        map.remove("status");
        return KubeObjects.generic(map);
    }
}
