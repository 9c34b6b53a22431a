package io.mtcassistant.sim.migration;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a migration of a plan involves, read from the MigPlan and MigMigration specs: the itinerary flags, the
 * volumes it copies and the namespaces.
 */
record MigrationProfile(Set<String> flags, List<Volume> volumes, List<String> namespaces, String sourceCluster,
        String destinationCluster) {

    /** A PVC the migration copies: its namespace and name, capacity, target storage class, copy method. */
    record Volume(String namespace, String name, String capacity, String storageClass, String copyMethod) {

        /** Capacity in GiB, for simulated transfer rates ("10Gi" → 10; unknown → 1). */
        double gibibytes() {
            String text = capacity == null ? "" : capacity.strip();
            try {
                if (text.endsWith("Gi")) {
                    return Double.parseDouble(text.substring(0, text.length() - 2));
                }
                if (text.endsWith("Mi")) {
                    return Double.parseDouble(text.substring(0, text.length() - 2)) / 1024;
                }
                if (text.endsWith("Ti")) {
                    return Double.parseDouble(text.substring(0, text.length() - 2)) * 1024;
                }
            } catch (NumberFormatException e) {
                // fall through to the default
            }
            return 1;
        }
    }

    static MigrationProfile of(JsonNode plan, JsonNode migration) {
        JsonNode planSpec = plan.path("spec");
        JsonNode spec = migration.path("spec");
        List<Volume> volumes = new ArrayList<>();
        for (JsonNode pv : planSpec.path("persistentVolumes")) {
            String action = pv.path("selection").path("action").asText("copy");
            if (action.equals("skip")) {
                continue;
            }
            String pvcName = pv.path("pvc").path("name").asText(pv.path("name").asText());
            if (pvcName.contains(":")) {
                pvcName = pvcName.substring(0, pvcName.indexOf(':'));
            }
            volumes.add(new Volume(pv.path("pvc").path("namespace").asText(), pvcName,
                    pv.path("capacity").asText("1Gi"),
                    pv.path("selection").path("storageClass").asText(pv.path("storageClass").asText("")),
                    pv.path("selection").path("copyMethod").asText("filesystem")));
        }
        List<String> namespaces = new ArrayList<>();
        planSpec.path("namespaces").forEach(n -> namespaces.add(n.asText()));
        boolean indirectVolume = planSpec.path("indirectVolumeMigration").asBoolean(false);
        boolean indirectImage = planSpec.path("indirectImageMigration").asBoolean(false);
        Set<String> flags = new LinkedHashSet<>();
        boolean hasPvs = !volumes.isEmpty();
        boolean quiesce = spec.path("quiescePods").asBoolean(false);
        if (quiesce) {
            flags.add("quiesce");
        }
        if (hasPvs) {
            flags.add("hasPVs");
            flags.add(indirectVolume ? "indirectVolume" : "directVolume");
            if (indirectVolume) {
                flags.add("stagePods");
            }
        }
        // the simulated source namespaces always hold image streams
        flags.add("hasImageStreams");
        flags.add(indirectImage ? "indirectImage" : "directImage");
        if ((hasPvs && indirectVolume) || indirectImage) {
            flags.add("stageBackup");
        }
        for (JsonNode hook : planSpec.path("hooks")) {
            switch (hook.path("phase").asText()) {
                case "PreBackup" -> flags.add("preBackupHooks");
                case "PostBackup" -> flags.add("postBackupHooks");
                case "PreRestore" -> flags.add("preRestoreHooks");
                case "PostRestore" -> flags.add("postRestoreHooks");
                default -> {
                    // unknown hook phases run nowhere, as in MTC
                }
            }
        }
        if (spec.path("verify").asBoolean(false)) {
            flags.add("verify");
        }
        if (planSpec.path("liveMigrate").asBoolean(false)) {
            flags.add("liveMigrate");
        }
        return new MigrationProfile(Set.copyOf(flags), List.copyOf(volumes), List.copyOf(namespaces),
                planSpec.path("srcMigClusterRef").path("name").asText(""),
                planSpec.path("destMigClusterRef").path("name").asText(""));
    }
}
