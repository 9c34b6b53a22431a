package io.mtcassistant.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mtcassistant.install.ExistingInstall.Kind;
import io.mtcassistant.install.plan.ActionKind;
import io.mtcassistant.install.plan.ChangeAction;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.install.plan.KubeObjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one decision about an MTC already on a cluster, and the OLM upgrade plan's CatalogSource step. */
class ExistingInstallTest {

    @TempDir
    Path dir;

    @Test
    void nothingInstalledIsAFreshInstallAndTheSameVersionIsReused() {
        assertThat(ExistingInstall.decide("c", Optional.empty(), "1.8.8", true, false).kind()).isEqualTo(Kind.INSTALL);
        assertThat(ExistingInstall.decide("c", Optional.empty(), "1.8.8", true, true).reason()).contains("nothing to upgrade");
        assertThat(ExistingInstall.decide("c", Optional.of("1.8.8"), "1.8.8", true, true).kind()).isEqualTo(Kind.REUSE);
    }

    @Test
    void anOlderVersionIsUpgradedOnlyWhenAskedAndOffersTheUpgradeOtherwise() {
        ExistingInstall.Decision refused = ExistingInstall.decide("c", Optional.of("1.7.18"), "1.8.8", true, false);
        assertThat(refused.kind()).isEqualTo(Kind.REFUSE);
        assertThat(refused.upgradeOffered()).isTrue();
        assertThat(refused.reason()).startsWith("c already runs MTC 1.7.18, not 1.8.8: ").contains("--upgrade", "uninstall");
        assertThatThrownBy(refused::requireAccepted).isInstanceOf(ExistingInstall.Refused.class)
                .hasMessage(refused.reason());

        ExistingInstall.Decision olm = ExistingInstall.decide("c", Optional.of("1.7.18"), "1.8.8", true, true);
        assertThat(olm.kind()).isEqualTo(Kind.UPGRADE);
        assertThat(olm.installed()).isEqualTo("1.7.18");
        assertThat(olm.reason()).contains("OLM");
        ExistingInstall.Decision legacy = ExistingInstall.decide("c", Optional.of("1.7.17"), "1.7.18", false, true);
        assertThat(legacy.kind()).isEqualTo(Kind.UPGRADE);
        assertThat(legacy.reason()).contains("operator.yml").doesNotContain("OLM");
    }

    @Test
    void aNewerVersionIsNeverDowngraded() {
        for (boolean upgrade : new boolean[] {false, true}) {
            ExistingInstall.Decision decision = ExistingInstall.decide("c", Optional.of("1.8.8"), "1.7.18", false, upgrade);
            assertThat(decision.kind()).isEqualTo(Kind.REFUSE);
            assertThat(decision.upgradeOffered()).isFalse();
            assertThat(decision.reason()).contains("already runs MTC 1.8.8, not 1.7.18", "not downgraded", "uninstall");
        }
    }

    @Test
    void theUpgradePlanCreatesAMissingCatalogSourcePatchesAnotherImageAndLeavesTheSameOne() throws Exception {
        Files.writeString(dir.resolve("mapping.txt"), "registry.redhat.io/rhmtc/x:v1.8.8=mirror:5000/rhmtc/x:v1.8.8\n");
        Files.writeString(dir.resolve("catalogSource-cs-index.yaml"), """
                apiVersion: operators.coreos.com/v1alpha1
                kind: CatalogSource
                metadata: {name: cs-index}
                spec: {sourceType: grpc, image: "mirror:5000/redhat/index:v4.14-2"}
                """);
        MirrorResults mirror = MirrorResults.read(dir);
        OlmInstallRequest request = new OlmInstallRequest("c", 14, InstallRole.CONTROL, "1.8.8", "release-v1.8", false,
                List.of(), Duration.ofMinutes(1));
        GenericKubernetesResource subscription = yaml("""
                apiVersion: operators.coreos.com/v1alpha1
                kind: Subscription
                metadata: {name: my-mtc, namespace: openshift-migration}
                spec: {name: mtc-operator, channel: release-v1.7, source: cs-index, sourceNamespace: openshift-marketplace}
                """);

        ChangePlan absent = OlmUpgradePlanner.plan(request, "1.7.18", mirror, subscription, null);
        assertThat(absent.actions().get(0).kind()).isEqualTo(ActionKind.CREATE_IF_ABSENT);
        ChangePlan other = OlmUpgradePlanner.plan(request, "1.7.18", mirror, subscription,
                catalog("mirror:5000/redhat/index:v4.14-1"));
        ChangeAction patch = other.actions().get(0);
        assertThat(patch.kind()).isEqualTo(ActionKind.MERGE_PATCH);
        assertThat(KubeObjects.valueAt(patch.object(), "spec.image")).contains("mirror:5000/redhat/index:v4.14-2");
        ChangePlan same = OlmUpgradePlanner.plan(request, "1.7.18", mirror, subscription,
                catalog("mirror:5000/redhat/index:v4.14-2"));
        assertThat(same.actions()).extracting(ChangeAction::title).containsExactly(
                "wait-for CatalogSource openshift-marketplace/cs-index",
                "merge-patch Subscription openshift-migration/my-mtc",
                "approve InstallPlan openshift-migration/(the one for mtc-operator.v1.8.8)",
                "wait-for ClusterServiceVersion openshift-migration/mtc-operator.v1.8.8");
        assertThat(KubeObjects.valueAt(same.actions().get(1).object(), "spec.installPlanApproval")).contains("Manual");
        assertThat(ExistingInstall.isUpgrade(same)).isTrue();
    }

    private static GenericKubernetesResource catalog(String image) {
        return yaml("""
                apiVersion: operators.coreos.com/v1alpha1
                kind: CatalogSource
                metadata: {name: cs-index, namespace: openshift-marketplace}
                spec: {sourceType: grpc, image: "%s"}
                """.formatted(image));
    }

    private static GenericKubernetesResource yaml(String text) {
        return KubeObjects.parseAll(text, "test").get(0);
    }
}
