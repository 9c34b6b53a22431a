package io.mtcassistant.storage;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Pieces of the objects this step creates: metadata labelled as ours, Secret values. */
public final class ManagedObjects {

    private ManagedObjects() {
    }

    public static Map<String, Object> metadata(String name, String namespace) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("namespace", namespace);
        metadata.put("labels", Map.of("app.kubernetes.io/managed-by", "mtc-assistant"));
        return metadata;
    }

    public static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
