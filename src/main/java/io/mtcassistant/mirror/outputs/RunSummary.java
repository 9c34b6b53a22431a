package io.mtcassistant.mirror.outputs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mtcassistant.mirror.engine.ImageResult;
import io.mtcassistant.mirror.engine.TransferStats;
import java.time.Instant;
import java.util.List;

/** The machine-readable summary of a run: every image with digest, size, time and result, plus totals. */
public final class RunSummary {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunSummary() {
    }

    public static String json(String mode, String destination, Instant started, Instant finished, List<ImageResult> results,
                              TransferStats stats) {
        ObjectNode root = JSON.createObjectNode();
        root.put("mode", mode);
        root.put("destination", destination);
        root.put("started", started.toString());
        root.put("finished", finished.toString());
        long failed = results.stream().filter(r -> !r.ok()).count();
        root.put("result", failed == 0 ? "succeeded" : "failed");
        ObjectNode totals = root.putObject("totals");
        totals.put("images", results.size());
        totals.put("imagesFailed", failed);
        totals.put("bytesTransferred", stats.bytesTransferred());
        totals.put("blobsCopied", stats.blobsCopied());
        totals.put("blobsSkipped", stats.blobsSkipped());
        totals.put("blobsMounted", stats.blobsMounted());
        ArrayNode images = root.putArray("images");
        for (ImageResult r : results) {
            ObjectNode i = images.addObject();
            i.put("source", r.source());
            i.put("destination", r.destination());
            i.put("digest", r.digest());
            i.put("mediaType", r.mediaType());
            i.put("sizeBytes", r.size());
            i.put("seconds", r.took().toMillis() / 1000.0);
            i.put("result", r.status().name().toLowerCase(java.util.Locale.ROOT));
            if (r.error() != null) {
                i.put("error", r.error());
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
