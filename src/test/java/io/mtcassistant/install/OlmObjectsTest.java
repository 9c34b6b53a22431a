package io.mtcassistant.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.openshift.api.model.config.v1.ImageDigestMirrorSet;
import io.fabric8.openshift.api.model.config.v1.OperatorHub;
import io.fabric8.openshift.api.model.operator.v1alpha1.ImageContentSourcePolicy;
import io.fabric8.openshift.api.model.operatorhub.v1.OperatorGroup;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.CatalogSource;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.Subscription;
import io.mtcassistant.install.plan.ChangeAction;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.install.plan.KubeObjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OLM plan's objects round-trip through fabric8's typed models; MigrationController keys match the role. */
class OlmObjectsTest {

    private static final Map<String, Class<? extends HasMetadata>> TYPED = Map.of(
            "ImageContentSourcePolicy", ImageContentSourcePolicy.class,
            "ImageDigestMirrorSet", ImageDigestMirrorSet.class,
            "OperatorHub", OperatorHub.class,
            "CatalogSource", CatalogSource.class,
            "OperatorGroup", OperatorGroup.class,
            "Subscription", Subscription.class);

    private static MirrorResults results(Path dir) throws Exception {
        Files.writeString(dir.resolve("mapping.txt"), "registry.redhat.io/redhat/redhat-operator-index:v4.14="
                + "mirror.example.com:5000/redhat/redhat-operator-index:v4.14\n");
        Files.writeString(dir.resolve("imageContentSourcePolicy.yaml"), """
                apiVersion: operator.openshift.io/v1alpha1
                kind: ImageContentSourcePolicy
                metadata: {name: generic-0}
                spec:
                  repositoryDigestMirrors:
                  - mirrors: [mirror.example.com:5000/rhmtc]
                    source: registry.redhat.io/rhmtc
                """);
        Files.writeString(dir.resolve("imageDigestMirrorSet.yaml"), """
                apiVersion: config.openshift.io/v1
                kind: ImageDigestMirrorSet
                metadata: {name: idms-generic-0}
                spec:
                  imageDigestMirrors:
                  - mirrors: [mirror.example.com:5000/rhmtc]
                    source: registry.redhat.io/rhmtc
                """);
        Files.writeString(dir.resolve("catalogSource-redhat-operator-index.yaml"), """
                apiVersion: operators.coreos.com/v1alpha1
                kind: CatalogSource
                metadata: {name: redhat-operator-index, namespace: openshift-marketplace}
                spec: {sourceType: grpc, image: "mirror.example.com:5000/redhat/redhat-operator-index:v4.14"}
                """);
        return MirrorResults.read(dir);
    }

    @Test
    void everyOlmObjectRoundTripsThroughItsTypedModel(@TempDir Path dir) throws Exception {
        MirrorResults mirror = results(dir);
        for (int minor : List.of(12, 14)) {
            ChangePlan plan = OlmInstallPlanner.plan(new OlmInstallRequest("c", minor, InstallRole.CONTROL, "1.8.8",
                    "release-v1.8", true, List.of(), Duration.ofMinutes(5)), mirror);
            int typedSeen = 0;
            for (ChangeAction action : plan.actions()) {
                if (action.object() == null || !TYPED.containsKey(action.object().getKind())) {
                    continue;
                }
                HasMetadata typed = KubeObjects.typed(action.object(), TYPED.get(action.object().getKind()));
                GenericKubernetesResource back = KubeObjects.generic(typed);
                Map<String, Object> original = KubeObjects.asMap(action.object());
                Map<String, Object> roundTripped = KubeObjects.asMap(back);
                if (action.kind() != io.mtcassistant.install.plan.ActionKind.MERGE_PATCH) {
                    assertThat(roundTripped).as(action.title()).isEqualTo(original);
                }
                typedSeen++;
            }
            assertThat(typedSeen).isGreaterThanOrEqualTo(5);
            assertThat(plan.actions()).extracting(a -> a.target().kind())
                    .contains(minor >= 13 ? "ImageDigestMirrorSet" : "ImageContentSourcePolicy")
                    .doesNotContain(minor >= 13 ? "ImageContentSourcePolicy" : "ImageDigestMirrorSet");
            Subscription subscription = plan.actions().stream().filter(a -> a.target().kind().equals("Subscription"))
                    .map(a -> KubeObjects.typed(a.object(), Subscription.class)).findFirst().orElseThrow();
            assertThat(subscription.getSpec().getInstallPlanApproval()).isEqualTo("Manual");
            assertThat(subscription.getSpec().getStartingCSV()).isEqualTo("mtc-operator.v1.8.8");
            assertThat(subscription.getSpec().getSource()).isEqualTo("redhat-operator-index");
            assertThat(subscription.getSpec().getSourceNamespace()).isEqualTo("openshift-marketplace");
        }
    }

    @Test
    void migrationControllerKeysPerRoleMatchTheRoleDefaults() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> defaults = new ObjectMapper(new YAMLFactory()).readValue(
                SharedFixtures.mtc("role-defaults/mig-operator-1.8-defaults-main.yml").toFile(), Map.class);
        List<String> required = List.of("cluster_name", "migration_velero", "migration_controller", "migration_ui");
        // required means: the role has no default for them, so a missing one fails the playbook
        assertThat(defaults.keySet()).doesNotContainAnyElementsOf(required);
        for (InstallRole role : InstallRole.values()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> spec = (Map<String, Object>) MigrationControllers.olm(role).getAdditionalProperties().get("spec");
            assertThat(spec.keySet()).as(role.id()).containsAll(required);
            for (String key : spec.keySet()) {
                assertThat(required.contains(key) || defaults.containsKey(key)).as(role + ": " + key + " is a role variable")
                        .isTrue();
            }
            assertThat(spec.get("migration_velero")).isEqualTo(true);
            assertThat(spec.get("migration_controller")).isEqualTo(role == InstallRole.CONTROL);
            assertThat(spec.get("migration_ui")).isEqualTo(role == InstallRole.CONTROL);
            assertThat(spec.get("cluster_name")).isEqualTo("host");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> legacyDefaults = new ObjectMapper(new YAMLFactory()).readValue(
                SharedFixtures.mtc("role-defaults/mig-legacy-operator-1.7-defaults-main.yml").toFile(), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> legacy = (Map<String, Object>) MigrationControllers.legacy(Map.of("migration_velero", true,
                "migration_log_reader", true, "restic_timeout", "1h"), false).getAdditionalProperties().get("spec");
        assertThat(legacy.get("migration_velero")).isEqualTo(true);
        assertThat(legacyDefaults.keySet()).doesNotContain("migration_velero");
        assertThat(legacy.keySet()).doesNotContain("migration_controller", "migration_ui");
    }
}
