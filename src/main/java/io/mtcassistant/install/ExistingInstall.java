package io.mtcassistant.install;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.install.plan.KubeObjects;
import io.mtcassistant.mirror.catalog.SemVer;
import java.util.Optional;

/**
 * An MTC already on the cluster, and the one decision the command line and the Operators page both take about it:
 * nothing there is a fresh install; the same version is reused (an empty plan that says so; Install only verifies
 * it); an older version is upgraded when the admin asks for it (OLM: change the Subscription's channel and approve
 * the new InstallPlan; legacy: apply the new operator.yml over the old), else refused with the ways on; a newer
 * version is refused (no downgrade in place).
 */
public final class ExistingInstall {

    /** What to do with the cluster. */
    public enum Kind { INSTALL, REUSE, UPGRADE, REFUSE }

    /**
     * @param kind           what to do
     * @param installed      the version on the cluster; null when none
     * @param reason         one line for the admin: why (for REFUSE, what to do instead)
     * @param upgradeOffered for REFUSE: asking for the upgrade (install --upgrade, the card's Upgrade choice) would
     *                       be taken
     */
    public record Decision(Kind kind, String installed, String reason, boolean upgradeOffered) {

        /** Throws the refusal as bad input for the caller to word; returns this for any other kind. */
        public Decision requireAccepted() {
            if (kind == Kind.REFUSE) {
                throw new Refused(this);
            }
            return this;
        }
    }

    /** A refused decision as an exception: the planners throw it, the command and the page show its reason. */
    public static final class Refused extends IllegalArgumentException {
        private final transient Decision decision;

        Refused(Decision decision) {
            super(decision.reason());
            this.decision = decision;
        }

        public Decision decision() {
            return decision;
        }
    }

    private static final String UPGRADE_TITLE = "Upgrade MTC ";

    private ExistingInstall() {
    }

    /**
     * @param cluster   the kubeconfig context, for the messages
     * @param installed what the cluster runs now ({@link #installedVersion}); empty for nothing
     * @param wanted    the exact version the plan installs
     * @param olm       OpenShift 4.6+ (OLM); false for the legacy operator (3.11, 4.0-4.5), for the wording
     * @param upgrade   the admin asked to upgrade an older install
     */
    public static Decision decide(String cluster, Optional<String> installed, String wanted, boolean olm, boolean upgrade) {
        if (installed.isEmpty()) {
            return new Decision(Kind.INSTALL, null, upgrade ? "no MTC on " + cluster + " yet: nothing to upgrade, it is"
                    + " installed fresh" : "no MTC on " + cluster + " yet: a fresh install", false);
        }
        String have = installed.get();
        if (have.equals(wanted)) {
            return new Decision(Kind.REUSE, have, "MTC " + have + " already runs on " + cluster + ": it is reused", false);
        }
        String prefix = cluster + " already runs MTC " + have + ", not " + wanted + ": ";
        String uninstall = "uninstall it (mtc-assistant uninstall, or Uninstall on the Operators page), then plan again";
        if (!older(have, wanted)) {
            return new Decision(Kind.REFUSE, have, prefix + "MTC is not downgraded in place; choose " + have
                    + " for every cluster, or " + uninstall, false);
        }
        if (!upgrade) {
            return new Decision(Kind.REFUSE, have, prefix + "upgrade it to " + wanted + " (mtc-assistant install"
                    + " --upgrade, or Upgrade to " + wanted + " on the Operators page) or " + uninstall, true);
        }
        return new Decision(Kind.UPGRADE, have, "MTC " + have + " on " + cluster + " is upgraded to " + wanted + (olm
                ? " through OLM (the Subscription's channel, then only the InstallPlan for " + wanted + ")"
                : " by applying the new operator.yml over the old one (the legacy operator)"), false);
    }

    /** "Upgrade MTC 1.7.17 to 1.7.18 (how)": the title of every upgrade plan. */
    public static String upgradeTitle(String installed, String wanted, String how) {
        return UPGRADE_TITLE + installed + " to " + wanted + " (" + how + ")";
    }

    /** Whether the plan is an upgrade (the screens word its outcome "upgraded"). */
    public static boolean isUpgrade(ChangePlan plan) {
        return plan.title().startsWith(UPGRADE_TITLE);
    }

    private static boolean older(String have, String wanted) {
        Optional<SemVer> h = SemVer.parse(have);
        Optional<SemVer> w = SemVer.parse(wanted);
        return h.isPresent() && w.isPresent() && h.get().compareTo(w.get()) < 0;
    }

    /** The version the MigrationController reports (spec.version, written back by the operator); empty when none. */
    public static Optional<String> installedVersion(KubernetesClient client) {
        return migrationController(client).flatMap(c -> KubeObjects.valueAt(c, "spec.version")).filter(v -> !v.isBlank());
    }

    /** The role the installed MigrationController runs: control when it runs the migration controller. */
    public static Optional<InstallRole> installedRole(KubernetesClient client) {
        return migrationController(client).map(c -> KubeObjects.valueAt(c, "spec.migration_controller")
                .filter(v -> v.equals("true")).isPresent() ? InstallRole.CONTROL : InstallRole.REMOTE);
    }

    private static Optional<GenericKubernetesResource> migrationController(KubernetesClient client) {
        try {
            return Optional.ofNullable(client.genericKubernetesResources(MigrationControllers.API_VERSION,
                    MigrationControllers.KIND).inNamespace(MigrationControllers.NAMESPACE).withName(MigrationControllers.NAME)
                    .get());
        } catch (KubernetesClientException e) {
            return Optional.empty(); // the CRD is not there: no MTC yet
        }
    }

    /** Nothing to apply: the plan only tells the admin the install is reused. */
    public static ChangePlan reuse(String cluster, String version) {
        return ChangePlan.builder(cluster, "Reuse MTC " + version + " (already installed)")
                .note("MTC " + version + " already runs on " + cluster + ": it is reused, nothing is reapplied; Install"
                        + " only verifies its pods and version.")
                .build();
    }

    /** Step 2 found another MTC that the cluster no longer reports a version for: the admin decides, not the app. */
    public static Decision unreadVersion(String cluster) {
        return new Decision(Kind.REFUSE, null, cluster + " already runs another MTC version (step 2), and its"
                + " MigrationController reports no version now: uninstall it (Uninstall on the Operators page, or"
                + " mtc-assistant uninstall), then plan again", false);
    }
}
