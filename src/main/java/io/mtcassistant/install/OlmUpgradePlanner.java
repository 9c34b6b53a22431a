package io.mtcassistant.install;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtcassistant.install.plan.ChangeAction;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.install.plan.KubeObjects;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The OLM upgrade of an older MTC on OpenShift 4.6+: the mirrored CatalogSource (created, or its image patched when
 * the mirror results name another one), the Subscription patched to the target's channel and startingCSV with
 * Manual approval, then only the InstallPlan whose CSV is the target approved and that CSV awaited. OLM replaces the
 * old CSV and the operator Deployment; the MigrationController is kept, and the operator rolls its components to the
 * new version (the install's verification checks that afterwards).
 */
public final class OlmUpgradePlanner {

    private OlmUpgradePlanner() {
    }

    /** Reads the live Subscription and CatalogSource, then plans; IllegalArgumentException when OLM has no Subscription. */
    public static ChangePlan plan(OlmInstallRequest request, String installed, MirrorResults mirror, KubernetesClient client) {
        GenericKubernetesResource catalog = OlmInstallPlanner.catalog(mirror);
        GenericKubernetesResource liveCatalog = client.genericKubernetesResources(catalog.getApiVersion(), catalog.getKind())
                .inNamespace(catalog.getMetadata().getNamespace()).withName(catalog.getMetadata().getName()).get();
        return plan(request, installed, mirror, subscription(client).orElseThrow(() -> new IllegalArgumentException(
                request.cluster() + " runs MTC " + installed + " without an OLM Subscription for " + OlmInstallRequest.PACKAGE
                        + " in " + OlmInstallPlanner.NAMESPACE + ", so OLM cannot upgrade it; uninstall it"
                        + " (mtc-assistant uninstall, or Uninstall on the Operators page), then install " + request.mtcVersion())),
                liveCatalog);
    }

    /** The Subscription in openshift-migration for the mtc-operator package, whatever it is named. */
    public static Optional<GenericKubernetesResource> subscription(KubernetesClient client) {
        return client.genericKubernetesResources("operators.coreos.com/v1alpha1", "Subscription")
                .inNamespace(OlmInstallPlanner.NAMESPACE).list().getItems().stream()
                .filter(s -> KubeObjects.valueAt(s, "spec.name").filter(OlmInstallRequest.PACKAGE::equals).isPresent())
                .findFirst();
    }

    /**
     * @param subscription the Subscription on the cluster
     * @param liveCatalog  the cluster's CatalogSource of the name the mirror results give; null when absent
     */
    static ChangePlan plan(OlmInstallRequest request, String installed, MirrorResults mirror,
            GenericKubernetesResource subscription, GenericKubernetesResource liveCatalog) {
        ChangePlan.Builder plan = ChangePlan.builder(request.cluster(), ExistingInstall.upgradeTitle(installed,
                request.mtcVersion(), "OLM, " + request.channel()));
        GenericKubernetesResource catalog = OlmInstallPlanner.catalog(mirror);
        String image = KubeObjects.valueAt(catalog, "spec.image").orElse("");
        if (liveCatalog == null) {
            plan.add(ChangeAction.createIfAbsent(catalog, "the mirrored catalog that serves " + request.csvName()));
        } else if (!image.equals(KubeObjects.valueAt(liveCatalog, "spec.image").orElse(""))) {
            plan.add(ChangeAction.mergePatch(identity(catalog, Map.of("image", image)), "the mirror results name"
                    + " another catalog image, the one mirrored with " + request.csvName()));
        }
        plan.add(OlmInstallPlanner.catalogReady(catalog, request.timeout()));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("channel", request.channel());
        spec.put("startingCSV", request.csvName());
        spec.put("source", catalog.getMetadata().getName());
        spec.put("sourceNamespace", catalog.getMetadata().getNamespace());
        spec.put("installPlanApproval", "Manual");
        String channelWas = KubeObjects.valueAt(subscription, "spec.channel").orElse("(none)");
        plan.add(ChangeAction.mergePatch(identity(subscription, spec), (Objects.equals(channelWas, request.channel())
                ? "channel " + request.channel() + " stays" : "channel " + channelWas + " -> " + request.channel())
                + ", startingCSV " + request.csvName() + " and Manual approval, so OLM proposes " + request.mtcVersion()
                + " and installs nothing unapproved"));
        OlmInstallPlanner.addApprovalAndCsv(plan, request);
        plan.note("OLM replaces the operator of MTC " + installed + " with " + request.mtcVersion() + " (the old CSV"
                + " goes Replacing, then away); the MigrationController is kept and the operator rolls its pods to the new"
                + " version, which the verification checks afterwards.");
        plan.note("OLM proposes the newest version of the channel: when that is not " + request.mtcVersion()
                + ", the approval step waits and then names the InstallPlan it found instead, unapproved.");
        return plan.build();
    }

    /** A merge patch naming {@code object} (apiVersion, kind, name, namespace) with this spec. */
    private static GenericKubernetesResource identity(GenericKubernetesResource object, Map<String, Object> spec) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", object.getMetadata().getName());
        metadata.put("namespace", object.getMetadata().getNamespace());
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("apiVersion", object.getApiVersion());
        patch.put("kind", object.getKind());
        patch.put("metadata", metadata);
        patch.put("spec", spec);
        return KubeObjects.generic(patch);
    }
}
