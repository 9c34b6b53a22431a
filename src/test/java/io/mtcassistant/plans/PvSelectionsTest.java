package io.mtcassistant.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PvSelectionsTest {

    @Test
    void defaultsFollowTheStorageClassLikeTheConsole() {
        List<PvChoice> resolved = PvSelections.resolve(PlanFixtures.discoveredPlan(), List.of());
        // same class name on the target: kept, with the claim's access mode
        assertThat(resolved.get(0)).isEqualTo(new PvChoice("pv-a", PvAction.COPY, CopyMethod.FILESYSTEM, "gp3-csi",
                "ReadWriteOnce", false));
        // no such class on the target: the target's default; its access modes lack the claim's, so none is forced
        assertThat(resolved.get(1)).isEqualTo(new PvChoice("pv-b", PvAction.COPY, CopyMethod.FILESYSTEM, "gp3-csi",
                null, false));
        // the controller's own selection (move) wins over the default
        assertThat(resolved.get(2).action()).isEqualTo(PvAction.MOVE);
    }

    @Test
    void choicesOverrideDefaults() {
        List<PvChoice> resolved = PvSelections.resolve(PlanFixtures.discoveredPlan(),
                List.of(PvChoice.parse("pv-b=copy::ocs-storagecluster-cephfs"), PvChoice.parse("pv-c=copy")));
        assertThat(resolved.get(1).storageClass()).isEqualTo("ocs-storagecluster-cephfs");
        assertThat(resolved.get(2)).isEqualTo(new PvChoice("pv-c", PvAction.COPY, CopyMethod.FILESYSTEM, "gp3-csi",
                null, false));
    }

    @Test
    void theConsolesWarningsAndRefusals() {
        List<PlanProblem> problems = PvSelections.check(PlanFixtures.discoveredPlan(),
                List.of(PvChoice.parse("pv-a=copy:snapshot"), PvChoice.parse("pv-b=move"),
                        PvChoice.parse("pv-x=skip"), PvChoice.parse("pv-c=copy::nope")), true);
        assertThat(problems).extracting(PlanProblem::line).anyMatch(l -> l.startsWith("pv: pv-x is not a persistent "
                + "volume of this plan"))
                .anyMatch(l -> l.contains("pv-b (shop/media): the controller does not support move"))
                .anyMatch(l -> l.contains("pv-a (shop/db): a snapshot copy needs the same cloud provider")
                        && l.contains("through the repository even with direct volume migration"))
                .anyMatch(l -> l.contains("pv-c (shop/shared): storage class nope is not on the target"));
        assertThat(PvSelections.check(PlanFixtures.discoveredPlan(), List.of(), false))
                .allMatch(p -> !p.blocking()).anyMatch(p -> p.message().contains("move re-attaches"));
    }

    @Test
    void thePatchReplacesSelectionsAndKeepsTheRest() {
        var volumes = PvSelections.patchedVolumes(PlanFixtures.discoveredPlan(),
                PvSelections.resolve(PlanFixtures.discoveredPlan(), List.of(PvChoice.parse("pv-a=skip"))));
        assertThat(volumes).hasSize(3);
        assertThat(volumes.get(0)).containsEntry("selection", java.util.Map.of("action", "skip"))
                .containsEntry("capacity", "10Gi");
        assertThat(volumes.get(1).get("selection")).asString().contains("storageClass=gp3-csi");
    }

    @Test
    void aProposedCapacityIsConfirmedInThePatchAndAConfirmationOfNothingIsTold() {
        var plan = (com.fasterxml.jackson.databind.node.ObjectNode) PlanFixtures.discoveredPlan();
        ((com.fasterxml.jackson.databind.node.ObjectNode) plan.path("spec").path("persistentVolumes").get(0))
                .put("proposedCapacity", "12Gi");
        assertThat(PlanVolume.listFrom(plan).get(0).needsCapacityConfirmation()).isTrue();
        assertThat(PlanVolume.listFrom(plan).get(1).proposedCapacity()).isNull();
        var volumes = PvSelections.patchedVolumes(plan, PvSelections.resolve(plan, List.of()), List.of("pv-a"));
        assertThat(volumes.get(0)).containsEntry("capacityConfirmed", true).containsEntry("proposedCapacity", "12Gi");
        assertThat(volumes.get(1)).doesNotContainKey("capacityConfirmed");
        assertThat(PvSelections.checkConfirmations(plan, List.of("pv-a"))).isEmpty();
        assertThat(PvSelections.checkConfirmations(plan, List.of("pv-b", "pv-x"))).extracting(PlanProblem::line)
                .containsExactly("capacity-confirmed: pv-b: the controller proposes no other capacity for this "
                        + "volume; nothing to confirm", "capacity-confirmed: pv-x is not a persistent volume of this "
                        + "plan (known: pv-a, pv-b, pv-c)");
    }
}
