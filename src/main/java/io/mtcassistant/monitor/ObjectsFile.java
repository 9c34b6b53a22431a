package io.mtcassistant.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what `oc get migplan,migmigration -n openshift-migration -o json|yaml` prints (a List, one object, or
 * several YAML documents) for a post-mortem without cluster access.
 */
public final class ObjectsFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ObjectsFile() {
    }

    /** The MTC objects in the file, Lists flattened. */
    public static List<JsonNode> read(Path file) throws BadObjectsFileException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new BadObjectsFileException(file + ": file not found");
        } catch (IOException e) {
            throw new BadObjectsFileException(file + ": cannot read the file (" + e.getMessage() + ")");
        }
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> iterator = YAML.readerFor(JsonNode.class).readValues(text)) {
            while (iterator.hasNextValue()) {
                JsonNode document = iterator.nextValue();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new BadObjectsFileException(file + ": not JSON or YAML" + where + " (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new BadObjectsFileException(file + ": cannot read the file (" + e.getMessage() + ")");
        }
        List<JsonNode> objects = new ArrayList<>();
        for (JsonNode document : documents) {
            flatten(document, objects, file);
        }
        if (objects.stream().noneMatch(o -> "MigPlan".equals(kind(o)) || "MigMigration".equals(kind(o)))) {
            throw new BadObjectsFileException(file + ": no MigPlan or MigMigration in the file (expected the output of "
                    + "'oc get migplan,migmigration -n openshift-migration -o json')");
        }
        return objects;
    }

    private static void flatten(JsonNode node, List<JsonNode> into, Path file) throws BadObjectsFileException {
        if (!node.isObject()) {
            throw new BadObjectsFileException(file + ": expected a Kubernetes object or List, found "
                    + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
        }
        String kind = kind(node);
        if (kind.endsWith("List") && node.has("items")) {
            for (JsonNode item : node.get("items")) {
                flatten(item, into, file);
            }
            return;
        }
        if (kind.isEmpty()) {
            throw new BadObjectsFileException(file + ": an object without 'kind'");
        }
        into.add(node);
    }

    private static String kind(JsonNode node) {
        return node.path("kind").asText("");
    }

    /** The file is not a readable list of MTC objects; the message names the file and the problem. */
    public static final class BadObjectsFileException extends Exception {
        public BadObjectsFileException(String message) {
            super(message);
        }
    }
}
