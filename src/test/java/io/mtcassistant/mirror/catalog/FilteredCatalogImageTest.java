package io.mtcassistant.mirror.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mtcassistant.mirror.Descriptor;
import io.mtcassistant.mirror.engine.ImageStore;
import io.mtcassistant.mirror.layout.OciLayout;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rebuilt catalog image: one more layer per platform that replaces /configs and whites out the cache. */
class FilteredCatalogImageTest {

    @TempDir
    Path tmp;

    @Test
    void rebuiltImageServesTheFilteredCatalogAndNoCache() throws Exception {
        DemoFixture demo = new DemoFixture(tmp, "registry.example.com");
        FilteredCatalog f = demo.filter().filter(List.of(PackageSelection.channel("mtc-operator", "release-v1.8")));
        FilteredCatalogImage rebuilt = FilteredCatalogImage.build(demo.store, demo.image, f.catalog(), new OciLayout(tmp.resolve("rebuilt")));

        ImageStore source = rebuilt.source();
        CatalogImage image = CatalogImage.read(source, rebuilt.digest(), "rebuilt");
        assertThat(image.top().isIndex()).isTrue();
        assertThat(image.platforms()).hasSize(2);
        for (CatalogImage.PlatformImage p : image.platforms()) {
            JsonNode config = p.config();
            assertThat(config.path("config").path("Labels").path(CatalogImage.CONFIGS_LABEL).asText()).isEqualTo("/configs");
            assertThat(config.path("config").path("Cmd").toString()).isEqualTo("[\"serve\",\"/configs\"]");
            assertThat(config.path("rootfs").path("diff_ids")).hasSize(4);
            assertThat(config.path("history")).hasSize(4);
            assertThat(p.layers()).hasSize(4);
            assertThat(p.layers().subList(0, 3)).isEqualTo(demo.image.platforms().get(0).layers());
            assertThat(entries(source, p.layers().get(3))).containsExactly("tmp/.wh.cache", "configs/", "configs/.wh..wh..opq",
                    "configs/mtc-operator/", "configs/mtc-operator/catalog.json", "configs/redhat-oadp-operator/",
                    "configs/redhat-oadp-operator/catalog.json");
        }
        // Read back with the same extractor: exactly the filtered catalog.
        Path back = ConfigsExtractor.extract(source, image.preferred(), tmp.resolve("back/configs"), "rebuilt");
        FileBasedCatalog read = FbcReader.read(back, "rebuilt");
        assertThat(read.packageNames()).containsExactly("mtc-operator", "redhat-oadp-operator");
        assertThat(read.blobs()).isEqualTo(f.catalog().blobs());

        // Same input, same image.
        FilteredCatalogImage again = FilteredCatalogImage.build(demo.store, demo.image, f.catalog(), new OciLayout(tmp.resolve("again")));
        assertThat(again.digest()).isEqualTo(rebuilt.digest());
    }

    private static List<String> entries(ImageStore store, Descriptor layer) throws Exception {
        List<String> names = new ArrayList<>();
        try (InputStream in = store.openBlob(layer, null); LayerTarReader tar = new LayerTarReader(in)) {
            LayerTarReader.Entry e;
            while ((e = tar.next()) != null) {
                names.add(e.name());
            }
        }
        return names;
    }
}
