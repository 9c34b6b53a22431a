package io.mtcassistant.network;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mtcassistant.install.MigrationControllers;
import io.mtcassistant.install.plan.KubeObjects;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON merge patch (RFC 7386) that puts {@link ControllerSettings} on a live MigrationController: only the keys
 * being changed appear, so every other field is kept; a removed key is {@code null}. The operator converts camelCase
 * spec keys to snake_case, and when both spellings of one key are set it is undefined which wins, so the patch always
 * writes the snake_case key and removes a camelCase one that the live object carries.
 */
public final class MigrationControllerPatch {

    private MigrationControllerPatch() {
    }

    /** {@code liveSpec} may be null (nothing to clean up). */
    public static GenericKubernetesResource build(String name, Map<String, Object> liveSpec, ControllerSettings settings,
            SecretHandling secrets) {
        Map<String, Object> live = liveSpec == null ? Map.of() : liveSpec;
        Map<String, Object> spec = new LinkedHashMap<>();
        settings.specValues(secrets).forEach((key, value) -> {
            spec.put(key, value.isEmpty() ? null : value);
            String camel = ControllerSettings.CAMEL_CASE.get(key);
            if (camel != null && live.containsKey(camel)) {
                spec.put(camel, null);
            }
        });
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("apiVersion", MigrationControllers.API_VERSION);
        patch.put("kind", MigrationControllers.KIND);
        patch.put("metadata", Map.of("name", name, "namespace", MigrationControllers.NAMESPACE));
        patch.put("spec", spec);
        return KubeObjects.generic(patch);
    }

    /** The value that applies for a key on the live spec, whichever spelling carries it; null when unset. */
    public static String effective(Map<String, Object> liveSpec, String snakeKey) {
        if (liveSpec == null) {
            return null;
        }
        Object v = liveSpec.get(snakeKey);
        if (v == null) {
            v = liveSpec.get(ControllerSettings.CAMEL_CASE.get(snakeKey));
        }
        return v == null ? null : String.valueOf(v);
    }
}
