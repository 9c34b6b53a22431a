package io.mtcassistant.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceTreesTest {

    @Test
    void givesTheTreeJacksonGives() {
        GenericKubernetesResource withNumbers = Serialization.unmarshal("""
                {"apiVersion": "migration.openshift.io/v1alpha1", "kind": "DirectVolumeMigrationProgress",
                 "metadata": {"name": "p", "namespace": "openshift-migration", "labels": {"pvc": "data"},
                              "ownerReferences": [{"apiVersion": "v1", "kind": "MigMigration", "name": "m",
                                                   "uid": "u", "controller": true}]},
                 "spec": {"podRef": {"name": "rsync"}, "empty": {}, "none": null, "list": [1, 2.5, "x", true, []]},
                 "status": {"totalProgressPercentage": "42%", "big": 123456789012345, "huge": 123456789012345678901234}}
                """, GenericKubernetesResource.class);
        for (GenericKubernetesResource resource : List.of(withNumbers, MigTestObjects.readyPlan("a"),
                MigTestObjects.runningCutover("m", "a", 42), MigTestObjects.stage("s", "a"))) {
            JsonNode jackson = Serialization.jsonMapper().valueToTree(resource);
            assertThat(ResourceTrees.tree(resource)).isEqualTo(jackson);
        }
    }
}
