package io.mtcassistant.mirror.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.mirror.Descriptor;
import io.mtcassistant.mirror.ImageReference;
import io.mtcassistant.mirror.Manifest;
import io.mtcassistant.mirror.layout.OciLayout;
import io.mtcassistant.mirror.registry.RegistryAccess;
import io.mtcassistant.mirror.testsupport.LocalRegistry;
import io.mtcassistant.mirror.testsupport.Skopeo;
import io.mtcassistant.mirror.testsupport.TestImages;
import io.mtcassistant.mirror.testsupport.TestImages.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Copies of all four manifest kinds between layout and registry keep every digest, checked with skopeo. */
class CopyIntegrationTest {

    @TempDir
    static Path tmp;
    static LocalRegistry registry;
    static TestImages images;

    @BeforeAll
    static void start() throws Exception {
        LocalRegistry.assumeInstalled();
        registry = LocalRegistry.builder(tmp).start();
        images = new TestImages(new OciLayout(tmp.resolve("source-layout")), 42);
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    private static ImageResult copy(String src, String dst, boolean all) {
        return new ImageCopy(RegistryAccess.anonymous()).copy(ImageReference.parse(src), ImageReference.parse(dst), all,
                false, false, 4, TransferListener.NONE);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void digestsSurviveLayoutToRegistryToRegistryToLayout(Kind kind) throws Exception {
        String name = kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
        Manifest m = images.write(name, kind, 2048);
        String layoutRef = "oci:" + images.layout().dir() + ":" + name;

        ImageResult pushed = copy(layoutRef, registry.ref("src/" + name + ":v1"), true);
        assertThat(pushed.status()).as(pushed.error()).isEqualTo(ImageResult.Status.MIRRORED);
        assertThat(pushed.digest()).isEqualTo(m.digest());
        assertThat(Skopeo.rawDigest(registry.ref("src/" + name + ":v1"))).isEqualTo(m.digest());

        ImageResult mirrored = copy(registry.ref("src/" + name + ":v1"), registry.ref("mirror/src/" + name + ":v1"), true);
        assertThat(mirrored.ok()).as(mirrored.error()).isTrue();
        assertThat(Skopeo.rawDigest(registry.ref("mirror/src/" + name + ":v1"))).isEqualTo(m.digest());

        Path out = tmp.resolve("out-" + name);
        ImageResult saved = copy(registry.ref("mirror/src/" + name + ":v1"), "oci:" + out + ":" + name, true);
        assertThat(saved.ok()).as(saved.error()).isTrue();
        if (kind == Kind.OCI_MANIFEST || kind == Kind.OCI_INDEX) {
            assertThat(Skopeo.rawDigest("oci:" + out + ":" + name)).isEqualTo(m.digest());
            // skopeo can also push what we wrote, keeping the digest (it reads our layout completely).
            Skopeo.ok("copy", "--all", "--preserve-digests", "--dest-tls-verify=false", "oci:" + out + ":" + name,
                    registry.ref("by-skopeo/" + name + ":v1"));
            assertThat(Skopeo.rawDigest(registry.ref("by-skopeo/" + name + ":v1"))).isEqualTo(m.digest());
        } else {
            // skopeo 1.9's oci: transport only lists OCI-typed entries, so Docker images in a layout
            // are checked through our own reader: back to a registry, same digest.
            ImageResult back = copy("oci:" + out + ":" + name, registry.ref("from-layout/" + name + ":v1"), true);
            assertThat(back.ok()).as(back.error()).isTrue();
            assertThat(Skopeo.rawDigest(registry.ref("from-layout/" + name + ":v1"))).isEqualTo(m.digest());
        }
        if (m.isIndex()) {
            for (Descriptor child : m.children()) {
                assertThat(Skopeo.rawDigest(registry.ref("mirror/src/" + name + "@" + child.digest()))).isEqualTo(child.digest());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"OCI_MANIFEST", "OCI_INDEX"})
    void imagesPushedBySkopeoAreCopiedWithTheirDigests(Kind kind) throws Exception {
        String name = "skopeo-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
        Manifest m = images.write(name, kind, 1024);
        Skopeo.ok("copy", "--all", "--preserve-digests", "--dest-tls-verify=false",
                "oci:" + images.layout().dir() + ":" + name, registry.ref("skopeo/" + name + ":v1"));
        String skopeoDigest = Skopeo.rawDigest(registry.ref("skopeo/" + name + ":v1"));

        Path out = tmp.resolve("from-skopeo-" + name);
        ImageResult r = copy(registry.ref("skopeo/" + name + ":v1"), "oci:" + out + ":img", true);
        assertThat(r.ok()).as(r.error()).isTrue();
        assertThat(r.digest()).isEqualTo(skopeoDigest).isEqualTo(m.digest());
        assertThat(Skopeo.rawDigest("oci:" + out + ":img")).isEqualTo(skopeoDigest);

        // And a layout written by skopeo is read by our engine, digest intact.
        Path skopeoLayout = tmp.resolve("skopeo-wrote-" + name);
        Skopeo.ok("copy", "--all", "--preserve-digests", "--src-tls-verify=false", registry.ref("skopeo/" + name + ":v1"),
                "oci:" + skopeoLayout + ":written");
        ImageResult fromSkopeoLayout = copy("oci:" + skopeoLayout + ":written", registry.ref("from-skopeo-layout/" + name + ":v1"), true);
        assertThat(fromSkopeoLayout.ok()).as(fromSkopeoLayout.error()).isTrue();
        assertThat(Skopeo.rawDigest(registry.ref("from-skopeo-layout/" + name + ":v1"))).isEqualTo(skopeoDigest);
    }

    @Test
    void dockerImageMadeBySkopeoIsCopiedWithItsDigest() throws Exception {
        Manifest m = images.write("to-convert", Kind.OCI_MANIFEST, 1024);
        Skopeo.ok("copy", "--format", "v2s2", "--dest-tls-verify=false",
                "oci:" + images.layout().dir() + ":to-convert", registry.ref("skopeo/docker:v1"));
        String skopeoDigest = Skopeo.rawDigest(registry.ref("skopeo/docker:v1"));
        assertThat(skopeoDigest).isNotEqualTo(m.digest());

        ImageResult r = copy(registry.ref("skopeo/docker:v1"), registry.ref("mirror/skopeo/docker:v1"), true);
        assertThat(r.ok()).as(r.error()).isTrue();
        assertThat(Skopeo.rawDigest(registry.ref("mirror/skopeo/docker:v1"))).isEqualTo(skopeoDigest);
    }

    @Test
    void withoutAllOnlyTheAmd64ChildIsCopied() throws Exception {
        Manifest index = images.write("multi-noall", Kind.OCI_INDEX, 512);
        ImageResult r = copy("oci:" + images.layout().dir() + ":multi-noall", registry.ref("single/multi:v1"), false);
        assertThat(r.ok()).as(r.error()).isTrue();
        assertThat(r.digest()).isEqualTo(index.children().get(0).digest());
    }

    @Test
    void corruptBlobInLayoutFailsAndLeavesNothingAtTheDestination() throws Exception {
        Path layoutDir = tmp.resolve("corrupt-layout");
        TestImages corrupt = new TestImages(new OciLayout(layoutDir), 7);
        Manifest m = corrupt.write("bad", Kind.OCI_MANIFEST, 4096);
        Descriptor layer = m.blobs().get(1);
        Path file = corrupt.layout().blobPath(layer.digest());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(file, bytes);

        ImageResult r = copy("oci:" + layoutDir + ":bad", registry.ref("corrupt/bad:v1"), true);
        assertThat(r.status()).isEqualTo(ImageResult.Status.FAILED);
        assertThat(r.error()).contains("digest mismatch").contains(layer.digest());
        assertThat(Skopeo.run("inspect", "--raw", "--tls-verify=false", registry.ref("corrupt/bad:v1")).exitCode()).isNotZero();
        assertThat(registry.hasBlobStored(layer.digest())).isFalse();

        Path out = tmp.resolve("corrupt-out");
        ImageResult r2 = copy("oci:" + layoutDir + ":bad", "oci:" + out + ":bad", true);
        assertThat(r2.status()).isEqualTo(ImageResult.Status.FAILED);
        assertThat(new OciLayout(out).hasBlob(layer.digest())).isFalse();
        assertThat(new OciLayout(out).entries()).isEmpty();
        try (var files = Files.list(out.resolve("blobs/sha256"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
    }

    @Test
    void corruptBlobServedByRegistryFailsAndLeavesNothingAtTheDestination() throws Exception {
        Manifest m = images.write("served-bad", Kind.OCI_MANIFEST, 3 << 20);
        assertThat(copy("oci:" + images.layout().dir() + ":served-bad", registry.ref("bad/served:v1"), true).ok()).isTrue();
        Descriptor layer = m.blobs().get(1);
        byte[] bytes = Files.readAllBytes(registry.blobData(layer.digest()));
        bytes[100] ^= 0x01;
        Files.write(registry.blobData(layer.digest()), bytes);

        try (LocalRegistry second = LocalRegistry.builder(tmp).start()) {
            ImageResult r = copy(registry.ref("bad/served:v1"), second.ref("bad/served:v1"), true);
            assertThat(r.status()).isEqualTo(ImageResult.Status.FAILED);
            assertThat(r.error()).contains("digest mismatch");
            assertThat(second.hasBlobStored(layer.digest())).isFalse();
            assertThat(Skopeo.run("inspect", "--raw", "--tls-verify=false", second.ref("bad/served:v1")).exitCode()).isNotZero();
        }
    }
}
