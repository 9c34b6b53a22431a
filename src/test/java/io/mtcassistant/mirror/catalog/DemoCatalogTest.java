package io.mtcassistant.mirror.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.mirror.Manifest;
import io.mtcassistant.mirror.catalog.demo.DemoCatalog;
import io.mtcassistant.mirror.layout.OciLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo content generator: same bytes every time, real repository names, labelled as demo. */
class DemoCatalogTest {

    @TempDir
    Path tmp;

    @Test
    void sameBytesOnEveryRun() throws Exception {
        DemoCatalog.Contents a = DemoCatalog.write(tmp.resolve("a"), DemoCatalog.DEFAULT_HOST);
        DemoCatalog.Contents b = DemoCatalog.write(tmp.resolve("b"), DemoCatalog.DEFAULT_HOST);
        assertThat(Files.readString(a.layoutDir().resolve("index.json"))).isEqualTo(Files.readString(b.layoutDir().resolve("index.json")));
        assertThat(blobNames(a.layoutDir())).isEqualTo(blobNames(b.layoutDir())).hasSizeGreaterThan(100);
    }

    @Test
    void namesTheRealRepositoriesAndSaysItIsDemoContent() {
        DemoCatalog.Contents c = DemoCatalog.write(tmp.resolve("d"), DemoCatalog.DEFAULT_HOST);
        assertThat(c.indexReference()).isEqualTo("registry.redhat.io/redhat/redhat-operator-index:v4.12");
        assertThat(c.references()).contains(
                "registry.redhat.io/rhmtc/openshift-migration-rhel8-operator:v1.8.8",
                "registry.redhat.io/rhmtc/openshift-migration-controller-rhel8:v1.8.8",
                "registry.redhat.io/rhmtc/openshift-migration-ui-rhel8:v1.7.18",
                "registry.redhat.io/rhmtc/openshift-migration-velero-rhel8:v1.8.6",
                "registry.redhat.io/rhmtc/openshift-migration-legacy-rhel8-operator:v1.7",
                "registry.redhat.io/oadp/oadp-velero-rhel8:v1.2.5",
                "registry.redhat.io/oadp/oadp-operator-bundle:v1.0.14");
        OciLayout layout = OciLayout.open(c.layoutDir());
        for (OciLayout.Entry e : layout.entries()) {
            Manifest m = layout.readManifest(e.descriptor());
            assertThat(new String(m.bytes())).as(e.refName()).contains(DemoCatalog.DEMO_ANNOTATION);
        }
    }

    @Test
    void ensureGeneratesOnceIntoTheCacheFolder() throws Exception {
        DemoCatalog.Contents first = DemoCatalog.ensure(tmp);
        long modified = Files.getLastModifiedTime(first.layoutDir().resolve("index.json")).toMillis();
        DemoCatalog.Contents again = DemoCatalog.ensure(tmp);
        assertThat(again.references()).containsExactlyInAnyOrderElementsOf(first.references());
        assertThat(Files.getLastModifiedTime(again.layoutDir().resolve("index.json")).toMillis()).isEqualTo(modified);
    }

    private static List<String> blobNames(Path layout) throws Exception {
        try (Stream<Path> s = Files.list(layout.resolve("blobs/sha256"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
