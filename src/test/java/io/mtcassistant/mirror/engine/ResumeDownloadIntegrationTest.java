package io.mtcassistant.mirror.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.mirror.Descriptor;
import io.mtcassistant.mirror.Digests;
import io.mtcassistant.mirror.ImageReference;
import io.mtcassistant.mirror.Manifest;
import io.mtcassistant.mirror.layout.OciLayout;
import io.mtcassistant.mirror.registry.RegistryAccess;
import io.mtcassistant.mirror.testsupport.LocalRegistry;
import io.mtcassistant.mirror.testsupport.Skopeo;
import io.mtcassistant.mirror.testsupport.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A download into a layout that broke off continues with an HTTP Range request instead of starting over. */
class ResumeDownloadIntegrationTest {

    @TempDir
    Path tmp;

    @Test
    void aPartialBlobIsCompletedWithARangeRequest() throws Exception {
        LocalRegistry.assumeInstalled();
        TestImages images = new TestImages(new OciLayout(tmp.resolve("src")), 9);
        Manifest m = images.write("big", TestImages.Kind.OCI_MANIFEST, 2 << 20);
        Descriptor layer = m.blobs().get(1);
        try (LocalRegistry registry = LocalRegistry.builder(tmp).start()) {
            RegistryAccess access = RegistryAccess.anonymous();
            ImageCopy copy = new ImageCopy(access);
            assertThat(copy.copy(ImageReference.parse("oci:" + images.layout().dir() + ":big"), ImageReference.parse(registry.ref("a/big:v1")),
                    true, true, false, 2, TransferListener.NONE).ok()).isTrue();

            // As if an earlier run died half-way through the layer: the first half is on disk.
            Path out = tmp.resolve("out");
            OciLayout dest = new OciLayout(out).create();
            byte[] full = Files.readAllBytes(images.layout().blobPath(layer.digest()));
            int half = full.length / 2;
            Files.write(out.resolve("blobs/sha256/" + Digests.hex(layer.digest()) + ".partial"), Arrays.copyOf(full, half));

            TransferStats stats = new TransferStats();
            ImageResult r = copy.copy(ImageReference.parse(registry.ref("a/big:v1")), ImageReference.parse("oci:" + out + ":big"),
                    true, false, true, 2, stats);
            assertThat(r.ok()).as(r.error()).isTrue();
            assertThat(dest.hasBlob(layer.digest())).isTrue();
            assertThat(dest.partialSize(layer.digest())).isZero();
            assertThat(stats.bytesTransferred()).isLessThan(full.length);
            assertThat(registry.logLines()).anyMatch(l -> l.contains("/blobs/" + layer.digest()) && l.contains("\" 206 "));
            assertThat(Skopeo.rawDigest("oci:" + out + ":big")).isEqualTo(m.digest());

            // A partial that holds wrong bytes is caught by the final hash, thrown away and fetched again whole.
            Path out2 = tmp.resolve("out2");
            OciLayout dest2 = new OciLayout(out2).create();
            byte[] wrong = Arrays.copyOf(full, half);
            wrong[10] ^= 1;
            Files.write(out2.resolve("blobs/sha256/" + Digests.hex(layer.digest()) + ".partial"), wrong);
            TransferStats stats2 = new TransferStats();
            ImageResult again = copy.copy(ImageReference.parse(registry.ref("a/big:v1")), ImageReference.parse("oci:" + out2 + ":big"),
                    true, false, true, 2, stats2);
            assertThat(again.ok()).as(again.error()).isTrue();
            assertThat(stats2.bytesTransferred()).isGreaterThan(full.length);
            assertThat(dest2.partialSize(layer.digest())).isZero();
            assertThat(Digests.sha256(Files.readAllBytes(dest2.blobPath(layer.digest())))).isEqualTo(layer.digest());
        }
    }
}
