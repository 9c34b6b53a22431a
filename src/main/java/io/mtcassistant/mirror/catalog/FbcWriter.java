package io.mtcassistant.mirror.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a catalog the way {@code opm render} does: one {@code <package>/catalog.json} per package,
 * a stream of indented JSON objects. Same catalog in, same bytes out.
 */
public final class FbcWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FbcWriter() {
    }

    /** Relative path (under /configs) to file content. */
    public static Map<String, byte[]> files(FileBasedCatalog catalog) {
        Map<String, ByteArrayOutputStream> byPackage = new LinkedHashMap<>();
        for (ObjectNode blob : catalog.blobs()) {
            String pkg = FileBasedCatalog.packageOf(blob);
            String file = (pkg.isEmpty() ? "_other" : pkg) + "/catalog.json";
            ByteArrayOutputStream out = byPackage.computeIfAbsent(file, f -> new ByteArrayOutputStream());
            try {
                out.writeBytes(JSON.writeValueAsString(blob).getBytes(StandardCharsets.UTF_8));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            out.write('\n');
        }
        Map<String, byte[]> result = new LinkedHashMap<>();
        byPackage.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> result.put(e.getKey(), e.getValue().toByteArray()));
        return result;
    }
}
