package io.mtcassistant.monitor;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The monitor's actions, done the way the MTC web console does them: a new MigMigration per stage / cutover /
 * rollback ({@code stage}, {@code quiescePods}, {@code rollback} in its spec), and {@code spec.canceled: true} on
 * the running one to cancel. Refused, with the reason, when the console would not offer them.
 */
public final class MigrationActions {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    private MigrationActions() {
    }

    public static ActionCheck check(MonitorSnapshot snapshot, ActionRequest request) {
        PlanView plan = snapshot.plan(request.planName()).orElse(null);
        if (plan == null) {
            return ActionCheck.refuse("no MigPlan named " + request.planName() + " in " + MigResources.NAMESPACE);
        }
        List<MigrationView> migrations = plan.migrations();
        if (request.kind() == ActionRequest.Kind.CANCEL) {
            MigrationView target = migrations.stream().filter(m -> m.name().equals(request.migrationName()))
                    .findFirst().orElse(null);
            if (target == null) {
                return ActionCheck.refuse("plan " + plan.name() + " has no migration named " + request.migrationName());
            }
            if (target.state() == MigrationState.CANCELING) {
                return ActionCheck.refuse("migration " + target.name() + " is already being canceled");
            }
            if (!target.active()) {
                return ActionCheck.refuse("migration " + target.name() + " is not running (" + target.state().label()
                        + ")");
            }
            return ActionCheck.allow();
        }
        if (plan.closed()) {
            return ActionCheck.refuse("plan " + plan.name() + " is closed");
        }
        if (!plan.ready()) {
            String why = plan.conditions().stream()
                    .filter(c -> c.isCategory("Critical") || c.isCategory("Error")).map(Condition::message)
                    .findFirst().orElse("it has no Ready condition yet");
            return ActionCheck.refuse("plan " + plan.name() + " is not Ready: " + why);
        }
        MigrationView running = migrations.stream().filter(MigrationView::active).findFirst().orElse(null);
        if (running != null) {
            return ActionCheck.refuse("migration " + running.name() + " of this plan is still running ("
                    + running.state().label() + ")");
        }
        boolean cutoverDone = cutoverSucceededSinceRollback(migrations);
        return switch (request.kind()) {
            case STAGE, CUTOVER -> cutoverDone
                    ? ActionCheck.refuse("a cutover of plan " + plan.name() + " already succeeded; roll it back first")
                    : ActionCheck.allow();
            case ROLLBACK -> rollbackCheck(plan, migrations);
            default -> ActionCheck.allow();
        };
    }

    private static ActionCheck rollbackCheck(PlanView plan, List<MigrationView> migrations) {
        if (migrations.isEmpty()) {
            return ActionCheck.refuse("nothing to roll back: no migration of plan " + plan.name() + " has run");
        }
        MigrationView latest = migrations.get(0);
        if (latest.action() == MigrationAction.ROLLBACK && latest.state() == MigrationState.SUCCEEDED) {
            return ActionCheck.refuse("plan " + plan.name() + " is already rolled back");
        }
        return ActionCheck.allow();
    }

    private static boolean cutoverSucceededSinceRollback(List<MigrationView> newestFirst) {
        for (MigrationView m : newestFirst) {
            boolean succeeded = m.state() == MigrationState.SUCCEEDED
                    || m.state() == MigrationState.SUCCEEDED_WITH_WARNINGS;
            if (m.action() == MigrationAction.ROLLBACK && succeeded) {
                return false;
            }
            if (m.action() == MigrationAction.CUTOVER && succeeded) {
                return true;
            }
        }
        return false;
    }

    /** The MigMigration the console would create for a stage, cutover or rollback. */
    public static GenericKubernetesResource newMigration(ActionRequest request) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("migPlanRef", Map.of("name", request.planName(), "namespace", MigResources.NAMESPACE));
        switch (request.kind()) {
            case STAGE -> spec.put("stage", true);
            case CUTOVER -> {
                spec.put("stage", false);
                spec.put("quiescePods", request.quiescePods());
            }
            case ROLLBACK -> {
                spec.put("stage", false);
                spec.put("rollback", true);
            }
            case CANCEL -> throw new IllegalArgumentException("a cancel changes the running migration; it creates none");
        }
        GenericKubernetesResource migration = new GenericKubernetesResource();
        migration.setApiVersion(MigResources.API_VERSION);
        migration.setKind("MigMigration");
        migration.setMetadata(new ObjectMetaBuilder().withName(name(request)).withNamespace(MigResources.NAMESPACE)
                .withLabels(Map.of("migration.openshift.io/migplan-name", request.planName())).build());
        migration.setAdditionalProperty("spec", spec);
        return migration;
    }

    /**
     * Checks against the snapshot, then creates the MigMigration (or sets canceled on the running one).
     *
     * @return the name of the migration created or canceled
     * @throws ActionRefusedException when the action is not allowed now
     */
    public static String apply(KubernetesClient client, MonitorSnapshot snapshot, ActionRequest request)
            throws ActionRefusedException {
        ActionCheck check = check(snapshot, request);
        if (!check.allowed()) {
            throw new ActionRefusedException(check.reason());
        }
        if (request.kind() == ActionRequest.Kind.CANCEL) {
            client.genericKubernetesResources(MigResources.MIG_MIGRATION).inNamespace(MigResources.NAMESPACE)
                    .withName(request.migrationName())
                    .edit(m -> {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> spec = (Map<String, Object>) m.getAdditionalProperties()
                                .computeIfAbsent("spec", k -> new LinkedHashMap<String, Object>());
                        spec.put("canceled", true);
                        return m;
                    });
            return request.migrationName();
        }
        GenericKubernetesResource created = client.genericKubernetesResources(MigResources.MIG_MIGRATION)
                .inNamespace(MigResources.NAMESPACE).resource(newMigration(request)).create();
        return created.getMetadata().getName();
    }

    private static String name(ActionRequest request) {
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            suffix.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        String base = request.planName() + "-" + request.kind().name().toLowerCase(java.util.Locale.ROOT);
        if (base.length() > 56) {
            base = base.substring(0, 56);
        }
        return base + "-" + suffix;
    }

    /** The action is not allowed now; the message says why. */
    public static final class ActionRefusedException extends Exception {
        public ActionRefusedException(String reason) {
            super(reason);
        }
    }
}
