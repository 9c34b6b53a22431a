package io.mtcassistant.network;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtcassistant.install.MigrationControllers;
import io.mtcassistant.install.plan.ChangeAction;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.install.plan.ObjectRef;
import io.mtcassistant.install.plan.WaitCondition;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One cluster's network change plan: the MigrationController merge patch (proxy, stunnel, rsync settings) with a wait
 * for the operator's reconciliation, then the generated policy fixes, each object once.
 */
public final class NetworkPlanner {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(NetworkPlanner.class);
    public static final String TITLE = "Proxy and network settings for migration";
    private static final String[] RUN_COMPLETED_PATHS = {"status.conditions[type=Running].ansibleResult.completion",
        "status.conditions[type=Failure].ansibleResult.completion"};

    private NetworkPlanner() {
    }

    /** The live MigrationController of the cluster (the first in openshift-migration), or null. */
    public static GenericKubernetesResource liveController(KubernetesClient client) {
        return client.genericKubernetesResources(MigrationControllers.API_VERSION, MigrationControllers.KIND)
                .inNamespace(MigrationControllers.NAMESPACE).list().getItems().stream().findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> spec(GenericKubernetesResource controller) {
        Object spec = controller == null ? null : controller.getAdditionalProperties().get("spec");
        return spec instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /**
     * Successful (or Failure) from an ansible run that ended after the patch: the conditions of the run before it
     * are still there when the wait starts (the ansible operator keeps Successful while it runs again), and each
     * run's result carries a new completion time in the Running (success) or Failure condition.
     */
    static WaitCondition reconciled(Duration timeout) {
        return new WaitCondition("status.conditions[type=Successful].status", List.of("True"), List.of("True"),
                "status.conditions[type=Failure].message", timeout, "status.conditions[type=Failure].status")
                .afterReconcile(RUN_COMPLETED_PATHS);
    }

    /**
     * @param controller the live MigrationController; required when {@code settings} change anything
     * @param secrets    INCLUDE for Apply (or an export that asked for secrets), else PLACEHOLDER
     */
    public static ChangePlan plan(String cluster, GenericKubernetesResource controller, ControllerSettings settings,
            List<NetworkFinding> findings, SecretHandling secrets, Duration timeout) {
        ChangePlan.Builder plan = ChangePlan.builder(cluster, TITLE);
        if (settings != null && !settings.isEmpty()) {
            if (controller == null) {
                throw new InvalidSettingException("MigrationController", "there is none in " + MigrationControllers.NAMESPACE
                        + " on " + cluster + ": install MTC first (Operators step)");
            }
            String name = controller.getMetadata().getName();
            GenericKubernetesResource patch = MigrationControllerPatch.build(name, spec(controller), settings, secrets);
            LOG.info("{}: MigrationController {}: {}", cluster, name, settings.summary());
            plan.add(ChangeAction.mergePatch(patch, "sets " + settings.summary() + " (other fields kept; snake_case"
                    + " keys only, a camelCase twin is removed)"));
            plan.add(ChangeAction.waitFor(ObjectRef.of(patch), reconciled(timeout), "the operator reconciles the new"
                    + " settings (migration-proxy Secret, migration-cluster-config) and reports Successful"));
            if (secrets == SecretHandling.PLACEHOLDER && settings.specValues(SecretHandling.INCLUDE).values().stream()
                    .anyMatch(v -> v.contains("@"))) {
                plan.note("proxy passwords are written as " + SecretHandling.PLACEHOLDER_TEXT + ": replace them before"
                        + " running apply.sh (or export again with secrets included)");
            }
        }
        Set<ObjectRef> added = new LinkedHashSet<>();
        for (NetworkFinding finding : findings) {
            for (ChangeAction fix : finding.fixes()) {
                if (added.add(fix.target())) {
                    plan.add(fix);
                }
            }
        }
        if (findings.stream().anyMatch(f -> f.blocking() && f.fixes().isEmpty())) {
            plan.note("some findings have no generated fix (see the findings); check them by hand");
        }
        return plan.build();
    }
}
