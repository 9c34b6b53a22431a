package io.mtcassistant.mirror.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mtcassistant.mirror.MirrorException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * metadata.json of an archive: what was mirrored, from where, with digests and sizes. The image's
 * refName is its index.json ref name inside the OCI layout.
 */
public record ArchiveMetadata(String created, List<Image> images) {

    public static final String FORMAT = "mtc-assistant-mirror-archive";
    public static final String FILE = "metadata.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public record Image(String source, String refName, String digest, String mediaType, long size) {
    }

    public static ArchiveMetadata now(List<Image> images) {
        return new ArchiveMetadata(Instant.now().toString(), List.copyOf(images));
    }

    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", 1);
        root.put("created", created);
        root.put("layout", "OCI image layout (oci-layout, index.json, blobs/sha256) at the root of the tar");
        long total = 0;
        ArrayNode list = root.putArray("images");
        for (Image i : images) {
            list.addObject().put("source", i.source()).put("refName", i.refName()).put("digest", i.digest())
                    .put("mediaType", i.mediaType()).put("size", i.size());
            total += i.size();
        }
        root.put("totalImageBytes", total);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ArchiveMetadata parse(byte[] bytes, String where) {
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || !FORMAT.equals(root.path("format").asText())) {
                throw new MirrorException(MirrorException.Kind.CORRUPT_ARCHIVE, where + " is not an mtc-assistant archive metadata file");
            }
            List<Image> images = new ArrayList<>();
            for (JsonNode i : root.path("images")) {
                images.add(new Image(i.path("source").asText(), i.path("refName").asText(), i.path("digest").asText(),
                        i.path("mediaType").asText(), i.path("size").asLong()));
            }
            return new ArchiveMetadata(root.path("created").asText(), List.copyOf(images));
        } catch (IOException e) {
            throw new MirrorException(MirrorException.Kind.CORRUPT_ARCHIVE, where + " is not valid JSON");
        }
    }
}
