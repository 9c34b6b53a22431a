package io.mtcassistant.sim.migration;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** status.observedDigest: the SHA-256 of the spec the controller last reconciled. */
final class MigrationRunDigest {

    private MigrationRunDigest() {
    }

    static String of(JsonNode spec) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(spec.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
