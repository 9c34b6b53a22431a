package io.mtcassistant.mirror.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The images the legacy operator deploys, from its operator.yml (tag form and downstream digest form). */
class LegacyOperatorImagesTest {

    @Test
    void realUpstreamOperatorYml() throws Exception {
        String shared = System.getProperty("mtc.shared.dir");
        Path file = shared == null ? null : Path.of(shared, "fixtures/mtc/legacy-operator-1.7/operator.yml");
        Assumptions.assumeTrue(file != null && Files.isRegularFile(file),
                "skipped: ../shared/fixtures/mtc/legacy-operator-1.7/operator.yml is not available (mtc.shared.dir)");
        List<LegacyOperatorImages.Referenced> images = LegacyOperatorImages.fromOperatorYml(Files.readAllBytes(file), "operator.yml");
        assertThat(images).hasSize(12);
        assertThat(images).contains(new LegacyOperatorImages.Referenced("VELERO", "quay.io/konveyor/velero:release-1.7.14"),
                new LegacyOperatorImages.Referenced("MIG_CONTROLLER", "quay.io/konveyor/mig-controller:release-1.7.14"),
                new LegacyOperatorImages.Referenced("VELERO_AZURE_PLUGIN", "quay.io/konveyor/velero-plugin-for-microsoft-azure:release-1.7.14"));
    }

    @Test
    void downstreamDigestForm() {
        String hex = "ab".repeat(32);
        String yml = """
                apiVersion: apps/v1
                kind: Deployment
                spec:
                  template:
                    spec:
                      containers:
                      - name: operator
                        env:
                        - {name: REGISTRY, value: registry.redhat.io}
                        - {name: PROJECT, value: rhmtc}
                        - {name: POD_NAME, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
                        - {name: VELERO_REPO, value: openshift-migration-velero-rhel8@sha256}
                        - {name: VELERO_TAG, value: %s}
                        - {name: MIG_UI_REPO, value: openshift-migration-ui-rhel8}
                """.formatted(hex);
        assertThat(LegacyOperatorImages.fromOperatorYml(yml.getBytes(StandardCharsets.UTF_8), "operator.yml")).containsExactly(
                new LegacyOperatorImages.Referenced("VELERO", "registry.redhat.io/rhmtc/openshift-migration-velero-rhel8@sha256:" + hex));
    }
}
