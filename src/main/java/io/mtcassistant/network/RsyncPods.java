package io.mtcassistant.network;

import java.util.Map;

/** The labels MTC puts on the direct volume migration rsync pods (procedure 7.4.2.1), on both clusters. */
public final class RsyncPods {

    public static final Map<String, String> LABELS = Map.of("owner", "directvolumemigration",
            "app", "directvolumemigration-rsync-transfer");

    private RsyncPods() {
    }
}
