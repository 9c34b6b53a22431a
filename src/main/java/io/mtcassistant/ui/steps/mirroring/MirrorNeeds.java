package io.mtcassistant.ui.steps.mirroring;

import io.mtcassistant.compat.ClusterPlan;
import io.mtcassistant.compat.InstallMethod;
import io.mtcassistant.compat.MigrationPlan;
import io.mtcassistant.compat.OpenShiftVersion;
import io.mtcassistant.mirror.session.MirroringSession;
import java.util.ArrayList;
import java.util.List;

/**
 * What the Compatibility step's plan asks of the mirror: the OLM channel, whether the legacy operator is needed, and the
 * operator index of the OpenShift version the catalog will run on; plus the line that says so on the page.
 */
record MirrorNeeds(String channel, boolean legacyOperator, String indexImage, String summary) {

    /** @param currentIndex kept in the demo (its own catalog) and when no OLM cluster says its version */
    static MirrorNeeds of(MigrationPlan plan, boolean demo, String currentIndex) {
        List<String> olmChannels = new ArrayList<>();
        boolean legacy = false;
        OpenShiftVersion newest = null;
        List<String> parts = new ArrayList<>();
        for (ClusterPlan cluster : plan.clusters()) {
            if (cluster.install() == null) {
                continue;
            }
            if (cluster.install().method() == InstallMethod.LEGACY_OPERATOR) {
                legacy = true;
                parts.add(cluster.context() + ": legacy operator");
            } else {
                if (cluster.install().channel() != null && !olmChannels.contains(cluster.install().channel())) {
                    olmChannels.add(cluster.install().channel());
                }
                parts.add(cluster.context() + ": OLM " + cluster.install().channel());
                OpenShiftVersion v = cluster.openshiftVersion();
                if (v != null && v.major() == 4 && (newest == null || v.compareTo(newest) > 0)) {
                    newest = v;
                }
            }
        }
        String summary = "From step 2: MTC " + plan.mtcVersion() + (parts.isEmpty() ? "" : " — " + String.join("; ", parts)) + ".";
        String channel = olmChannels.isEmpty() ? "" : olmChannels.get(0);
        OpenShiftVersion targetVersion = plan.clusters().stream().filter(c -> c.context().equals(plan.controlCluster()))
                .map(ClusterPlan::openshiftVersion).filter(v -> v != null && v.major() == 4).findFirst().orElse(newest);
        // The index of the version the catalog will run on: the control (target) cluster's, else the newest OLM cluster's.
        String index = !demo && targetVersion != null
                ? MirroringSession.redHatIndexImage(targetVersion.major() + "." + targetVersion.minor()) : currentIndex;
        return new MirrorNeeds(channel, legacy, index, summary);
    }
}
