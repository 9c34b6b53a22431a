package io.mtcassistant.compat;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the admin stated and decided; the checks read it and the later steps act on it. Immutable: every
 * with-method returns a new object, so a view model can keep the previous one for undo.
 *
 * @param mtcVersion                  the MTC version for every cluster when the table disagrees; null = not decided
 * @param controlCluster              the context the admin picked as control cluster; null = the default
 *                                    (the most modern cluster)
 * @param networkWorkaround           the answer to a network restriction
 * @param remoteReachesControl        per context: can it and the control cluster connect
 * @param defaultRemoteReachesControl the statement for every context not in the map
 */
public record MigrationDecisions(
        MtcVersion mtcVersion,
        String controlCluster,
        NetworkWorkaround networkWorkaround,
        Map<String, Reachability> remoteReachesControl,
        Reachability defaultRemoteReachesControl) {

    public MigrationDecisions {
        networkWorkaround = networkWorkaround == null ? NetworkWorkaround.NONE : networkWorkaround;
        remoteReachesControl = remoteReachesControl == null ? Map.of() : Map.copyOf(remoteReachesControl);
        defaultRemoteReachesControl = defaultRemoteReachesControl == null ? Reachability.UNKNOWN : defaultRemoteReachesControl;
    }

    /** Nothing stated, nothing decided. */
    public static MigrationDecisions none() {
        return new MigrationDecisions(null, null, NetworkWorkaround.NONE, Map.of(), Reachability.UNKNOWN);
    }

    public MigrationDecisions withMtcVersion(MtcVersion version) {
        return new MigrationDecisions(version, controlCluster, networkWorkaround, remoteReachesControl, defaultRemoteReachesControl);
    }

    public MigrationDecisions withControlCluster(String context) {
        return new MigrationDecisions(mtcVersion, context, networkWorkaround, remoteReachesControl, defaultRemoteReachesControl);
    }

    public MigrationDecisions withNetworkWorkaround(NetworkWorkaround workaround) {
        return new MigrationDecisions(mtcVersion, controlCluster, workaround, remoteReachesControl, defaultRemoteReachesControl);
    }

    public MigrationDecisions withRemoteReachesControl(String context, Reachability reachability) {
        Map<String, Reachability> copy = new LinkedHashMap<>(remoteReachesControl);
        copy.put(context, reachability);
        return new MigrationDecisions(mtcVersion, controlCluster, networkWorkaround, copy, defaultRemoteReachesControl);
    }

    public MigrationDecisions withDefaultRemoteReachesControl(Reachability reachability) {
        return new MigrationDecisions(mtcVersion, controlCluster, networkWorkaround, remoteReachesControl, reachability);
    }

    /**
     * The decisions after the admin picked an option of a row that needs a decision (what a radio button in the
     * Compatibility page does). Evaluate again with the result.
     *
     * @throws IllegalArgumentException when the row asks nothing, or the option is unknown or not available
     */
    public MigrationDecisions choose(CheckResult row, String optionId) {
        DecisionRequest request = row.decision();
        if (request == null) {
            throw new IllegalArgumentException("row " + row.title() + " asks no decision");
        }
        DecisionOption option = request.options().stream().filter(o -> o.id().equals(optionId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no option " + optionId + " in " + request.question()));
        if (!option.available()) {
            throw new IllegalArgumentException("option " + optionId + " is not possible: " + option.unavailableReason());
        }
        return switch (request.topic()) {
            case MTC_VERSION -> withMtcVersion(MtcVersion.of(optionId.substring("mtc-".length())));
            case NETWORK_RESTRICTION -> switch (optionId) {
                case "tunnel-api" -> withNetworkWorkaround(NetworkWorkaround.TUNNEL_API);
                case "legacy-control-cluster" -> withNetworkWorkaround(NetworkWorkaround.LEGACY_CONTROL_CLUSTER);
                case "fix-network" -> withRemoteReachesControl(row.cluster(), Reachability.YES);
                default -> throw new IllegalArgumentException("no option " + optionId);
            };
        };
    }

    public Reachability remoteReachesControl(String context) {
        return remoteReachesControl.getOrDefault(context, defaultRemoteReachesControl);
    }
}
