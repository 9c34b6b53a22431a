package io.mtcassistant.mirror.testsupport;

import io.mtcassistant.mirror.Descriptor;
import io.mtcassistant.mirror.Digests;
import io.mtcassistant.mirror.Manifest;
import io.mtcassistant.mirror.MediaTypes;
import io.mtcassistant.mirror.archive.TarWriter;
import io.mtcassistant.mirror.layout.OciLayout;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Builds small test images in code, in all four manifest kinds, into an OCI layout: random
 * gzip'd tar layers, a config with matching diff_ids, and multi-arch indexes (amd64 + arm64).
 */
public final class TestImages {

    public enum Kind { OCI_MANIFEST, DOCKER_MANIFEST, OCI_INDEX, DOCKER_LIST }

    /** A compressed layer and the digest of its uncompressed tar (diff_id). */
    public record Layer(byte[] gzip, String diffId) {
        public String digest() {
            return Digests.sha256(gzip);
        }
    }

    private final OciLayout layout;
    private final Random random;

    public TestImages(OciLayout layout, long seed) {
        this.layout = layout.create();
        this.random = new Random(seed);
    }

    public OciLayout layout() {
        return layout;
    }

    public Layer randomLayer(int size) {
        byte[] content = new byte[size];
        random.nextBytes(content);
        try {
            ByteArrayOutputStream tar = new ByteArrayOutputStream();
            try (TarWriter w = new TarWriter(tar)) {
                w.addFile("data-" + random.nextInt(1_000_000) + ".bin", content);
            }
            byte[] tarBytes = tar.toByteArray();
            ByteArrayOutputStream gz = new ByteArrayOutputStream();
            try (GZIPOutputStream g = new GZIPOutputStream(gz)) {
                g.write(tarBytes);
            }
            return new Layer(gz.toByteArray(), Digests.sha256(tarBytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes an image of the given kind with its own random layer on top of the shared ones; tags it refName. */
    public Manifest write(String refName, Kind kind, int layerSize, List<Layer> shared) {
        Manifest top = switch (kind) {
            case OCI_MANIFEST -> image(false, "amd64", layerSize, shared);
            case DOCKER_MANIFEST -> image(true, "amd64", layerSize, shared);
            case OCI_INDEX -> index(false, layerSize, shared);
            case DOCKER_LIST -> index(true, layerSize, shared);
        };
        layout.tag(refName, top);
        return top;
    }

    public Manifest write(String refName, Kind kind, int layerSize) {
        return write(refName, kind, layerSize, List.of());
    }

    private Manifest image(boolean docker, String arch, int layerSize, List<Layer> shared) {
        List<Layer> layers = new ArrayList<>(shared);
        layers.add(randomLayer(layerSize));
        StringBuilder diffIds = new StringBuilder();
        StringBuilder layerJson = new StringBuilder();
        String layerType = docker ? MediaTypes.DOCKER_LAYER_GZIP : MediaTypes.OCI_LAYER_GZIP;
        for (Layer l : layers) {
            put(new Descriptor(layerType, l.digest(), l.gzip().length), l.gzip());
            diffIds.append(diffIds.length() == 0 ? "" : ",").append('"').append(l.diffId()).append('"');
            layerJson.append(layerJson.length() == 0 ? "" : ",").append(descriptorJson(layerType, l.digest(), l.gzip().length, null));
        }
        byte[] config = ("{\"architecture\":\"" + arch + "\",\"os\":\"linux\",\"created\":\"2020-01-01T00:00:00Z\","
                + "\"config\":{\"Env\":[\"RANDOM=" + random.nextLong() + "\"]},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[" + diffIds + "]}}").getBytes(StandardCharsets.UTF_8);
        String configType = docker ? MediaTypes.DOCKER_CONFIG : MediaTypes.OCI_CONFIG;
        String configDigest = Digests.sha256(config);
        put(new Descriptor(configType, configDigest, config.length), config);
        String type = docker ? MediaTypes.DOCKER_MANIFEST : MediaTypes.OCI_MANIFEST;
        // Deliberately unusual formatting (indentation, key order): a re-serializing copier would change the digest.
        byte[] manifest = ("{\n   \"schemaVersion\": 2,\n   \"mediaType\": \"" + type + "\",\n   \"config\": "
                + descriptorJson(configType, configDigest, config.length, null) + ",\n   \"layers\": [" + layerJson + "]\n}")
                .getBytes(StandardCharsets.UTF_8);
        Manifest m = Manifest.parse(manifest, type, "test image");
        layout.writeManifest(m);
        return m;
    }

    private Manifest index(boolean docker, int layerSize, List<Layer> shared) {
        Manifest amd = image(docker, "amd64", layerSize, shared);
        Manifest arm = image(docker, "arm64", layerSize, shared);
        String type = docker ? MediaTypes.DOCKER_LIST : MediaTypes.OCI_INDEX;
        byte[] index = ("{\"schemaVersion\":2,\"mediaType\":\"" + type + "\",\"manifests\":["
                + descriptorJson(amd.mediaType(), amd.digest(), amd.size(), "amd64") + ","
                + descriptorJson(arm.mediaType(), arm.digest(), arm.size(), "arm64") + "]}").getBytes(StandardCharsets.UTF_8);
        Manifest m = Manifest.parse(index, type, "test index");
        layout.writeManifest(m);
        return m;
    }

    private void put(Descriptor d, byte[] bytes) {
        if (!layout.hasBlob(d.digest())) {
            layout.writeBlob(d, new ByteArrayInputStream(bytes));
        }
    }

    private static String descriptorJson(String type, String digest, long size, String arch) {
        return "{\"mediaType\":\"" + type + "\",\"digest\":\"" + digest + "\",\"size\":" + size
                + (arch == null ? "" : ",\"platform\":{\"architecture\":\"" + arch + "\",\"os\":\"linux\"}") + "}";
    }
}
