package io.mtcassistant.ui.testsupport;

import io.mtcassistant.cluster.ConnectionOutcome;
import io.mtcassistant.common.ActivityListener;
import io.mtcassistant.compat.ClusterInventory;
import io.mtcassistant.compat.ClusterSnapshot;
import io.mtcassistant.compat.CompatibilityEngine.ClusterAssignment;
import io.mtcassistant.compat.CompatibilityEvaluator;
import io.mtcassistant.compat.CompatibilityMatrixLoader;
import io.mtcassistant.compat.CompatibilityReport;
import io.mtcassistant.compat.MigrationDecisions;
import io.mtcassistant.ui.steps.compatibility.CompatibilityService;
import java.util.List;

/** Snapshots from the connections' facts (no cluster reads); the real, pure evaluator. */
public final class FakeCompatibilityService implements CompatibilityService {
    private final CompatibilityEvaluator evaluator;
    public int inspects;
    public RuntimeException failure;

    public FakeCompatibilityService() {
        try {
            evaluator = new CompatibilityEvaluator(CompatibilityMatrixLoader.builtIn(), "built-in");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<ClusterSnapshot> inspect(List<ClusterAssignment> assignments, ActivityListener listener) {
        inspects++;
        if (failure != null) {
            throw failure;
        }
        return assignments.stream().map(a -> a.outcome() instanceof ConnectionOutcome.Connected connected
                ? ClusterSnapshot.connected(a.role(), connected.facts(), ClusterInventory.empty())
                : ClusterSnapshot.failed(a.role(), a.outcome().context().name(), a.outcome().context().server(),
                        ((ConnectionOutcome.Failed) a.outcome()).failure())).toList();
    }

    @Override
    public CompatibilityReport evaluate(List<ClusterSnapshot> snapshots, MigrationDecisions decisions) {
        return evaluator.evaluate(snapshots, decisions);
    }
}
