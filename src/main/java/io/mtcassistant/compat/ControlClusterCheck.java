package io.mtcassistant.compat;

import io.mtcassistant.cluster.ClusterRole;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks 3 and 5 (second half): which cluster is the control cluster, and whether every remote cluster and the
 * control cluster can connect, with the edge case of the procedure (legacy cluster as control cluster, or
 * crane tunnel-api) offered only when the admin states a network restriction or asks for it.
 */
final class ControlClusterCheck {

    record Outcome(CheckResult row, Placement control, List<CheckResult> reachabilityRows, List<String> tunnelCommands) {
    }

    private ControlClusterCheck() {
    }

    static Outcome evaluate(List<Placement> placements, CompatibilityMatrix matrix, MigrationDecisions decisions,
            MtcVersion chosen) {
        List<Placement> placed = placements.stream().filter(Placement::placed).toList();
        List<Fact> facts = new ArrayList<>();
        for (Placement placement : placed) {
            facts.add(Fact.of(placement.role() + " " + placement.context(),
                    "OpenShift " + placement.version() + ", " + (placement.column().controlCluster()
                            ? "can be the control cluster" : "cannot be the control cluster"), "Table 7.1"));
        }
        if (decisions.controlCluster() != null) {
            facts.add(Fact.of("Your choice of control cluster", decisions.controlCluster(), "your decision"));
        }
        boolean legacyRequested = decisions.networkWorkaround() == NetworkWorkaround.LEGACY_CONTROL_CLUSTER;
        if (legacyRequested) {
            facts.add(Fact.of("Edge case", "legacy cluster as the control cluster", "your decision"));
        }
        if (placed.isEmpty()) {
            return new Outcome(row(Severity.WARNING, "Not evaluated: no cluster is in Table 7.1", facts,
                    "The control cluster can be chosen only among clusters the table covers.",
                    "Solve the blocking rows of the clusters first."), null, List.of(), List.of());
        }
        List<Placement> modern = placed.stream().filter(p -> p.column().controlCluster())
                .sorted(Comparator.comparing(Placement::version).reversed().thenComparing(p -> rolePriority(p.snapshot().role())))
                .toList();
        String legacyWords = legacyWords(placed);

        Placement control = null;
        CheckResult row;
        if (decisions.controlCluster() != null) {
            control = placed.stream().filter(p -> p.context().equals(decisions.controlCluster())).findFirst().orElse(null);
            if (control == null) {
                return new Outcome(row(Severity.BLOCKING, "Control cluster " + decisions.controlCluster() + " is not one of the clusters",
                        facts, "The control cluster must be one of the clusters of this migration that the table covers.",
                        "Choose one of: " + String.join(", ", placed.stream().map(Placement::context).toList()) + "."),
                        null, List.of(), List.of());
            }
            if (control.isLegacy() && !legacyRequested) {
                return new Outcome(row(Severity.BLOCKING, control.context() + " cannot be the control cluster", facts,
                        control.describe() + " is in the column \"" + control.column().label()
                                + "\", and Table 7.1 says: \"This cluster cannot be the control cluster.\" The only exception is "
                                + "the network edge case: \"" + matrix.rules().edgeCase() + "\"",
                        "Choose a cluster on OpenShift 4.6 or later as the control cluster. If the modern cluster cannot "
                                + "connect to this one, state it (--remote-reaches-control " + control.context() + "=no) "
                                + "and choose the edge case (--legacy-control-cluster) or crane tunnel-api (--tunnel-api)."),
                        null, List.of(), List.of());
            }
        }
        if (legacyRequested) {
            Placement legacy = decisions.controlCluster() != null ? placed.stream()
                    .filter(p -> p.context().equals(decisions.controlCluster())).findFirst().orElseThrow()
                    : preferredLegacy(placed, decisions);
            if (legacy == null || !legacy.isLegacy()) {
                return new Outcome(row(Severity.BLOCKING, "No legacy cluster to designate as the control cluster", facts,
                        "You asked for the edge case \"legacy cluster as the control cluster\", but "
                                + (legacy == null ? "no cluster here is on a legacy platform (OpenShift 4.5 and earlier)."
                                        : legacy.describe() + " is not on a legacy platform."),
                        "Drop --legacy-control-cluster: the most modern cluster is the control cluster."), null, List.of(), List.of());
            }
            MtcVersion version = chosen != null ? chosen : legacy.column().stableMtc();
            MtcRelease release = matrix.release(version).orElseThrow();
            if (!release.legacyControlCluster()) {
                return new Outcome(row(Severity.BLOCKING, "The edge case is not available with MTC " + version, facts,
                        "The procedure allows the legacy control cluster only \"with the stable MTC release\" of legacy "
                                + "platforms (MTC v.1.7.z): \"" + matrix.rules().controlCluster() + "\"",
                        "Choose an MTC version that allows it, or use crane tunnel-api."), null, List.of(), List.of());
            }
            control = legacy;
            Placement modernCluster = modern.isEmpty() ? null : modern.get(0);
            TunnelApiData tunnel = matrix.tunnelApi();
            String alternative = modernCluster == null ? ""
                    : " The documented alternative keeps the modern cluster as the control cluster and tunnels to this one: `"
                            + tunnel.commandFor(legacy.context(), modernCluster.context()) + "` (needs: "
                            + String.join(" ", tunnel.requirementsText()) + ")";
            row = row(Severity.WARNING, "Control cluster: " + legacy.context() + " (edge case: legacy cluster as control cluster)",
                    facts, "You stated that network restrictions keep the modern cluster from connecting to the legacy one. "
                            + "The procedure: \"" + matrix.rules().edgeCase() + "\" \"" + matrix.rules().controlCluster() + "\" "
                            + "So " + legacy.describe() + " runs the MTC controller and GUI and pushes workloads to the remote "
                            + "cluster; it must reach the remote clusters' APIs. Caveat: the legacy operator's controller.yml "
                            + "deploys only Velero (migration_velero: true); on this cluster the MigrationController must also "
                            + "enable migration_controller and migration_ui." + alternative,
                    "The Operators step sets migration_controller: true and migration_ui: true on " + legacy.context()
                            + " and only Velero on the others. Make sure " + legacy.context()
                            + " can open connections to every remote cluster's API and routes.");
        } else if (decisions.controlCluster() != null) {
            boolean newest = control.version().equals(modern.get(0).version());
            row = row(newest ? Severity.OK : Severity.WARNING, "Control cluster: " + control.context() + " (your choice)", facts,
                    "The control cluster runs the MTC controller and GUI; the others run only Velero. "
                            + (newest ? control.describe() + " is the most modern cluster here."
                                    : "The procedure says \"you should always designate the most modern cluster as the control "
                                            + "cluster\", which is " + modern.get(0).describe() + ", not " + control.describe() + ".")
                            + legacyWords,
                    controlAction(control, placed));
        } else if (modern.isEmpty()) {
            return new Outcome(row(Severity.BLOCKING, "No cluster can be the control cluster", facts,
                    "Every cluster is on a legacy platform (OpenShift 4.5 and earlier), and for each Table 7.1 says: "
                            + "\"This cluster cannot be the control cluster.\" The control cluster runs the MTC controller and GUI.",
                    "Add a cluster on OpenShift 4.6 or later as an extra remote to run the controller and GUI, or upgrade "
                            + "the target to 4.6 or later. Only if network restrictions force it, state them and choose the "
                            + "edge case (--legacy-control-cluster)."), null, List.of(), List.of());
        } else {
            control = modern.get(0);
            row = row(Severity.OK, "Control cluster: " + control.context() + " (OpenShift " + control.version() + ", "
                    + control.role() + ")", facts,
                    "The control cluster runs the MTC controller and GUI; the others are remote clusters that run only "
                            + "Velero. \"You should always designate the most modern cluster as the control cluster\": that is "
                            + control.describe() + (modern.size() > 1 && modern.get(1).version().equals(control.version())
                                    ? " (a tie on version goes to the target, where MTC puts the controller by default)" : "")
                            + "." + legacyWords,
                    controlAction(control, placed));
        }
        List<String> tunnelCommands = new ArrayList<>();
        List<CheckResult> reachability = reachabilityRows(placements, control, matrix, decisions, chosen, tunnelCommands);
        return new Outcome(row, control, reachability, tunnelCommands);
    }

    private static List<CheckResult> reachabilityRows(List<Placement> placements, Placement control, CompatibilityMatrix matrix,
            MigrationDecisions decisions, MtcVersion chosen, List<String> tunnelCommands) {
        List<CheckResult> rows = new ArrayList<>();
        boolean legacyControl = decisions.networkWorkaround() == NetworkWorkaround.LEGACY_CONTROL_CLUSTER;
        for (Placement remote : placements) {
            if (remote == control) {
                continue;
            }
            Reachability statement = decisions.remoteReachesControl(remote.context());
            boolean explicit = decisions.remoteReachesControl().containsKey(remote.context());
            List<Fact> facts = List.of(
                    Fact.of("Control cluster", control.context() + " (" + control.snapshot().apiUrl() + ")", "control cluster check"),
                    Fact.of("Remote cluster", remote.context() + " (" + remote.snapshot().apiUrl() + ")", "kubeconfig"),
                    Fact.of("Can they connect", statement.name().toLowerCase(), statement == Reachability.UNKNOWN
                            ? "not stated" : "your statement"));
            String pair = remote.context() + " ↔ control cluster " + control.context();
            String why = "MTC drives a migration from the control cluster: it calls each remote cluster's API (Velero, "
                    + "discovery) and direct volume or image migration opens the remote clusters' routes. The workstation "
                    + "reaching both APIs does not prove that the clusters reach each other.";
            if (legacyControl && !(explicit && statement == Reachability.YES)) {
                rows.add(new CheckResult(CheckKind.REMOTE_REACHES_CONTROL, remote.context(), remote.role(), Severity.WARNING,
                        "Implied by the edge case: " + control.context() + " must reach " + remote.context(), facts,
                        "With the legacy cluster as the control cluster, it pushes workloads to " + remote.context()
                                + ", so it must reach that cluster's API and routes. " + why,
                        "Verify from " + control.context() + " (e.g. curl -k " + remote.snapshot().apiUrl()
                                + "/version from a pod), then state it: --remote-reaches-control " + remote.context() + "=yes.",
                        null));
                continue;
            }
            switch (statement) {
                case YES -> rows.add(new CheckResult(CheckKind.REMOTE_REACHES_CONTROL, remote.context(), remote.role(), Severity.OK,
                        pair + ": you stated they connect", facts, why + " You stated this path works.",
                        "Nothing; the Proxy & network step can test it from inside the clusters.", null));
                case UNKNOWN -> rows.add(new CheckResult(CheckKind.REMOTE_REACHES_CONTROL, remote.context(), remote.role(),
                        Severity.WARNING, pair + ": not verified", facts, why,
                        "Confirm that " + control.context() + " reaches " + remote.snapshot().apiUrl() + " (and the other way "
                                + "for routes), then state it: --remote-reaches-control " + remote.context() + "=yes or =no.",
                        null));
                case NO -> rows.add(unreachable(remote, control, matrix, decisions, chosen, facts, tunnelCommands));
                default -> throw new IllegalStateException(statement.name());
            }
        }
        return rows;
    }

    private static CheckResult unreachable(Placement remote, Placement control, CompatibilityMatrix matrix,
            MigrationDecisions decisions, MtcVersion chosen, List<Fact> facts, List<String> tunnelCommands) {
        TunnelApiData tunnel = matrix.tunnelApi();
        MtcVersion version = chosen != null ? chosen : remote.placed() ? remote.column().stableMtc() : null;
        MtcRelease release = version == null ? null : matrix.release(version).orElse(null);
        boolean tunnelPossible = release != null && release.tunnelApi();
        String command = tunnel.commandFor(remote.context(), control.context());
        String commandWithImages = tunnel.commandWithImagesFor(remote.context(), control.context(),
                "<mirror>/konveyor/openvpn:latest");
        String needs = String.join(" ", tunnel.requirementsText());
        String quote = "\"" + matrix.rules().edgeCase() + "\" \"" + matrix.rules().tunnelApi() + "\"";
        if (decisions.networkWorkaround() == NetworkWorkaround.TUNNEL_API) {
            if (!tunnelPossible) {
                return new CheckResult(CheckKind.REMOTE_REACHES_CONTROL, remote.context(), remote.role(), Severity.BLOCKING,
                        "crane tunnel-api is not the documented answer with MTC " + version, facts,
                        "The procedure documents crane tunnel-api for MTC v.1.7.z: " + quote,
                        "Open the network path between " + remote.context() + " and " + control.context() + ".", null);
            }
            tunnelCommands.add(commandWithImages);
            return new CheckResult(CheckKind.REMOTE_REACHES_CONTROL, remote.context(), remote.role(), Severity.WARNING,
                    "Tunnel: " + command, facts,
                    "You stated that " + remote.context() + " and the control cluster " + control.context()
                            + " cannot connect, and chose crane tunnel-api. " + quote + " It needs: " + needs + " "
                            + (tunnel.afterwards() == null ? "" : tunnel.afterwards()),
                    "Run on the workstation (crane from " + tunnel.binary() + "): " + commandWithImages, null);
        }
        List<DecisionOption> options = new ArrayList<>();
        options.add(tunnelPossible
                ? new DecisionOption("tunnel-api", "Use crane tunnel-api", true, List.of(
                        "Keeps " + control.context() + " as the control cluster and opens an OpenVPN tunnel from "
                                + remote.context() + " to it.",
                        "Command: " + command,
                        "In a restricted network: " + commandWithImages,
                        "Needs: " + needs), null, "--tunnel-api")
                : new DecisionOption("tunnel-api", "Use crane tunnel-api", false, List.of(),
                        "The procedure documents crane tunnel-api with MTC v.1.7.z; this migration uses MTC " + version + ".",
                        "--tunnel-api"));
        boolean legacyPossible = remote.isLegacy() && control.placed() && !control.isLegacy()
                && release != null && release.legacyControlCluster();
        options.add(legacyPossible
                ? new DecisionOption("legacy-control-cluster", "Make " + remote.context() + " the control cluster", true, List.of(
                        "\"" + matrix.rules().controlCluster() + "\"",
                        remote.describe() + " runs the MTC controller and GUI and pushes workloads to " + control.context()
                                + "; it must reach " + control.context() + "'s API and routes.",
                        "The legacy operator's controller.yml deploys only Velero: the MigrationController on "
                                + remote.context() + " must also enable migration_controller and migration_ui."),
                        null, "--legacy-control-cluster")
                : new DecisionOption("legacy-control-cluster", "Make " + remote.context() + " the control cluster", false,
                        List.of(), remote.isLegacy()
                                ? "The edge case needs the stable MTC release of legacy platforms (MTC v.1.7.z)."
                                : remote.describe() + " is not on a legacy platform; the edge case concerns a legacy cluster "
                                        + "that a modern control cluster cannot reach. A modern cluster can be chosen as "
                                        + "control cluster with --control-cluster.",
                        "--legacy-control-cluster"));
        options.add(new DecisionOption("fix-network", "Open the network path", true, List.of(
                "Allow " + control.context() + " to reach " + remote.snapshot().apiUrl()
                        + " and the routes MTC creates, then state --remote-reaches-control " + remote.context() + "=yes.",
                "No tunnel and no change of control cluster."), null, "--remote-reaches-control " + remote.context() + "=yes"));
        return new CheckResult(CheckKind.REMOTE_REACHES_CONTROL, remote.context(), remote.role(), Severity.NEEDS_DECISION,
                remote.context() + " and control cluster " + control.context() + " cannot connect", facts,
                "You stated that " + remote.context() + " and the control cluster " + control.context()
                        + " cannot connect; MTC cannot drive the migration that way. " + quote,
                "Choose how to proceed; each option lists what it needs.",
                new DecisionRequest(DecisionTopic.NETWORK_RESTRICTION,
                        "How should MTC work around the missing connection between " + remote.context() + " and "
                                + control.context() + "?", options));
    }

    private static Placement preferredLegacy(List<Placement> placed, MigrationDecisions decisions) {
        List<Placement> legacy = placed.stream().filter(Placement::isLegacy).toList();
        return legacy.stream().filter(p -> decisions.remoteReachesControl(p.context()) == Reachability.NO).findFirst()
                .or(() -> legacy.stream().filter(p -> p.snapshot().role() == ClusterRole.SOURCE).findFirst())
                .or(() -> legacy.stream().findFirst())
                .orElse(null);
    }

    private static String legacyWords(List<Placement> placed) {
        List<String> legacy = placed.stream().filter(Placement::isLegacy).map(Placement::describe).toList();
        return legacy.isEmpty() ? "" : " " + String.join(", ", legacy)
                + ": Table 7.1 says \"This cluster cannot be the control cluster.\"";
    }

    private static String controlAction(Placement control, List<Placement> placed) {
        List<String> remotes = placed.stream().filter(p -> p != control).map(Placement::context).toList();
        return "The Operators step sets migration_controller: true and migration_ui: true on " + control.context()
                + (remotes.isEmpty() ? "." : ", and only Velero (migration_controller: false, migration_ui: false) on "
                        + String.join(", ", remotes) + ".");
    }

    private static int rolePriority(ClusterRole role) {
        return switch (role) {
            case TARGET -> 0;
            case SOURCE -> 1;
            case REMOTE -> 2;
        };
    }

    private static CheckResult row(Severity severity, String summary, List<Fact> facts, String explanation, String action) {
        return new CheckResult(CheckKind.CONTROL_CLUSTER, null, null, severity, summary, facts, explanation, action, null);
    }
}
