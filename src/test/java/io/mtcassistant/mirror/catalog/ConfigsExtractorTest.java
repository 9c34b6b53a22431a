package io.mtcassistant.mirror.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mtcassistant.mirror.Descriptor;
import io.mtcassistant.mirror.Digests;
import io.mtcassistant.mirror.Manifest;
import io.mtcassistant.mirror.MediaTypes;
import io.mtcassistant.mirror.archive.TarWriter;
import io.mtcassistant.mirror.engine.LayoutStore;
import io.mtcassistant.mirror.layout.OciLayout;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layers applied in order with whiteouts, as a container runtime would see /configs. */
class ConfigsExtractorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void whiteoutsRemoveWhatLowerLayersPut() throws Exception {
        CatalogImage image = image("/configs/", List.of(
                tar(Map.of("configs/a/catalog.json", "a1", "configs/b/catalog.json", "b1", "configs/c/catalog.json", "c1", "etc/x", "x")),
                // .wh.b removes b; the same layer's new c file survives its own directory's opaque marker.
                tar(Map.of("configs/.wh.b", "", "configs/a/catalog.json", "a2")),
                tar(Map.of("configs/c/.wh..wh..opq", "", "configs/c/new.json", "c2"))));
        Path out = ConfigsExtractor.extract(store(), image.preferred(), tmp.resolve("out/configs"), "test");
        assertThat(Files.readString(out.resolve("a/catalog.json"))).isEqualTo("a2");
        assertThat(out.resolve("b")).doesNotExist();
        assertThat(out.resolve("c/catalog.json")).doesNotExist();
        assertThat(Files.readString(out.resolve("c/new.json"))).isEqualTo("c2");
        assertThat(out.resolve("etc")).doesNotExist();
    }

    @Test
    void wholeDirectoryWhiteoutAndMissingLabel() throws Exception {
        CatalogImage image = image("/configs", List.of(tar(Map.of("configs/a/catalog.json", "a1")), tar(Map.of(".wh.configs", "")),
                tar(Map.of("configs/z/catalog.json", "z"))));
        Path out = ConfigsExtractor.extract(store(), image.preferred(), tmp.resolve("out2/configs"), "test");
        assertThat(out.resolve("a")).doesNotExist();
        assertThat(Files.readString(out.resolve("z/catalog.json"))).isEqualTo("z");

        CatalogImage sqlite = image(null, List.of(tar(Map.of("database/index.db", "x"))));
        assertThatThrownBy(() -> ConfigsExtractor.extract(store(), sqlite.preferred(), tmp.resolve("out3"), "old-index"))
                .hasMessageStartingWith("catalog old-index is not a file-based catalog: its config has no label "
                        + CatalogImage.CONFIGS_LABEL);
    }

    private OciLayout layout() {
        return new OciLayout(tmp.resolve("layout")).create();
    }

    private LayoutStore store() {
        return new LayoutStore(layout());
    }

    private CatalogImage image(String label, List<byte[]> tars) throws Exception {
        OciLayout layout = layout();
        ObjectNode config = JSON.createObjectNode();
        config.put("architecture", "amd64").put("os", "linux");
        ObjectNode run = config.putObject("config");
        if (label != null) {
            run.putObject("Labels").put(CatalogImage.CONFIGS_LABEL, label);
        }
        ArrayNode diffIds = config.putObject("rootfs").put("type", "layers").putArray("diff_ids");
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("schemaVersion", 2).put("mediaType", MediaTypes.OCI_MANIFEST);
        ArrayNode layers = manifest.putArray("layers");
        for (byte[] t : tars) {
            diffIds.add(Digests.sha256(t));
            byte[] gz = FilteredCatalogImage.gzip(t);
            Descriptor d = put(layout, MediaTypes.OCI_LAYER_GZIP, gz);
            layers.addObject().put("mediaType", d.mediaType()).put("digest", d.digest()).put("size", d.size());
        }
        Descriptor c = put(layout, MediaTypes.OCI_CONFIG, JSON.writeValueAsBytes(config));
        manifest.putObject("config").put("mediaType", c.mediaType()).put("digest", c.digest()).put("size", c.size());
        Manifest m = Manifest.parse(JSON.writeValueAsBytes(manifest), MediaTypes.OCI_MANIFEST, "test");
        layout.writeManifest(m);
        layout.tag("idx-" + m.digest().substring(7, 15), m);
        return CatalogImage.read(new LayoutStore(layout), m.digest(), "test");
    }

    private static Descriptor put(OciLayout layout, String type, byte[] bytes) {
        Descriptor d = new Descriptor(type, Digests.sha256(bytes), bytes.length);
        if (!layout.hasBlob(d.digest())) {
            layout.writeBlob(d, new ByteArrayInputStream(bytes));
        }
        return d;
    }

    private static byte[] tar(Map<String, String> files) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarWriter w = new TarWriter(out)) {
            for (String name : files.keySet().stream().sorted().toList()) {
                w.addFile(name, files.get(name).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }
}
