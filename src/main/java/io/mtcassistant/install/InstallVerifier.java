package io.mtcassistant.install;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mtcassistant.install.plan.KubeObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks an install the way the procedure's last step does (oc get pods -n openshift-migration), and more: the
 * operator, controller, web console, Velero and Restic / node-agent pods Running and Ready, OPERATOR_VERSION in
 * migration-cluster-config, the MigrationController's condition, and the web console's URL on the control cluster.
 */
public final class InstallVerifier {

    private static final String NS = MigrationControllers.NAMESPACE;

    private InstallVerifier() {
    }

    /** Verifies until every check passes or {@code timeout} is over (pods take a while to start); the last result. */
    public static InstallVerification await(KubernetesClient client, String version, InstallRole role,
            java.time.Duration timeout) {
        java.time.Instant deadline = java.time.Instant.now().plus(timeout);
        while (true) {
            InstallVerification result = verify(client, version, role);
            if (result.passed() || !java.time.Instant.now().isBefore(deadline)) {
                return result;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return result;
            }
        }
    }

    public static InstallVerification verify(KubernetesClient client, String version, InstallRole role) {
        List<InstallVerification.Check> checks = new ArrayList<>();
        List<Pod> pods;
        try {
            pods = client.pods().inNamespace(NS).list().getItems();
        } catch (KubernetesClientException e) {
            checks.add(new InstallVerification.Check("pods in " + NS, false, "cannot list: " + e.getMessage()));
            return new InstallVerification(client.getMasterUrl().toString(), checks, null);
        }
        List<String> wanted = new ArrayList<>(List.of("migration-operator", "velero"));
        if (role == InstallRole.CONTROL) {
            wanted.addAll(1, List.of("migration-controller", "migration-ui"));
        }
        for (String component : wanted) {
            checks.add(podCheck(component, pods.stream().filter(p -> p.getMetadata().getName().startsWith(component + "-"))
                    .toList()));
        }
        List<Pod> agents = pods.stream().filter(p -> p.getMetadata().getName().startsWith("restic-")
                || p.getMetadata().getName().startsWith("node-agent-")).toList();
        checks.add(podCheck("restic / node-agent", agents));

        ConfigMap config = client.configMaps().inNamespace(NS).withName("migration-cluster-config").get();
        String operatorVersion = config == null || config.getData() == null ? null : config.getData().get("OPERATOR_VERSION");
        checks.add(new InstallVerification.Check("migration-cluster-config OPERATOR_VERSION is " + version,
                version.equals(operatorVersion), operatorVersion == null ? "not found" : "found " + operatorVersion));

        GenericKubernetesResource controller = client.genericKubernetesResources(MigrationControllers.API_VERSION,
                MigrationControllers.KIND).inNamespace(NS).withName(MigrationControllers.NAME).get();
        if (controller == null) {
            checks.add(new InstallVerification.Check("MigrationController", false, "not found"));
        } else {
            boolean failure = "True".equals(KubeObjects.valueAt(controller, "status.conditions[type=Failure].status").orElse(""));
            boolean successful = "True".equals(KubeObjects.valueAt(controller, "status.conditions[type=Successful].status")
                    .orElse(""));
            String detail = failure ? "Failure: " + KubeObjects.valueAt(controller, "status.conditions[type=Failure].message")
                    .orElse("") : successful ? "Successful" : "Running: "
                    + KubeObjects.valueAt(controller, "status.conditions[type=Running].message").orElse("no condition yet");
            checks.add(new InstallVerification.Check("MigrationController reconciled", successful && !failure, detail));
        }
        String url = null;
        if (role == InstallRole.CONTROL) {
            url = consoleUrl(client).orElse(null);
            checks.add(new InstallVerification.Check("web console Route migration", url != null,
                    url == null ? "no Route migration in " + NS : url));
        }
        return new InstallVerification(client.getMasterUrl().toString(), checks, url);
    }

    private static InstallVerification.Check podCheck(String component, List<Pod> pods) {
        String name = component + " pod Running and Ready";
        if (pods.isEmpty()) {
            return new InstallVerification.Check(name, false, "no pod");
        }
        for (Pod pod : pods) {
            boolean running = pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase());
            boolean ready = pod.getStatus() != null && pod.getStatus().getConditions() != null && pod.getStatus()
                    .getConditions().stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
            if (running && ready) {
                return new InstallVerification.Check(name, true, pod.getMetadata().getName());
            }
        }
        Pod pod = pods.get(0);
        String waiting = pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null ? "" : pod.getStatus()
                .getContainerStatuses().stream().filter(s -> s.getState() != null && s.getState().getWaiting() != null)
                .map(s -> s.getState().getWaiting().getReason() + ": " + s.getState().getWaiting().getMessage())
                .findFirst().orElse("");
        return new InstallVerification.Check(name, false, pod.getMetadata().getName() + " is "
                + (pod.getStatus() == null ? "unknown" : pod.getStatus().getPhase()) + (waiting.isEmpty() ? "" : " (" + waiting + ")"));
    }

    private static Optional<String> consoleUrl(KubernetesClient client) {
        try {
            GenericKubernetesResource route = client.genericKubernetesResources("route.openshift.io/v1", "Route")
                    .inNamespace(NS).withName("migration").get();
            return route == null ? Optional.empty()
                    : KubeObjects.valueAt(route, "spec.host").map(host -> "https://" + host);
        } catch (KubernetesClientException e) {
            return Optional.empty();
        }
    }
}
