package io.mtcassistant.compat;

import io.mtcassistant.cluster.ClusterRole;
import io.mtcassistant.cluster.ConnectionOutcome;
import io.mtcassistant.common.ActivityListener;
import io.mtcassistant.common.XdgDirs;
import java.util.ArrayList;
import java.util.List;

/**
 * The Compatibility step's entry point: reads what the checks need from the connected clusters, then applies
 * the table. {@link #inspect} talks to the clusters (run it off the UI thread); {@link #evaluate} is pure and
 * quick, so a view re-runs it after every decision.
 */
public final class CompatibilityEngine {

    private static final String SOURCE = "compatibility";

    /** A cluster of the migration: its role and how connecting to it went (Clusters step). */
    public record ClusterAssignment(ClusterRole role, ConnectionOutcome outcome) {
    }

    private final CompatibilityEvaluator evaluator;

    public CompatibilityEngine(CompatibilityEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** With the admin's override from the config folder when present, else the built-in table. */
    public static CompatibilityEngine load(XdgDirs dirs) throws CompatibilityDataException {
        CompatibilityMatrixLoader.Loaded loaded = CompatibilityMatrixLoader.load(dirs);
        return new CompatibilityEngine(new CompatibilityEvaluator(loaded.matrix(), loaded.origin()));
    }

    public CompatibilityEvaluator evaluator() {
        return evaluator;
    }

    /** Reads each connected cluster (read-only); failed connections become snapshots that carry the failure. */
    public List<ClusterSnapshot> inspect(List<ClusterAssignment> clusters, ActivityListener activity) {
        List<ClusterSnapshot> snapshots = new ArrayList<>();
        for (ClusterAssignment assignment : clusters) {
            ConnectionOutcome outcome = assignment.outcome();
            if (outcome instanceof ConnectionOutcome.Connected connected) {
                activity.info(SOURCE, "Reading MTC and restricted-network settings of " + connected.context().name());
                ClusterInventory inventory = ClusterInventoryProbe.probe(connected.session().client(), connected.facts());
                inventory.problems().forEach(p -> activity.warning(SOURCE, connected.context().name() + ": " + p));
                snapshots.add(ClusterSnapshot.connected(assignment.role(), connected.facts(), inventory));
            } else if (outcome instanceof ConnectionOutcome.Failed failed) {
                snapshots.add(ClusterSnapshot.failed(assignment.role(), failed.context().name(), failed.context().server(),
                        failed.failure()));
            }
        }
        return snapshots;
    }

    public CompatibilityReport evaluate(List<ClusterSnapshot> snapshots, MigrationDecisions decisions) {
        return evaluator.evaluate(snapshots, decisions);
    }

    /** inspect + evaluate, reporting the verdict to the activity listener. */
    public CompatibilityReport check(List<ClusterAssignment> clusters, MigrationDecisions decisions, ActivityListener activity) {
        CompatibilityReport report = evaluate(inspect(clusters, activity), decisions);
        switch (report.verdict()) {
            case READY, READY_WITH_WARNINGS -> activity.success(SOURCE, report.verdict().label() + ": " + report.verdictText());
            case NEEDS_DECISION -> activity.warning(SOURCE, report.verdict().label() + ": " + report.verdictText());
            case BLOCKED -> activity.error(SOURCE, report.verdict().label() + ": " + report.verdictText());
        }
        return report;
    }
}
