package io.mtcassistant.install;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mtcassistant.install.plan.KubeObjects;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The MigrationController per role (mtc-domain.md 1.2, 1.5): the OLM operator requires {@code cluster_name},
 * {@code migration_velero}, {@code migration_controller} and {@code migration_ui}; the control cluster turns all three
 * on, remote clusters Velero only. The legacy operator needs only {@code migration_velero}; controller and UI appear
 * there only for the legacy-as-control decision.
 */
public final class MigrationControllers {

    public static final String API_VERSION = "migration.openshift.io/v1alpha1";
    public static final String KIND = "MigrationController";
    public static final String NAME = "migration-controller";
    public static final String NAMESPACE = "openshift-migration";

    private MigrationControllers() {
    }

    public static GenericKubernetesResource olm(InstallRole role) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("azure_resource_group", "");
        spec.put("cluster_name", "host");
        spec.put("migration_velero", true);
        spec.put("migration_controller", role == InstallRole.CONTROL);
        spec.put("migration_ui", role == InstallRole.CONTROL);
        spec.put("migration_log_reader", true);
        spec.put("restic_timeout", "1h");
        spec.put("mig_pv_limit", "100");
        spec.put("mig_pod_limit", "100");
        spec.put("mig_namespace_limit", "10");
        return object(spec);
    }

    /** From the legacy image's controller.yml spec (kept as shipped), with controller and UI for legacy-as-control. */
    public static GenericKubernetesResource legacy(Map<String, Object> controllerYmlSpec, boolean legacyAsControl) {
        Map<String, Object> spec = new LinkedHashMap<>(controllerYmlSpec);
        spec.putIfAbsent("migration_velero", true);
        if (legacyAsControl) {
            spec.put("cluster_name", "host");
            spec.put("migration_controller", true);
            spec.put("migration_ui", true);
        }
        return object(spec);
    }

    private static GenericKubernetesResource object(Map<String, Object> spec) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("apiVersion", API_VERSION);
        map.put("kind", KIND);
        map.put("metadata", Map.of("name", NAME, "namespace", NAMESPACE));
        map.put("spec", spec);
        return KubeObjects.generic(map);
    }
}
