package io.mtcassistant.mirror.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mtcassistant.mirror.MirrorException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads a file-based catalog from a directory (the extracted /configs): every .json file is a
 * stream of JSON objects, every .yaml/.yml file a stream of YAML documents, as opm reads them.
 * Blobs are streamed, and only those of the wanted packages are kept, so a full Red Hat index
 * does not have to fit in memory. Broken content is bad input naming the file and the problem.
 */
public final class FbcReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private FbcReader() {
    }

    /** Every blob. */
    public static FileBasedCatalog read(Path configsDir, String where) {
        return read(configsDir, where, p -> true);
    }

    /** The blobs of the packages the filter accepts (blobs without a package are kept only when it accepts ""). */
    public static FileBasedCatalog read(Path configsDir, String where, Predicate<String> wantedPackage) {
        if (!Files.isDirectory(configsDir)) {
            throw MirrorException.badInput("catalog " + where + " has no file-based catalog directory (" + configsDir.getFileName() + ")");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(configsDir)) {
            files = walk.filter(Files::isRegularFile).filter(FbcReader::isCatalogFile).sorted().toList();
        } catch (IOException e) {
            throw MirrorException.badInput("catalog " + where + " cannot be read: " + e.getMessage());
        }
        List<ObjectNode> blobs = new ArrayList<>();
        java.util.Set<String> known = new java.util.TreeSet<>();
        for (Path file : files) {
            String name = configsDir.relativize(file).toString();
            boolean yaml = !name.endsWith(".json");
            try (InputStream in = Files.newInputStream(file);
                 JsonParser parser = (yaml ? YAML : JSON).getFactory().createParser(in);
                 MappingIterator<JsonNode> it = (yaml ? YAML : JSON).readValues(parser, JsonNode.class)) {
                int n = 0;
                while (it.hasNextValue()) {
                    JsonNode node = it.nextValue();
                    n++;
                    if (node == null || node.isNull() || node.isMissingNode()) {
                        continue;
                    }
                    ObjectNode blob = check(node, where, name, n);
                    if (FileBasedCatalog.PACKAGE.equals(blob.path("schema").asText())) {
                        known.add(blob.path("name").asText());
                    }
                    if (wantedPackage.test(FileBasedCatalog.packageOf(blob))) {
                        blobs.add(blob);
                    }
                }
            } catch (MirrorException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                String detail = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
                throw MirrorException.badInput("catalog " + where + ": configs/" + name + " is not valid " + (yaml ? "YAML" : "JSON")
                        + ": " + detail);
            }
        }
        return new FileBasedCatalog(blobs, known);
    }

    private static boolean isCatalogFile(Path p) {
        String n = p.getFileName().toString();
        return !n.startsWith(".") && (n.endsWith(".json") || n.endsWith(".yaml") || n.endsWith(".yml"));
    }

    private static ObjectNode check(JsonNode node, String where, String file, int n) {
        String at = "catalog " + where + ": configs/" + file + " blob " + n;
        if (!node.isObject()) {
            throw MirrorException.badInput(at + " is not an object");
        }
        String schema = node.path("schema").asText("");
        if (schema.isEmpty()) {
            throw MirrorException.badInput(at + " has no schema");
        }
        switch (schema) {
            case FileBasedCatalog.PACKAGE -> require(node, at, "name");
            case FileBasedCatalog.CHANNEL -> {
                require(node, at, "package");
                require(node, at, "name");
                if (!node.path("entries").isArray()) {
                    throw MirrorException.badInput(at + " (olm.channel " + node.path("name").asText() + ") has no entries list");
                }
            }
            case FileBasedCatalog.BUNDLE -> {
                require(node, at, "package");
                require(node, at, "name");
                require(node, at, "image");
            }
            default -> {
                // Other schemas (olm.deprecations, olm.csv.metadata, ...) pass through untouched.
            }
        }
        return (ObjectNode) node;
    }

    private static void require(JsonNode node, String at, String field) {
        if (node.path(field).asText("").isEmpty()) {
            throw MirrorException.badInput(at + " (" + node.path("schema").asText() + ") has no " + field);
        }
    }
}
