package io.mtcassistant.install;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.mtcassistant.install.plan.ChangeAction;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.install.plan.KubeObjects;
import io.mtcassistant.install.plan.ObjectRef;
import io.mtcassistant.install.plan.WaitCondition;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The legacy operator on OpenShift 3.11 and 4.0-4.5 (procedure 7.2 for legacy platforms): operator.yml rewritten to the
 * mirror, created object by object like {@code oc create -f}, a pull check from the mirror, then the MigrationController
 * from controller.yml.
 */
public final class LegacyInstallPlanner {

    public static final String PULL_CHECK_POD = "mtc-assistant-pull-check";

    /**
     * @param cluster         kubeconfig context
     * @param mtcVersion      the version the legacy image carries ("1.7.18"), for the title
     * @param operatorYml     /operator.yml from the legacy operator image
     * @param controllerYml   /controller.yml from the same image
     * @param legacyAsControl step 2's edge-case decision: this legacy cluster runs controller and web console
     * @param timeout         the longest wait of any one step
     */
    public record Request(String cluster, String mtcVersion, String operatorYml, String controllerYml, boolean legacyAsControl,
            Duration timeout) {
    }

    /** The plan plus every rewrite (for the preview), or the images the mirror lacks. */
    public record Planned(ChangePlan plan, LegacyOperatorRewriter.Result rewrite) {
    }

    private LegacyInstallPlanner() {
    }

    public static Planned plan(Request request, MirrorResults mirror) {
        LegacyOperatorRewriter.Result rewrite = rewrite(request, mirror);
        ChangePlan.Builder plan = ChangePlan.builder(request.cluster(), "Install MTC " + request.mtcVersion()
                + " (legacy operator" + role(request) + ")");
        addNodeNote(plan, mirror);
        for (GenericKubernetesResource object : rewrite.objects()) {
            plan.add(ChangeAction.create(object, reason(object)));
        }
        addPullCheck(plan, rewrite, request.timeout());
        OlmInstallPlanner.addMigrationController(plan, MigrationControllers.legacy(controllerSpec(request.controllerYml()),
                request.legacyAsControl()), request.timeout());
        return new Planned(plan.build(), rewrite);
    }

    /**
     * The legacy operator's upgrade, like the procedure's {@code oc replace -f operator.yml}: the new operator.yml
     * rewritten to the mirror, each object created when the cluster lacks it, and the operator's Deployment, the CRDs
     * and the roles merge-patched with their new content (lists such as containers and rules are replaced whole);
     * the pull check first proves the nodes can pull the new operator image. The MigrationController is kept: the
     * new operator reconciles it to its version.
     *
     * @param exists whether the cluster has an object now
     */
    public static Planned upgrade(Request request, String installed, MirrorResults mirror,
            java.util.function.Predicate<ObjectRef> exists) {
        LegacyOperatorRewriter.Result rewrite = rewrite(request, mirror);
        ChangePlan.Builder plan = ChangePlan.builder(request.cluster(), ExistingInstall.upgradeTitle(installed,
                request.mtcVersion(), "legacy operator" + role(request)));
        addNodeNote(plan, mirror);
        // the new operator image is pulled before the running operator is touched
        addPullCheck(plan, rewrite, request.timeout());
        for (GenericKubernetesResource object : rewrite.objects()) {
            if (REPLACED_KINDS.contains(object.getKind()) && exists.test(ObjectRef.of(object))) {
                plan.add(ChangeAction.mergePatch(object, "from the new operator.yml: " + reason(object)
                        + " (replaces what MTC " + installed + " put there)"));
            } else {
                plan.add(ChangeAction.create(object, reason(object)));
            }
        }
        plan.note("The MigrationController is kept: the new operator rolls the MTC pods to " + request.mtcVersion()
                + ", which the verification checks afterwards.");
        return new Planned(plan.build(), rewrite);
    }

    /** Kinds whose content changes between versions; the rest (namespace, accounts, bindings) stay as created. */
    private static final java.util.Set<String> REPLACED_KINDS = java.util.Set.of("Deployment", "CustomResourceDefinition",
            "ClusterRole", "Role");

    private static LegacyOperatorRewriter.Result rewrite(Request request, MirrorResults mirror) {
        LegacyOperatorRewriter.Result rewrite = LegacyOperatorRewriter.rewrite(request.operatorYml(), "operator.yml", mirror);
        if (!rewrite.missing().isEmpty()) {
            throw new IllegalArgumentException("these images are not in the mirror (mapping.txt in " + mirror.dir()
                    + "); mirror again before installing:\n  " + String.join("\n  ", rewrite.missing()));
        }
        return rewrite;
    }

    private static String role(Request request) {
        return request.legacyAsControl() ? ", control cluster" : ", remote cluster";
    }

    private static void addNodeNote(ChangePlan.Builder plan, MirrorResults mirror) {
        String mirrorHost = mirror.mirrorRegistry();
        plan.note("Every node must be able to pull from " + mirrorHost + " before you apply: on each node, put the mirror's"
                + " CA in /etc/docker/certs.d/" + mirrorHost + "/ca.crt and its pull credentials in the kubelet's"
                + " /var/lib/origin/.docker/config.json (the procedure's image stream secret copied to each node)."
                + " The app cannot copy files to nodes; the pull check below proves it worked.");
    }

    private static void addPullCheck(ChangePlan.Builder plan, LegacyOperatorRewriter.Result rewrite, Duration timeout) {
        plan.add(ChangeAction.create(pullCheckPod(rewrite.operatorImage()), "proves the nodes can pull the operator image"
                + " from the mirror (ErrImagePull / ImagePullBackOff show the kubelet's message)"));
        WaitCondition pulled = new WaitCondition("status.phase", List.of("Running", "Succeeded", "Failed"),
                List.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull"),
                "status.containerStatuses[name=pull-check].state.waiting.message", timeout,
                "status.containerStatuses[name=pull-check].state.waiting.reason");
        plan.add(ChangeAction.waitFor(new ObjectRef("v1", "Pod", MigrationControllers.NAMESPACE, PULL_CHECK_POD), pulled,
                "the image pulled: the node reaches and trusts the mirror"));
        plan.add(ChangeAction.delete(pullCheckPod(rewrite.operatorImage()), "the pull check's own short-lived pod"));
    }

    private static String reason(GenericKubernetesResource object) {
        return switch (object.getKind()) {
            case "Namespace" -> "MTC lives in " + object.getMetadata().getName();
            case "CustomResourceDefinition" -> "the MigrationController type the operator watches";
            case "Deployment" -> "the operator itself, its images rewritten to the mirror";
            case "ServiceAccount", "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding" ->
                    "from operator.yml: the operator's identity and rights (AlreadyExists is expected for the"
                            + " system: bindings)";
            default -> "from operator.yml";
        };
    }

    static GenericKubernetesResource pullCheckPod(String image) {
        return KubeObjects.generic(new PodBuilder().withNewMetadata().withName(PULL_CHECK_POD)
                .withNamespace(MigrationControllers.NAMESPACE).addToLabels("app.kubernetes.io/managed-by", "mtc-assistant")
                .endMetadata().withNewSpec().withRestartPolicy("Never").addNewContainer().withName("pull-check")
                .withImage(image).withImagePullPolicy("Always").withCommand("/bin/sh", "-c", "exit 0").endContainer()
                .withActiveDeadlineSeconds(300L).endSpec().build());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> controllerSpec(String controllerYml) {
        List<GenericKubernetesResource> docs = KubeObjects.parseAll(controllerYml, "controller.yml");
        for (GenericKubernetesResource doc : docs) {
            if (MigrationControllers.KIND.equals(doc.getKind()) && doc.getAdditionalProperties().get("spec") instanceof Map<?, ?> spec) {
                return new LinkedHashMap<>((Map<String, Object>) spec);
            }
        }
        throw new IllegalArgumentException("controller.yml: no MigrationController with a spec in it");
    }
}
