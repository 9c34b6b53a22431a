package io.mtcassistant.sim.olm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Optional;

/**
 * OLM's CSV lifecycle: Pending -> InstallReady -> Installing (creates the Deployments of the install strategy) ->
 * Succeeded once they are available. A CSV that {@code spec.replaces} another takes over its Deployments (new spec
 * and owner) when it installs, the old one goes Replacing, and is deleted once the new one has Succeeded. Failed with NoOperatorGroup when the namespace has no OperatorGroup, with
 * InstallCheckFailed "install timeout" when the Deployments never become available, or with a planted failure.
 */
final class ClusterServiceVersions implements Reconciler {

    @Override
    public void reconcile(Pass pass) {
        pass.api.list(Api.DEPLOYMENT, null);
        for (ObjectNode csv : pass.api.list(Api.CSV, null)) {
            reconcile(pass, csv);
        }
    }

    private void reconcile(Pass pass, ObjectNode csv) {
        String phase = csv.path("status").path("phase").asText("Pending");
        String key = Api.uid(csv) + "/" + phase;
        String namespace = Api.namespace(csv);
        switch (phase) {
            case "Pending" -> {
                if (pass.api.list(Api.OPERATOR_GROUP, namespace).isEmpty()) {
                    if (pass.elapsed("csv/" + key, 1)) {
                        move(pass, csv, "Failed", "NoOperatorGroup", "csv in namespace with no operatorgroups");
                    }
                } else if (pass.elapsed("csv/" + key, 1)) {
                    move(pass, csv, "InstallReady", "AllRequirementsMet", "all requirements found, attempting install");
                }
            }
            case "InstallReady" -> {
                if (pass.elapsed("csv/" + key, 1)) {
                    createDeployments(pass, csv);
                    pass.state.csvFailure(Api.uid(csv));
                    move(pass, csv, "Installing", "InstallSucceeded", "waiting for install components to report healthy");
                }
            }
            case "Installing" -> installing(pass, csv, key);
            default -> {
                // Succeeded and Failed stay as they are
            }
        }
    }

    private void installing(Pass pass, ObjectNode csv, String key) {
        Optional<SimState.PlantedFailure> planted = pass.state.csvFailure(Api.uid(csv));
        if (planted.isPresent()) {
            if (pass.elapsed("csv/" + key, 1)) {
                move(pass, csv, "Failed", planted.get().reason(), planted.get().message());
            }
            return;
        }
        String waitingFor = null;
        for (JsonNode deployment : csv.path("spec").path("install").path("spec").path("deployments")) {
            String name = deployment.path("name").asText();
            ObjectNode current = pass.api.get(Api.DEPLOYMENT, Api.namespace(csv), name);
            if (current == null || current.path("status").path("availableReplicas").asInt(0) < 1) {
                waitingFor = name;
                break;
            }
        }
        if (waitingFor == null) {
            if (pass.elapsed("csv/" + key, 1)) {
                move(pass, csv, "Succeeded", "InstallSucceeded", "install strategy completed with no errors");
                replaced(pass, csv).ifPresent(old -> pass.api.delete(Api.CSV, old));
            }
            return;
        }
        if (pass.elapsed("csv-timeout/" + key, pass.speed().installTimeout())) {
            move(pass, csv, "Failed", "InstallCheckFailed", "install timeout");
            return;
        }
        String message = "installing: waiting for deployment " + waitingFor + " to become ready: deployment \""
                + waitingFor + "\" not available: Deployment does not have minimum availability.";
        if (!message.equals(csv.path("status").path("message").asText())) {
            move(pass, csv, "Installing", "InstallWaiting", message);
        }
    }

    private static void createDeployments(Pass pass, ObjectNode csv) {
        Optional<ObjectNode> replaced = replaced(pass, csv);
        for (JsonNode strategy : csv.path("spec").path("install").path("spec").path("deployments")) {
            ObjectNode deployment = Api.named(strategy.path("name").asText(), Api.namespace(csv));
            ObjectNode metadata = deployment.with("metadata");
            metadata.putObject("labels").put("olm.owner", Api.name(csv)).put("olm.owner.kind", "ClusterServiceVersion")
                    .put("olm.owner.namespace", Api.namespace(csv));
            metadata.putArray("ownerReferences").add(Api.ownerReference(Api.CSV, csv).put("controller", false));
            deployment.set("spec", strategy.path("spec").deepCopy());
            ObjectNode existing = pass.api.get(Api.DEPLOYMENT, Api.namespace(csv), Api.name(deployment));
            if (existing != null && replaced.isPresent() && Api.name(replaced.get()).equals(
                    existing.path("metadata").path("labels").path("olm.owner").asText())) {
                // the upgrade: the old CSV's Deployment gets the new spec and owner (its pods roll)
                existing.set("metadata", existing.path("metadata").deepCopy());
                ((ObjectNode) existing.path("metadata")).set("labels", metadata.path("labels"));
                ((ObjectNode) existing.path("metadata")).set("ownerReferences", metadata.path("ownerReferences"));
                existing.set("spec", deployment.path("spec"));
                pass.api.update(Api.DEPLOYMENT, existing);
                continue;
            }
            try {
                pass.api.create(Api.DEPLOYMENT, deployment);
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409) {
                    throw e;
                }
            }
        }
        replaced.filter(old -> !"Replacing".equals(old.path("status").path("phase").asText()))
                .ifPresent(old -> move(pass, old, "Replacing", "BeingReplaced", "being replaced by csv: "
                        + Api.namespace(csv) + "/" + Api.name(csv)));
    }

    /** The CSV this one replaces ({@code spec.replaces}), while it is still there. */
    private static Optional<ObjectNode> replaced(Pass pass, ObjectNode csv) {
        String name = csv.path("spec").path("replaces").asText("");
        return name.isEmpty() ? Optional.empty() : Optional.ofNullable(pass.api.get(Api.CSV, Api.namespace(csv), name));
    }

    private static void move(Pass pass, ObjectNode csv, String phase, String reason, String message) {
        ObjectNode status = Api.status(csv);
        status.put("phase", phase).put("reason", reason).put("message", message)
                .put("lastUpdateTime", Api.now()).put("lastTransitionTime", Api.now());
        JsonNode conditions = status.get("conditions");
        ArrayNode history = conditions instanceof ArrayNode array ? array : status.putArray("conditions");
        history.addObject().put("phase", phase).put("reason", reason).put("message", message)
                .put("lastTransitionTime", Api.now()).put("lastUpdateTime", Api.now());
        pass.api.writeStatus(Api.CSV, csv);
    }
}
