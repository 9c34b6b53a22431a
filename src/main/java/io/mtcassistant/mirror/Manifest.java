package io.mtcassistant.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A manifest exactly as the source served it. The bytes are never re-serialized: the digest of
 * the mirrored copy must be identical for ImageDigestMirrorSet to work.
 */
public final class Manifest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] bytes;
    private final String mediaType;
    private final String digest;
    private final JsonNode json;

    private Manifest(byte[] bytes, String mediaType, String digest, JsonNode json) {
        this.bytes = bytes;
        this.mediaType = mediaType;
        this.digest = digest;
        this.json = json;
    }

    /**
     * Parses served bytes. The media type is the one inside the JSON when present (the spec
     * says it wins), else the Content-Type the server gave.
     */
    public static Manifest parse(byte[] bytes, String servedContentType, String where) {
        JsonNode json;
        try {
            json = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new MirrorException(MirrorException.Kind.REGISTRY, "the manifest of " + where + " is not valid JSON");
        }
        if (json == null || !json.isObject()) {
            throw new MirrorException(MirrorException.Kind.REGISTRY, "the manifest of " + where + " is not a JSON object");
        }
        String type = json.path("mediaType").asText(null);
        if (type == null || type.isEmpty()) {
            type = stripParameters(servedContentType);
            if (type == null || !MediaTypes.isManifest(type)) {
                // OCI manifests may omit mediaType; tell them apart by shape.
                type = json.has("manifests") ? MediaTypes.OCI_INDEX : MediaTypes.OCI_MANIFEST;
            }
        }
        if (json.path("schemaVersion").asInt() == 1 || type.startsWith("application/vnd.docker.distribution.manifest.v1")) {
            throw new MirrorException(MirrorException.Kind.REGISTRY, where
                    + " is a Docker schema 1 manifest, which is deprecated and not mirrored; rebuild or re-push it as schema 2");
        }
        if (!MediaTypes.isManifest(type)) {
            throw new MirrorException(MirrorException.Kind.REGISTRY, where + " has an unsupported manifest media type " + type);
        }
        return new Manifest(bytes, type, Digests.sha256(bytes), json);
    }

    private static String stripParameters(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semi = contentType.indexOf(';');
        return (semi >= 0 ? contentType.substring(0, semi) : contentType).trim();
    }

    public byte[] bytes() {
        return bytes;
    }

    public String mediaType() {
        return mediaType;
    }

    public String digest() {
        return digest;
    }

    public long size() {
        return bytes.length;
    }

    public boolean isIndex() {
        return MediaTypes.isIndex(mediaType);
    }

    public Descriptor asDescriptor() {
        return new Descriptor(mediaType, digest, bytes.length);
    }

    /** Child manifests of an index or manifest list (empty for an image manifest). */
    public List<Descriptor> children() {
        List<Descriptor> result = new ArrayList<>();
        if (isIndex()) {
            for (JsonNode child : json.path("manifests")) {
                JsonNode p = child.path("platform");
                String platform = p.isMissingNode() ? null
                        : p.path("os").asText("") + "/" + p.path("architecture").asText("")
                        + (p.has("variant") ? "/" + p.path("variant").asText() : "");
                result.add(new Descriptor(child.path("mediaType").asText(MediaTypes.OCI_MANIFEST),
                        requireDigest(child), child.path("size").asLong(-1), platform));
            }
        }
        return result;
    }

    /** Config then layers of an image manifest; foreign layers (with urls) are left out, as skopeo does. */
    public List<Descriptor> blobs() {
        List<Descriptor> result = new ArrayList<>();
        if (!isIndex()) {
            JsonNode config = json.path("config");
            if (!config.isMissingNode()) {
                result.add(new Descriptor(config.path("mediaType").asText(""), requireDigest(config), config.path("size").asLong(-1)));
            }
            for (JsonNode layer : json.path("layers")) {
                if (layer.has("urls") && layer.path("mediaType").asText("").contains("foreign")) {
                    continue;
                }
                result.add(new Descriptor(layer.path("mediaType").asText(""), requireDigest(layer), layer.path("size").asLong(-1)));
            }
        }
        return result;
    }

    private String requireDigest(JsonNode node) {
        String d = node.path("digest").asText(null);
        if (!Digests.isValid(d)) {
            throw new MirrorException(MirrorException.Kind.REGISTRY, "manifest " + digest + " lists an invalid digest: " + d);
        }
        return d;
    }
}
