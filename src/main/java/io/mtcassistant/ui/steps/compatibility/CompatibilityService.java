package io.mtcassistant.ui.steps.compatibility;

import io.mtcassistant.common.ActivityListener;
import io.mtcassistant.compat.ClusterSnapshot;
import io.mtcassistant.compat.CompatibilityEngine.ClusterAssignment;
import io.mtcassistant.compat.CompatibilityReport;
import io.mtcassistant.compat.MigrationDecisions;
import java.util.List;

/** What the Compatibility page needs from the compatibility engine; tests pass a fake that reads no cluster. */
public interface CompatibilityService {

    /** Reads the clusters (network; call off the FX thread). */
    List<ClusterSnapshot> inspect(List<ClusterAssignment> clusters, ActivityListener activity) throws Exception;

    /** Applies the table to what {@link #inspect} read; pure and quick. Only valid after an inspect succeeded. */
    CompatibilityReport evaluate(List<ClusterSnapshot> snapshots, MigrationDecisions decisions);
}
