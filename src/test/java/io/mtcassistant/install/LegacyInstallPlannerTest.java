package io.mtcassistant.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtcassistant.install.plan.ActionKind;
import io.mtcassistant.install.plan.ChangeAction;
import io.mtcassistant.install.plan.ChangePlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The legacy plan from the real 1.7 operator.yml and controller.yml: object by object, pull check, controller. */
class LegacyInstallPlannerTest {

    @Test
    void createsEveryObjectThenChecksThePullThenTheController(@TempDir Path dir) throws Exception {
        String operator = Files.readString(SharedFixtures.mtc("legacy-operator-1.7/operator.yml"));
        String controller = Files.readString(SharedFixtures.mtc("legacy-operator-1.7/controller.yml"));
        LegacyOperatorRewriterTest.writeMirrorResults(dir, operator);

        LegacyInstallPlanner.Planned planned = LegacyInstallPlanner.plan(new LegacyInstallPlanner.Request("sim-source",
                "1.7.14", operator, controller, false, Duration.ofMinutes(5)), MirrorResults.read(dir));
        ChangePlan plan = planned.plan();

        assertThat(plan.notes()).anyMatch(n -> n.contains("mirror.example.com:5000") && n.contains("each node"));
        assertThat(plan.actions()).extracting(a -> a.target().kind()).startsWith("Namespace")
                .contains("CustomResourceDefinition", "Deployment", "Pod", "MigrationController");
        assertThat(plan.actions().stream().filter(a -> a.target().kind().equals("Deployment")).findFirst().orElseThrow()
                .kind()).isEqualTo(ActionKind.CREATE);
        ChangeAction pullCheck = plan.actions().stream().filter(a -> a.kind() == ActionKind.WAIT_FOR
                && a.target().kind().equals("Pod")).findFirst().orElseThrow();
        assertThat(pullCheck.condition().failure()).contains("ErrImagePull", "ImagePullBackOff");
        assertThat(plan.actions()).anyMatch(a -> a.kind() == ActionKind.DELETE
                && a.target().name().equals(LegacyInstallPlanner.PULL_CHECK_POD));
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) plan.actions().stream()
                .filter(a -> a.target().kind().equals("MigrationController")).findFirst().orElseThrow().object()
                .getAdditionalProperties().get("spec");
        assertThat(spec).containsEntry("migration_velero", true).doesNotContainKey("migration_controller");
        assertThat(planned.rewrite().rewrites()).isNotEmpty();
    }

    @Test
    void imagesMissingFromTheMirrorBlockThePlanWithTheirList(@TempDir Path dir) throws Exception {
        String operator = Files.readString(SharedFixtures.mtc("legacy-operator-1.7/operator.yml"));
        Files.writeString(dir.resolve("mapping.txt"), "quay.io/konveyor/velero:release-1.7.14=m.example.com/konveyor/velero:x\n");

        assertThatThrownBy(() -> LegacyInstallPlanner.plan(new LegacyInstallPlanner.Request("c", "1.7.14", operator,
                "apiVersion: migration.openshift.io/v1alpha1\nkind: MigrationController\nspec: {migration_velero: true}\n",
                false, Duration.ofMinutes(1)), MirrorResults.read(dir)))
                .hasMessageContaining("not in the mirror").hasMessageContaining("mirror again")
                .hasMessageContaining("quay.io/konveyor/mig-controller:release-1.7.14");
    }
}
