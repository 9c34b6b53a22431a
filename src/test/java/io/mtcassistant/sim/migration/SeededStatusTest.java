package io.mtcassistant.sim.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A seeded object keeps the demo's status only while its spec is the one it was seeded with. */
class SeededStatusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aChangedSpecIsNoLongerSeeded() {
        GenericKubernetesResource storage = new GenericKubernetesResourceBuilder().withApiVersion(MigrationKinds.API_VERSION)
                .withKind("MigStorage").withNewMetadata().withName("replication-repository").endMetadata()
                .addToAdditionalProperties("spec", Map.of("backupStorageProvider", "aws",
                        "backupStorageConfig", Map.of("awsBucketName", "demo", "awsS3Url", "http://127.0.0.1:9000")))
                .build();
        SeededStatus.mark(storage);
        // as the server hands it back: its own JSON, fields in whatever order
        ObjectNode stored = JSON.valueToTree(storage);
        ObjectNode config = (ObjectNode) stored.with("spec").remove("backupStorageConfig");
        stored.with("spec").set("backupStorageConfig", config);
        assertThat(SeededStatus.isSeeded(stored)).isTrue();

        ((ObjectNode) stored.path("spec").path("backupStorageConfig")).put("awsBucketName", "typed-on-the-page");
        assertThat(SeededStatus.isSeeded(stored)).isFalse();
        assertThat(SeededStatus.wasSeeded(stored)).isTrue();

        JsonNode plain = JSON.valueToTree(new GenericKubernetesResourceBuilder().withKind("MigStorage")
                .withNewMetadata().withName("other").endMetadata().build());
        assertThat(SeededStatus.isSeeded(plain)).isFalse();
        assertThat(SeededStatus.wasSeeded(plain)).isFalse();
    }
}
