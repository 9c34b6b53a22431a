package io.mtcassistant.mirror.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtcassistant.cluster.ClusterRole;
import io.mtcassistant.compat.ClusterPlan;
import io.mtcassistant.compat.InstallMethod;
import io.mtcassistant.compat.InstallOption;
import io.mtcassistant.compat.MigrationPlan;
import io.mtcassistant.compat.MtcVersion;
import io.mtcassistant.mirror.plan.ImageSetConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the requests come from: the compatibility step's plan, or an image set's operators section. */
class CatalogRequestTest {

    private static final String INDEX = "registry.redhat.io/redhat/redhat-operator-index:v4.14";

    @Test
    void migrationPlanGivesTheChannelAndTheLegacyOperator() {
        MtcVersion v17 = MtcVersion.of("1.7");
        InstallOption legacy = new InstallOption(v17, InstallMethod.LEGACY_OPERATOR, null, "legacy", false, null);
        InstallOption olm = new InstallOption(v17, InstallMethod.OLM, "release-v1.7", "OLM", false, null);
        MigrationPlan plan = new MigrationPlan(v17, "target", null, List.of(), List.of(
                new ClusterPlan("source", ClusterRole.SOURCE, null, "ocp-3", false, legacy, null, null),
                new ClusterPlan("target", ClusterRole.TARGET, null, "ocp-4.10+", true, olm, "stable-1.0", null)));
        CatalogRequest r = CatalogRequest.fromMigrationPlan(plan, INDEX);
        assertThat(r.catalog()).isEqualTo(INDEX);
        assertThat(r.packages()).containsExactly(PackageSelection.channel("mtc-operator", "release-v1.7"));
        assertThat(r.legacyOperatorImage()).isEqualTo(CatalogRequest.LEGACY_OPERATOR_IMAGE);

        MigrationPlan undecided = new MigrationPlan(null, null, null, List.of(), List.of(
                new ClusterPlan("source", ClusterRole.SOURCE, null, null, false, null, null, null)));
        assertThatThrownBy(() -> CatalogRequest.fromMigrationPlan(undecided, INDEX)).hasMessageContaining("does not say how MTC is installed");
    }

    @Test
    void imageSetOperatorsSection() {
        String yaml = """
                kind: ImageSetConfiguration
                apiVersion: mirror.openshift.io/v2alpha1
                mirror:
                  operators:
                    - catalog: registry.redhat.io/redhat/redhat-operator-index:v4.14
                      packages:
                        - name: mtc-operator
                          channels:
                            - name: release-v1.8
                              minVersion: 1.8.7
                        - name: redhat-oadp-operator
                          minVersion: 1.2.0
                  additionalImages:
                    - name: registry.redhat.io/rhmtc/openshift-migration-legacy-rhel8-operator:v1.7
                    - name: registry.redhat.io/rhmtc/openshift-migration-must-gather-rhel8:v1.8
                  blockedImages:
                    - name: ".*-debug.*"
                """;
        CatalogRequest r = OperatorImageSet.request(yaml, "isc.yaml", ImageSetConfig.parse(yaml, "isc.yaml"));
        assertThat(r.catalog()).isEqualTo(INDEX);
        assertThat(r.packages()).containsExactly(PackageSelection.channelFrom("mtc-operator", "release-v1.8", "1.8.7"),
                new PackageSelection("redhat-oadp-operator", List.of(), "1.2.0"));
        assertThat(r.legacyOperatorImage()).isEqualTo("registry.redhat.io/rhmtc/openshift-migration-legacy-rhel8-operator:v1.7");
        assertThat(r.additionalImages()).containsExactly("registry.redhat.io/rhmtc/openshift-migration-must-gather-rhel8:v1.8");
        assertThat(r.blockedImages()).hasSize(1);

        String two = yaml.replace("  additionalImages:", "    - catalog: quay.io/x/y:v1\n      packages: [{name: a}]\n  additionalImages:");
        assertThatThrownBy(() -> OperatorImageSet.request(two, "isc.yaml", ImageSetConfig.parse(two, "isc.yaml")))
                .hasMessageContaining("lists 2 catalogs");
        String full = yaml.replace("      packages:", "      full: true\n      packages:");
        assertThatThrownBy(() -> OperatorImageSet.request(full, "isc.yaml", ImageSetConfig.parse(full, "isc.yaml")))
                .hasMessageContaining("full: true");
    }
}
