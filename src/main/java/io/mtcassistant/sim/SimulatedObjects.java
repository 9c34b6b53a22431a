package io.mtcassistant.sim;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Small helpers for seeding simulated clusters. */
public final class SimulatedObjects {

    private SimulatedObjects() {
    }

    /** Runs a create; an AlreadyExists answer means the object is there, which is all a seed wants. */
    public static void ignoreConflict(Runnable create) {
        try {
            create.run();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
        }
    }

    public static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
