package io.mtcassistant.plans;

import com.fasterxml.jackson.databind.JsonNode;
import io.mtcassistant.network.ControllerSettings;
import io.mtcassistant.network.InvalidSettingException;
import io.mtcassistant.network.RsyncEndpointType;
import java.util.List;
import java.util.Optional;

/**
 * How direct volume migration would reach the target: the destination cluster's MigrationController sets
 * {@code rsync_endpoint_type} (the Proxy &amp; network step writes it; unset means Route). Only the control cluster's
 * MigrationController can be read here, so a target that is not the host cluster is named as unchecked.
 *
 * @param hostCluster the MigCluster that is the control cluster (spec.isHostCluster), or null
 * @param configured  its MigrationController's rsync_endpoint_type as written, or null when unset
 */
public record RsyncEndpoint(String hostCluster, String configured) {

    private static final String STEP = "the Proxy & network step";

    /** Read from the control cluster's MigrationController (null when there is none). */
    static RsyncEndpoint of(JsonNode controller, String hostCluster) {
        JsonNode spec = controller == null ? null : controller.path("spec");
        String value = null;
        for (String key : List.of(ControllerSettings.RSYNC_ENDPOINT_FIELD,
                ControllerSettings.CAMEL_CASE.get(ControllerSettings.RSYNC_ENDPOINT_FIELD))) {
            if (spec != null && spec.hasNonNull(key) && !spec.get(key).asText().isBlank()) {
                value = spec.get(key).asText().trim();
                break;
            }
        }
        return new RsyncEndpoint(hostCluster, value);
    }

    /** The endpoint the controller uses (it takes an unknown value as Route); empty when the target is not the host. */
    public Optional<RsyncEndpointType> effective(String targetCluster) {
        if (hostCluster == null || !hostCluster.equals(targetCluster)) {
            return Optional.empty();
        }
        return Optional.of(parsed().orElse(RsyncEndpointType.ROUTE));
    }

    private Optional<RsyncEndpointType> parsed() {
        try {
            return configured == null ? Optional.empty()
                    : Optional.of(RsyncEndpointType.parse(ControllerSettings.RSYNC_ENDPOINT_FIELD, configured));
        } catch (InvalidSettingException e) {
            return Optional.empty();
        }
    }

    /** What direct volume migration to this target needs, in a line for the Options page. */
    public String needs(String targetCluster) {
        if (targetCluster == null || targetCluster.isEmpty()) {
            return "";
        }
        return effective(targetCluster).map(type -> "To " + targetCluster + " rsync uses a " + type.value()
                + " endpoint (rsync_endpoint_type " + (configured == null ? "unset: the controller's default"
                        : "= " + configured) + "): " + type.needs() + ".")
                .orElse("To " + targetCluster + " rsync uses the endpoint its own MigrationController sets "
                        + "(rsync_endpoint_type, Route when unset; see " + STEP + ").");
    }

    /** Warnings for a plan with direct volume migration, each saying what is needed. */
    List<PlanProblem> check(String sourceCluster, String targetCluster) {
        if (targetCluster == null || targetCluster.isEmpty()) {
            return List.of();
        }
        if (hostCluster == null || !hostCluster.equals(targetCluster)) {
            return List.of(PlanProblem.warning("direct-volumes", "MigCluster '" + targetCluster + "' is not the "
                    + "control cluster: its rsync_endpoint_type is not checked here; make sure " + STEP + " set "
                    + "one its source can reach there (Route when unset: " + RsyncEndpointType.ROUTE.needs() + ")"));
        }
        if (configured == null) {
            return List.of(PlanProblem.warning("direct-volumes", "rsync_endpoint_type is not set on the control "
                    + "cluster's MigrationController, so rsync to '" + targetCluster + "' uses a Route: "
                    + RsyncEndpointType.ROUTE.needs() + "; if the source cannot reach that, set NodePort (or "
                    + "ClusterIP) in " + STEP + ", or use indirect volume migration"));
        }
        Optional<RsyncEndpointType> type = parsed();
        if (type.isEmpty()) {
            return List.of(PlanProblem.warning("direct-volumes", "rsync_endpoint_type '" + configured + "' on the "
                    + "control cluster's MigrationController is not Route, ClusterIP or NodePort: the controller "
                    + "silently uses Route; correct it in " + STEP));
        }
        if (type.get() == RsyncEndpointType.CLUSTER_IP && !targetCluster.equals(sourceCluster)) {
            return List.of(PlanProblem.warning("direct-volumes", "rsync_endpoint_type ClusterIP works "
                    + RsyncEndpointType.CLUSTER_IP.needs().substring("a ClusterIP Service: ".length())
                    + "; between two clusters set Route or NodePort in " + STEP + ", or use indirect volume "
                    + "migration"));
        }
        return List.of();
    }
}
