package io.mtcassistant.install;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.install.plan.KubeObjects;
import java.util.Optional;

/**
 * An MTC already on the cluster: the same version is reused (an empty plan that says so; Install only verifies it),
 * another version is refused until the admin upgrades it (OLM: change the Subscription's channel and approve the new
 * InstallPlan) or uninstalls it first.
 */
public final class ExistingInstall {

    private ExistingInstall() {
    }

    /** The version the MigrationController reports (spec.version, written back by the operator); empty when none. */
    public static Optional<String> installedVersion(KubernetesClient client) {
        GenericKubernetesResource existing;
        try {
            existing = client.genericKubernetesResources(MigrationControllers.API_VERSION, MigrationControllers.KIND)
                    .inNamespace(MigrationControllers.NAMESPACE).withName(MigrationControllers.NAME).get();
        } catch (KubernetesClientException e) {
            return Optional.empty(); // the CRD is not there: no MTC yet
        }
        return existing == null ? Optional.empty() : KubeObjects.valueAt(existing, "spec.version").filter(v -> !v.isBlank());
    }

    /** Nothing to apply: the plan only tells the admin the install is reused. */
    public static ChangePlan reuse(String cluster, String version) {
        return ChangePlan.builder(cluster, "Reuse MTC " + version + " (already installed)")
                .note("MTC " + version + " already runs on " + cluster + ": it is reused, nothing is reapplied; Install"
                        + " only verifies its pods and version.")
                .build();
    }

    /** Why another installed version blocks the install, with the admin's two ways on. */
    public static String otherVersionRefusal(String cluster, String installed, String wanted) {
        return cluster + " already runs MTC " + installed + ", not " + wanted + ": upgrade it first (OLM: change the"
                + " Subscription's channel and approve the new InstallPlan) or uninstall it (Uninstall below, or"
                + " mtc-assistant uninstall), then plan again";
    }
}
