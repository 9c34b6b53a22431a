package io.mtcassistant.plans;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The controller's limits per plan (MigrationController spec {@code mig_namespace_limit}, {@code mig_pod_limit},
 * {@code mig_pv_limit}; defaults 10 / 100 / 100). A plan over one is refused by the controller with a Critical
 * condition; the app checks them before creating.
 */
public record PlanLimits(int namespaces, int pods, int persistentVolumes) {

    public static final PlanLimits DEFAULTS = new PlanLimits(10, 100, 100);

    /** The limits a MigrationController sets (its spec; strings or numbers), defaults for what it leaves unset. */
    public static PlanLimits of(JsonNode migrationController) {
        if (migrationController == null) {
            return DEFAULTS;
        }
        JsonNode spec = migrationController.path("spec");
        return new PlanLimits(number(spec, "mig_namespace_limit", DEFAULTS.namespaces),
                number(spec, "mig_pod_limit", DEFAULTS.pods), number(spec, "mig_pv_limit", DEFAULTS.persistentVolumes));
    }

    private static int number(JsonNode spec, String key, int fallback) {
        JsonNode value = spec.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.asText().trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
