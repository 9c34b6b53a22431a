package io.mtcassistant.mirror.catalog;

import io.mtcassistant.mirror.catalog.demo.DemoCatalog;
import io.mtcassistant.mirror.engine.LayoutStore;
import io.mtcassistant.mirror.layout.OciLayout;
import java.nio.file.Path;

/** The synthetic demo catalog read straight from its OCI layout (the "from an archive" path). */
final class DemoFixture {

    final DemoCatalog.Contents contents;
    final LayoutStore store;
    final CatalogImage image;
    final Path configs;

    DemoFixture(Path tmp, String host) {
        contents = DemoCatalog.write(tmp.resolve("demo-layout"), host);
        store = new LayoutStore(OciLayout.open(contents.layoutDir()));
        image = CatalogImage.read(store, contents.indexReference(), contents.indexReference());
        configs = ConfigsExtractor.extract(store, image.preferred(), tmp.resolve("extracted/configs"), contents.indexReference());
    }

    FileBasedCatalog all() {
        return FbcReader.read(configs, contents.indexReference());
    }

    CatalogFilter filter() {
        return new CatalogFilter(wanted -> FbcReader.read(configs, contents.indexReference(), wanted), contents.indexReference());
    }
}
