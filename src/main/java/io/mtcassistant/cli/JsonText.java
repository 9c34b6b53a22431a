package io.mtcassistant.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The commands' {@code --output json}: one mapper, built the first time a command prints JSON (a static mapper in a
 * command class was built when picocli instantiated the command, even for a refused option).
 */
final class JsonText {

    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    private JsonText() {
    }

    static ObjectNode object() {
        return Mapper.JSON.createObjectNode();
    }

    /** Pretty-printed, without the final newline. */
    static String pretty(JsonNode node) {
        try {
            return Mapper.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
