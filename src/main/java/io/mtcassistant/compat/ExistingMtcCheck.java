package io.mtcassistant.compat;

import io.mtcassistant.compat.ClusterInventory.ExistingCsv;
import io.mtcassistant.compat.ClusterInventory.ExistingMigrationController;
import io.mtcassistant.compat.ClusterInventory.ExistingSubscription;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Check 6: MTC already on the cluster, and what it means for the planned version: reuse, upgrade or conflict. */
final class ExistingMtcCheck {

    static final String NAMESPACE = "openshift-migration";

    record Outcome(CheckResult row, ExistingMtcAction action) {
    }

    private ExistingMtcCheck() {
    }

    static Outcome evaluate(ClusterSnapshot snapshot, InstallOption planned) {
        ClusterInventory inventory = snapshot.inventory();
        String context = snapshot.context();
        String role = snapshot.role().label();
        if (inventory == null) {
            return new Outcome(new CheckResult(CheckKind.EXISTING_MTC, context, role, Severity.WARNING, "Not checked", List.of(),
                    "The cluster's resources were not read.", "Run the check again.", null), ExistingMtcAction.UNKNOWN);
        }
        List<Fact> facts = new ArrayList<>();
        facts.add(Fact.of("Namespace " + NAMESPACE, inventory.migrationNamespace() ? "exists" : "absent", "GET namespace"));
        for (ExistingMigrationController mc : inventory.migrationControllers()) {
            facts.add(Fact.of("MigrationController " + mc.name(), "spec.version " + orNone(mc.version())
                    + ", migration_controller " + orNone(mc.controller()) + ", migration_ui " + orNone(mc.ui()),
                    "MigrationController in " + NAMESPACE));
        }
        for (ExistingSubscription sub : inventory.subscriptions()) {
            facts.add(Fact.of("Subscription " + sub.name(), "package " + orNone(sub.packageName()) + ", channel "
                    + orNone(sub.channel()) + ", source " + orNone(sub.source()) + ", installed CSV " + orNone(sub.installedCsv())
                    + ", state " + orNone(sub.state()), "Subscription in " + NAMESPACE));
        }
        for (ExistingCsv csv : inventory.csvs()) {
            facts.add(Fact.of("ClusterServiceVersion " + csv.name(), "version " + orNone(csv.version()) + ", phase "
                    + orNone(csv.phase()), "CSV in " + NAMESPACE));
        }
        if (inventory.operatorVersion() != null) {
            facts.add(Fact.of("OPERATOR_VERSION", inventory.operatorVersion(), "ConfigMap migration-cluster-config"));
        }
        inventory.problems().stream().filter(p -> p.contains("MTC") || p.contains(NAMESPACE))
                .forEach(p -> facts.add(Fact.of("Could not read", p, "probe")));

        if (!inventory.hasMtc()) {
            if (inventory.migrationNamespace()) {
                return new Outcome(new CheckResult(CheckKind.EXISTING_MTC, context, role, Severity.WARNING,
                        "Namespace " + NAMESPACE + " exists, but no MTC in it", facts,
                        "There is no MigrationController, no MTC Subscription or CSV and no migration-cluster-config, yet the "
                                + "namespace exists: probably what an earlier uninstall left behind.",
                        "The install reuses the namespace. Check it for leftovers (oc get all -n " + NAMESPACE
                                + ") and remove them as in \"Uninstalling MTC and deleting resources\".", null),
                        ExistingMtcAction.INSTALL);
            }
            return new Outcome(new CheckResult(CheckKind.EXISTING_MTC, context, role, Severity.OK, "No MTC installed",
                    facts, "No namespace " + NAMESPACE + ": nothing of MTC is on this cluster.",
                    "A fresh install (Operators step).", null), ExistingMtcAction.INSTALL);
        }

        MtcVersion installed = installedVersion(inventory);
        String installedText = installed == null ? "an unknown version" : "MTC " + installedFull(inventory);
        if (installed == null) {
            return new Outcome(new CheckResult(CheckKind.EXISTING_MTC, context, role, Severity.WARNING,
                    "MTC is installed, version unknown", facts,
                    "MTC resources are there but none says its version (MigrationController spec.version, CSV, "
                            + "migration-cluster-config).",
                    "Find the version (oc get migrationcontroller -n " + NAMESPACE + " -o yaml) before installing.", null),
                    ExistingMtcAction.UNKNOWN);
        }
        if (planned == null) {
            return new Outcome(new CheckResult(CheckKind.EXISTING_MTC, context, role, Severity.WARNING,
                    installedText + " installed; meaning depends on the MTC version decision", facts,
                    "What the existing install means (reuse, upgrade or conflict) depends on the MTC version every cluster runs.",
                    "Decide the MTC version first.", null), ExistingMtcAction.UNKNOWN);
        }
        MtcVersion target = planned.mtc();
        boolean olmInstall = !inventory.subscriptions().isEmpty() || !inventory.csvs().isEmpty();
        int order = installed.compareTo(target);
        if (order == 0) {
            if (planned.method() == InstallMethod.OLM && !olmInstall) {
                return new Outcome(new CheckResult(CheckKind.EXISTING_MTC, context, role, Severity.WARNING,
                        installedText + " installed without OLM", facts,
                        "The planned install is OLM, channel " + planned.channel() + ", but the installed MTC has no "
                                + "Subscription or CSV: it was installed from operator.yml. Two operators would fight over "
                                + "the same MigrationController.",
                        "Keep it and skip the OLM install on this cluster, or uninstall it first (section 7.6).", null),
                        ExistingMtcAction.CONFLICT);
            }
            String channelProblem = channelMismatch(inventory, planned);
            if (channelProblem != null) {
                return new Outcome(new CheckResult(CheckKind.EXISTING_MTC, context, role, Severity.WARNING,
                        installedText + " installed; Subscription channel differs", facts, channelProblem,
                        "Switch the Subscription to channel " + planned.channel() + " (Operators step).", null),
                        ExistingMtcAction.UPGRADE);
            }
            return new Outcome(new CheckResult(CheckKind.EXISTING_MTC, context, role, Severity.OK,
                    "Reuse: " + installedText + " is installed", facts,
                    installedText + " is already on this cluster, the version the migration needs. \"Both your source cluster "
                            + "and the destination cluster must use the same version of MTC\": keep the same z-stream on every cluster.",
                    "The Operators step keeps the install and checks the MigrationController.", null), ExistingMtcAction.REUSE);
        }
        if (order < 0) {
            String how = planned.method() == InstallMethod.OLM
                    ? "Switch the Subscription channel to " + planned.channel()
                            + (installed.equals(MtcVersion.of("1.7")) && target.equals(MtcVersion.of("1.8"))
                                    ? " and move the OADP Subscription from stable-1.0 to stable-1.2" : "")
                            + ", then approve the install plan."
                    : "Replace the legacy operator with the one from the newer operator.yml.";
            return new Outcome(new CheckResult(CheckKind.EXISTING_MTC, context, role, Severity.WARNING,
                    "Upgrade: " + installedText + " → MTC " + target, facts,
                    installedText + " is older than the MTC " + target + " this migration needs on every cluster.",
                    how, null), ExistingMtcAction.UPGRADE);
        }
        return new Outcome(new CheckResult(CheckKind.EXISTING_MTC, context, role, Severity.BLOCKING,
                "Conflict: " + installedText + " is newer than the planned MTC " + target, facts,
                installedText + " is installed, but the migration needs MTC " + target + " on every cluster, and MTC is not "
                        + "downgraded in place.",
                "Choose MTC " + installed + " for every cluster if the table allows it (--mtc-version " + installed
                        + "), or uninstall MTC from this cluster first (section 7.6).", null), ExistingMtcAction.CONFLICT);
    }

    /** The newest version any MTC resource states. */
    static MtcVersion installedVersion(ClusterInventory inventory) {
        List<String> texts = new ArrayList<>();
        inventory.migrationControllers().forEach(mc -> texts.add(mc.version()));
        inventory.csvs().forEach(csv -> texts.add(csv.version() != null ? csv.version() : csv.name()));
        inventory.subscriptions().forEach(sub -> texts.add(sub.installedCsv()));
        texts.add(inventory.operatorVersion());
        return texts.stream().filter(Objects::nonNull).map(MtcVersion::parse).flatMap(java.util.Optional::stream)
                .max(Comparator.naturalOrder()).orElse(null);
    }

    private static String installedFull(ClusterInventory inventory) {
        return inventory.migrationControllers().stream().map(ExistingMigrationController::version).filter(Objects::nonNull)
                .findFirst()
                .or(() -> inventory.csvs().stream().map(ExistingCsv::version).filter(Objects::nonNull).findFirst())
                .or(() -> java.util.Optional.ofNullable(inventory.operatorVersion()))
                .orElseGet(() -> String.valueOf(installedVersion(inventory)));
    }

    private static String channelMismatch(ClusterInventory inventory, InstallOption planned) {
        if (planned.method() != InstallMethod.OLM) {
            return null;
        }
        return inventory.subscriptions().stream()
                .filter(sub -> sub.channel() != null && !sub.channel().equals(planned.channel()))
                .findFirst()
                .map(sub -> "Subscription " + sub.name() + " follows channel " + sub.channel() + ", the plan needs "
                        + planned.channel() + ".")
                .orElse(null);
    }

    private static String orNone(Object value) {
        return value == null ? "(unset)" : value.toString();
    }
}
