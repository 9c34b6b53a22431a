package io.mtcassistant.plans;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A storage class of the target, as MigPlan.status.destStorageClasses lists it. */
public record DestStorageClass(String name, String provisioner, boolean isDefault, Set<String> accessModes) {

    public static List<DestStorageClass> listFrom(JsonNode plan) {
        List<DestStorageClass> classes = new ArrayList<>();
        for (JsonNode node : plan.path("status").path("destStorageClasses")) {
            Set<String> modes = new LinkedHashSet<>();
            node.path("volumeAccessModes").forEach(v -> v.path("accessModes").forEach(m -> modes.add(m.asText())));
            classes.add(new DestStorageClass(node.path("name").asText(), node.path("provisioner").asText(""),
                    node.path("default").asBoolean(false), modes));
        }
        return classes;
    }
}
