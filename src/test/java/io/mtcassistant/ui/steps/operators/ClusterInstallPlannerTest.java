package io.mtcassistant.ui.steps.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtcassistant.cluster.ClusterRole;
import io.mtcassistant.compat.ClusterPlan;
import io.mtcassistant.compat.ExistingMtcAction;
import io.mtcassistant.compat.InstallMethod;
import io.mtcassistant.compat.InstallOption;
import io.mtcassistant.compat.MtcVersion;
import io.mtcassistant.compat.OpenShiftVersion;
import io.mtcassistant.install.MirrorResults;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterInstallPlannerTest {

    @TempDir
    Path dir;

    @Test
    void suggestsTheNewestPatchOfTheDecidedLineFromTheMirroredTags() throws Exception {
        Files.writeString(dir.resolve("mapping.txt"), """
                registry.redhat.io/rhmtc/openshift-migration-rsync-transfer-rhel8:v1.7.17=mirror:5000/rhmtc/rsync:v1.7.17
                registry.redhat.io/rhmtc/openshift-migration-rsync-transfer-rhel8:v1.7.18=mirror:5000/rhmtc/rsync:v1.7.18
                registry.redhat.io/rhmtc/openshift-migration-controller-rhel8:v1.8.8=mirror:5000/rhmtc/controller:v1.8.8
                registry.redhat.io/oadp/oadp-velero-rhel8:v1.7.99=mirror:5000/oadp/velero:v1.7.99
                """);
        MirrorResults results = MirrorResults.read(dir);

        assertThat(ClusterInstallPlanner.suggestedVersion(results, "1.7")).contains("1.7.18");
        assertThat(ClusterInstallPlanner.suggestedVersion(results, "1.8")).contains("1.8.8");
        assertThat(ClusterInstallPlanner.suggestedVersion(results, "1.6")).isEmpty();
    }

    @Test
    void aLegacyClusterNeedsTheLegacyOperatorImageInTheMirror() throws Exception {
        Files.writeString(dir.resolve("mapping.txt"), "registry.redhat.io/rhmtc/x:v1.7=mirror:5000/rhmtc/x:v1.7\n");
        assertThatThrownBy(() -> ClusterInstallPlanner.plan(legacy(), "1.7.18", true, MirrorResults.read(dir), null, null, null, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names no legacy operator image")
                .hasMessageContaining("mirror it");
    }

    @Test
    void aLegacyClusterReadsTheOperatorFilesFromTheGivenArchiveInsteadOfTheMirror() throws Exception {
        Files.writeString(dir.resolve("mapping.txt"), "registry.redhat.io/rhmtc/x:v1.7=mirror:5000/rhmtc/x:v1.7\n");
        Path notAnArchive = Files.createDirectories(dir.resolve("not-an-archive"));

        // the mirror has no legacy operator image, so only the archive can have been asked
        assertThatThrownBy(() -> ClusterInstallPlanner.plan(legacy(), "1.7.18", true, MirrorResults.read(dir), null,
                notAnArchive, null, false)).hasMessageContaining(notAnArchive.toString())
                .hasMessageNotContaining("names no legacy operator image");
    }

    @Test
    void anInexactVersionOrAnotherInstalledVersionIsRefusedWithTheReason() {
        assertThatThrownBy(() -> ClusterInstallPlanner.plan(olm(ExistingMtcAction.INSTALL), "1.7", true, null, null, null, null, false))
                .hasMessageContaining("\"1.7\"").hasMessageContaining("exact version");
        assertThatThrownBy(() -> ClusterInstallPlanner.plan(olm(ExistingMtcAction.CONFLICT), "1.7.18", true, null, null, null, null, false))
                .hasMessageContaining("already runs another MTC version").hasMessageContaining("uninstall");
    }

    private static ClusterPlan legacy() {
        return new ClusterPlan("old", ClusterRole.SOURCE, OpenShiftVersion.parse("3.11").orElseThrow(), "ocp-3.11",
                false, new InstallOption(MtcVersion.of("1.7"), InstallMethod.LEGACY_OPERATOR, null, "legacy", false, null), null,
                ExistingMtcAction.INSTALL);
    }

    private static ClusterPlan olm(ExistingMtcAction existing) {
        return new ClusterPlan("new", ClusterRole.TARGET, OpenShiftVersion.parse("4.12").orElseThrow(), "ocp-4.10+", true,
                new InstallOption(MtcVersion.of("1.7"), InstallMethod.OLM, "release-v1.7", "olm", false, null), "stable-1.2", existing);
    }
}
