package io.mtcassistant.sim.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The simulation's own itinerary data against mig-controller's (controller_phases.json, extracted from
 * task.go): for several kinds of plans the same phases run, in the same order, in the same steps.
 */
class ItinerariesTest {

    /** The upstream flag each of the simulation's flags stands for. */
    private static final Map<String, List<String>> UPSTREAM = Map.ofEntries(
            Map.entry("quiesce", List.of("Quiesce")),
            Map.entry("hasPVs", List.of("HasPVs")),
            Map.entry("indirectVolume", List.of("IndirectVolume")),
            Map.entry("directVolume", List.of("DirectVolume", "EnableVolume")),
            Map.entry("directImage", List.of("DirectImage", "EnableImage")),
            Map.entry("indirectImage", List.of("IndirectImage", "EnableImage")),
            Map.entry("hasImageStreams", List.of("HasISs")),
            Map.entry("stagePods", List.of("HasStagePods")),
            Map.entry("stageBackup", List.of("HasStageBackup")),
            Map.entry("preBackupHooks", List.of("HasPreBackupHooks")),
            Map.entry("postBackupHooks", List.of("HasPostBackupHooks")),
            Map.entry("preRestoreHooks", List.of("HasPreRestoreHooks")),
            Map.entry("postRestoreHooks", List.of("HasPostRestoreHooks")),
            Map.entry("verify", List.of("HasVerify")),
            Map.entry("storageConversion", List.of("StorageConversion")),
            Map.entry("liveMigrate", List.of("LiveVmMigration")));

    private static final List<Set<String>> PROFILES = List.of(
            Set.of("quiesce", "hasPVs", "directVolume", "directImage", "hasImageStreams"),
            Set.of("hasPVs", "indirectVolume", "stagePods", "stageBackup", "indirectImage", "hasImageStreams"),
            Set.of("directImage", "hasImageStreams", "preBackupHooks", "postBackupHooks", "preRestoreHooks",
                    "postRestoreHooks", "verify"),
            Set.of("quiesce", "hasPVs", "directVolume", "directImage", "liveMigrate", "storageConversion"),
            Set.of());

    @ParameterizedTest
    @ValueSource(strings = {"Stage", "Final", "Cancel", "Failed", "Rollback"})
    void theSimulationRunsTheSamePhasesAsMigController(String name) {
        JsonNode upstream = MonitorFixtures.read("controller_phases.json").path("itineraries_phase_to_step")
                .path(name + "Itinerary");
        assertThat(upstream.isArray()).isTrue();
        Itinerary ours = Itineraries.of(MtcVersion.V1_8, name);
        for (Set<String> profile : PROFILES) {
            Set<String> upstreamFlags = new HashSet<>();
            profile.forEach(flag -> upstreamFlags.addAll(UPSTREAM.get(flag)));
            List<String> expected = new ArrayList<>();
            for (JsonNode phase : upstream) {
                if (runs(phase.path("when").asText(""), upstreamFlags)) {
                    expected.add(phase.path("phase").asText() + "@" + phase.path("step").asText());
                }
            }
            List<String> actual = ours.runningWith(profile).stream().map(p -> p.phase() + "@" + p.step()).toList();
            assertThat(actual).as("%s itinerary with %s", name, profile).containsExactlyElementsOf(expected);
        }
        assertThat(ours.phases()).hasSize(upstream.size());
    }

    @Test
    void everyPhaseHasADescription() {
        for (MtcVersion version : MtcVersion.values()) {
            for (String name : List.of("Stage", "Final", "Cancel", "Failed", "Rollback")) {
                for (ItineraryPhase phase : Itineraries.of(version, name).phases()) {
                    assertThat(Itineraries.describe(phase.phase())).as(phase.phase()).doesNotContain("Phase")
                            .endsWith(".");
                }
            }
        }
    }

    @Test
    void mtc17NamesItsPhasesTheOldWay() {
        List<String> phases = Itineraries.of(MtcVersion.V1_7, "Final").phases().stream().map(ItineraryPhase::phase)
                .toList();
        assertThat(phases).contains("QuiesceApplications", "EnsureQuiesced", "CreateDirectVolumeMigration")
                .doesNotContain("QuiesceSourceApplications", "CreateDirectVolumeMigrationStage",
                        "CreateDirectVolumeMigrationFinal");
        assertThat(Itineraries.of(MtcVersion.V1_7, "Rollback").steps(Set.of("hasPVs", "directVolume", "liveMigrate")))
                .doesNotContain("RollbackLiveMigration");
    }

    /** mig-controller's rule: "all: A | B" needs every flag, "any: A | B" one of them; no rule always runs. */
    private static boolean runs(String when, Set<String> flags) {
        if (when.isBlank()) {
            return true;
        }
        String[] parts = when.split(":", 2);
        List<String> named = List.of(parts[1].replace(" ", "").split("\\|"));
        return parts[0].strip().equals("all") ? flags.containsAll(named) : named.stream().anyMatch(flags::contains);
    }
}
