package io.mtcassistant.compat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies Table 7.1 and the procedure's rules to what is known about the clusters. Pure: the same snapshots and
 * decisions give the same report, with no cluster round trip, so a view can re-evaluate after each decision.
 */
public final class CompatibilityEvaluator {

    private final CompatibilityMatrix matrix;
    private final String dataSource;
    private final Clock clock;

    public CompatibilityEvaluator(CompatibilityMatrix matrix, String dataSource) {
        this(matrix, dataSource, Clock.systemUTC());
    }

    public CompatibilityEvaluator(CompatibilityMatrix matrix, String dataSource, Clock clock) {
        this.matrix = matrix;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public CompatibilityMatrix matrix() {
        return matrix;
    }

    /**
     * @param clusters  one snapshot per cluster: exactly one source, one target, any remotes
     * @param decisions what the admin stated and decided so far
     */
    public CompatibilityReport evaluate(List<ClusterSnapshot> clusters, MigrationDecisions decisions) {
        List<ClusterSnapshot> ordered = clusters.stream()
                .sorted(Comparator.comparingInt(s -> s.role().ordinal())).toList();
        List<ClusterSnapshot> connected = ordered.stream().filter(ClusterSnapshot::isConnected).toList();
        List<Placement> placements = connected.stream().map(s -> Placement.of(s, matrix)).toList();

        List<CheckResult> rows = new ArrayList<>();
        MtcVersionCheck.Outcome version = MtcVersionCheck.evaluate(placementsOrFailed(ordered, placements), matrix, decisions);
        MtcVersion chosen = version.chosen();
        rows.add(version.row());
        ControlClusterCheck.Outcome control = ControlClusterCheck.evaluate(placements, matrix, decisions, chosen);
        rows.add(control.row());

        Map<String, ClusterPlan> plans = new HashMap<>();
        for (ClusterSnapshot snapshot : ordered) {
            rows.add(AccessChecks.apiReachable(snapshot));
            if (!snapshot.isConnected()) {
                plans.put(snapshot.context(), new ClusterPlan(snapshot.context(), snapshot.role(), null, null, false, null, null,
                        ExistingMtcAction.UNKNOWN));
                continue;
            }
            Placement placement = placements.stream().filter(p -> p.snapshot() == snapshot).findFirst().orElseThrow();
            rows.add(AccessChecks.clusterAdmin(snapshot));
            rows.add(PlatformCheck.evaluate(placement, chosen));
            control.reachabilityRows().stream().filter(r -> snapshot.context().equals(r.cluster())).forEach(rows::add);
            InstallOption planned = chosen != null && placement.placed()
                    ? placement.column().installFor(chosen).orElse(null) : null;
            ExistingMtcAction existing = ExistingMtcAction.UNKNOWN;
            if (placement.placed() || placement.version() != null) {
                ExistingMtcCheck.Outcome outcome = ExistingMtcCheck.evaluate(snapshot, planned);
                rows.add(outcome.row());
                existing = outcome.action();
                rows.addAll(RestrictedNetworkChecks.evaluate(placement, ordered, matrix,
                        planned != null ? planned : placement.placed() ? placement.column().stableInstall() : null));
            }
            boolean isControl = control.control() != null && control.control().snapshot() == snapshot;
            String oadp = planned != null && planned.method() == InstallMethod.OLM
                    ? matrix.release(planned.mtc()).map(MtcRelease::oadpChannel).orElse(null) : null;
            plans.put(snapshot.context(), new ClusterPlan(snapshot.context(), snapshot.role(), placement.version(),
                    placement.placed() ? placement.column().id() : null, isControl, planned, oadp, existing));
        }
        Severity worst = rows.stream().map(CheckResult::severity).max(Comparator.naturalOrder()).orElse(Severity.OK);
        Verdict verdict = Verdict.of(worst);
        NetworkWorkaround workaround = control.tunnelCommands().isEmpty()
                && decisions.networkWorkaround() == NetworkWorkaround.TUNNEL_API ? NetworkWorkaround.NONE
                : decisions.networkWorkaround();
        MigrationPlan plan = new MigrationPlan(chosen,
                control.control() == null ? null : control.control().context(),
                workaround, control.tunnelCommands(),
                ordered.stream().map(s -> plans.get(s.context())).toList());
        return new CompatibilityReport(Instant.now(clock).toString(), dataSource, verdict, verdictText(verdict, rows), rows,
                decisions, plan);
    }

    /** The version check needs to know about clusters that failed to connect, as unplaced entries. */
    private List<Placement> placementsOrFailed(List<ClusterSnapshot> ordered, List<Placement> placements) {
        List<Placement> all = new ArrayList<>(placements);
        for (ClusterSnapshot snapshot : ordered) {
            if (!snapshot.isConnected()) {
                all.add(new Placement(snapshot, null, null, false, null, "no connection"));
            }
        }
        return all;
    }

    private static String verdictText(Verdict verdict, List<CheckResult> rows) {
        long blocking = rows.stream().filter(r -> r.severity() == Severity.BLOCKING).count();
        long decisions = rows.stream().filter(r -> r.severity() == Severity.NEEDS_DECISION).count();
        long warnings = rows.stream().filter(r -> r.severity() == Severity.WARNING).count();
        return switch (verdict) {
            case BLOCKED -> plural(blocking, "check blocks", "checks block") + " the migration"
                    + (decisions > 0 ? ", and " + plural(decisions, "question needs", "questions need") + " your decision" : "")
                    + ".";
            case NEEDS_DECISION -> plural(decisions, "question needs", "questions need")
                    + " your decision before the migration can go on.";
            case READY_WITH_WARNINGS -> "Nothing blocks the migration; " + plural(warnings, "warning", "warnings")
                    + " to read.";
            case READY -> "Nothing blocks the migration.";
        };
    }

    private static String plural(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }
}
