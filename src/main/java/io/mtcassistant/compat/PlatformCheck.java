package io.mtcassistant.compat;

import java.util.ArrayList;
import java.util.List;

/** Check 1: the cluster's column in Table 7.1, its stable MTC version and install method. */
final class PlatformCheck {

    private PlatformCheck() {
    }

    static CheckResult evaluate(Placement placement, MtcVersion chosen) {
        ClusterSnapshot snapshot = placement.snapshot();
        List<Fact> facts = new ArrayList<>();
        facts.add(Fact.of("Kubernetes version", snapshot.facts().kubernetesVersion(), "GET /version"));
        facts.add(Fact.of("OpenShift version", snapshot.facts().openshiftVersion(),
                "GET /version/openshift (3.x) or ClusterVersion (4.x)"));
        facts.add(Fact.of("Platform", snapshot.facts().platform().description(), "connection probe"));
        if (!placement.placed()) {
            String action = placement.version() != null && placement.version().major() == 3
                    ? "Upgrade this cluster to OpenShift 3.11 first, or use another cluster for this role."
                    : snapshot.facts().platform() == io.mtcassistant.cluster.PlatformClass.NOT_OPENSHIFT
                            ? "Use an OpenShift cluster for this role: MTC cannot migrate to or from plain Kubernetes."
                            : "Use a cluster the table covers, or, if Red Hat has published a newer table, update "
                                    + "compatibility.yaml in the configuration folder.";
            return new CheckResult(CheckKind.PLATFORM_AND_VERSION, placement.context(), placement.role(), Severity.BLOCKING,
                    placement.version() == null ? "Not supported: " + shortProblem(placement)
                            : "OpenShift " + placement.version() + " is not in Table 7.1",
                    facts, placement.problem(), action, null);
        }
        PlatformColumn column = placement.column();
        facts.add(Fact.of("OpenShift release used for the table", placement.version(), placement.versionOrigin()));
        facts.add(Fact.of("Table 7.1 column", column.label(), "Table 7.1"));
        facts.add(Fact.of("Stable MTC version", labelOf(column.stableMtc()), "Table 7.1"));
        facts.add(Fact.of("Installation", column.stableInstall().text(), "Table 7.1"));
        Severity severity = Severity.OK;
        StringBuilder explanation = new StringBuilder();
        explanation.append("OpenShift ").append(placement.version()).append(" is a ")
                .append(column.platformClass().description()).append(" and falls in the column \"")
                .append(column.label()).append("\" of Table 7.1: Stable MTC version \"MTC v.")
                .append(column.stableMtc()).append(".z\"; Installation \"").append(column.stableInstall().text()).append("\".");
        if (!column.controlCluster()) {
            explanation.append(" The table adds: \"This cluster cannot be the control cluster.\"");
        }
        if (placement.derived()) {
            severity = Severity.WARNING;
            explanation.append(" The OpenShift version could not be read directly; it was derived from the Kubernetes "
                    + "version, which is one-to-one for OpenShift releases but not proof. Confirm it with `oc get clusterversion`.");
        }
        String desired = snapshot.facts().desiredVersion();
        if (desired != null && !desired.equals(snapshot.facts().openshiftVersion())) {
            facts.add(Fact.of("Update in progress to", desired, "ClusterVersion status.desired.version"));
            OpenShiftVersion desiredVersion = OpenShiftVersion.parse(desired).orElse(null);
            if (desiredVersion != null && !desiredVersion.equals(placement.version())) {
                severity = Severity.WARNING;
                explanation.append(" The cluster is updating to ").append(desired)
                        .append("; finish the update and run the check again, since the column may change.");
            }
        }
        InstallOption planned = chosen == null ? column.stableInstall() : column.installFor(chosen).orElse(null);
        String summary;
        String action;
        if (planned == null) {
            summary = "OpenShift " + placement.version() + ": table gives " + labelOf(column.stableMtc()) + "; no MTC "
                    + chosen + " install here";
            action = "See \"Same MTC version on every cluster\": MTC " + chosen + " cannot be installed on this cluster.";
        } else {
            summary = "OpenShift " + placement.version() + ": MTC v." + planned.mtc() + ".z, " + planned.summary()
                    + (planned.offTable() ? " (not the table's stable version)" : "");
            action = planned.method() == InstallMethod.OLM
                    ? "Install MTC " + planned.mtc() + ".z with OLM from the mirrored catalog, channel " + planned.channel()
                            + " (Operators step)."
                    : "Install the legacy MTC " + planned.mtc() + ".z operator from operator.yml and controller.yml, "
                            + "rewritten to the mirror registry (Operators step).";
            if (planned.offTable()) {
                severity = severity.worst(Severity.WARNING);
                explanation.append(" You chose MTC ").append(chosen).append(" for every cluster: ").append(planned.note());
            }
        }
        return new CheckResult(CheckKind.PLATFORM_AND_VERSION, placement.context(), placement.role(), severity, summary, facts,
                explanation.toString(), action, null);
    }

    static String labelOf(MtcVersion version) {
        return "MTC v." + version + ".z";
    }

    private static String shortProblem(Placement placement) {
        String problem = placement.problem();
        int end = problem.indexOf(':');
        return end > 0 ? problem.substring(0, end) : problem;
    }
}
