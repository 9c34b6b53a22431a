package io.mtcassistant.plans;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A persistent volume the controller discovered for a plan (one entry of spec.persistentVolumes): its claim,
 * capacity, source storage class, what the controller supports for it, and the current selection.
 *
 * @param proposedCapacity the size the controller proposes for the target claim when the source claim asks for less
 *                         than its volume holds (PvCapacityAdjustmentRequired), or null
 * @param capacityConfirmed the admin has accepted that proposal (spec.persistentVolumes[].capacityConfirmed)
 */
public record PlanVolume(String name, String namespace, String claim, String capacity, String storageClass,
        List<String> accessModes, List<String> supportedActions, List<String> supportedCopyMethods, PvChoice selection,
        String proposedCapacity, boolean capacityConfirmed) {

    /** A proposed capacity nobody has confirmed yet. */
    public boolean needsCapacityConfirmation() {
        return proposedCapacity != null && !capacityConfirmed;
    }

    public static List<PlanVolume> listFrom(JsonNode plan) {
        List<PlanVolume> volumes = new ArrayList<>();
        for (JsonNode pv : plan.path("spec").path("persistentVolumes")) {
            JsonNode selection = pv.path("selection");
            String name = pv.path("name").asText();
            PvChoice chosen = selection.hasNonNull("action")
                    ? new PvChoice(name, PvAction.parse(selection.get("action").asText()),
                            selection.hasNonNull("copyMethod") && !selection.get("copyMethod").asText().isEmpty()
                                    ? CopyMethod.parse(selection.get("copyMethod").asText()) : null,
                            text(selection, "storageClass"), text(selection, "accessMode"),
                            selection.has("verify") ? selection.get("verify").asBoolean() : null)
                    : null;
            volumes.add(new PlanVolume(name, pv.path("pvc").path("namespace").asText(""),
                    pv.path("pvc").path("name").asText(""), pv.path("capacity").asText(""),
                    pv.path("storageClass").asText(""), strings(pv.path("pvc").path("accessModes")),
                    strings(pv.path("supported").path("actions")), strings(pv.path("supported").path("copyMethods")),
                    chosen, text(pv, "proposedCapacity"), pv.path("capacityConfirmed").asBoolean(false)));
        }
        return volumes;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) && !node.get(field).asText().isEmpty() ? node.get(field).asText() : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return List.copyOf(values);
    }
}
