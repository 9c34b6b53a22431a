package io.mtcassistant.mirror.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** An olm.channel blob: a package's channel and the bundle names (entries) in it. */
public record FbcChannel(String packageName, String name, ObjectNode raw) {

    public List<String> entryNames() {
        List<String> result = new ArrayList<>();
        for (JsonNode e : raw.path("entries")) {
            result.add(e.path("name").asText(""));
        }
        return result;
    }
}
