package io.mtcassistant.mirror.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtcassistant.mirror.Descriptor;
import io.mtcassistant.mirror.Digests;
import io.mtcassistant.mirror.MirrorException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OciLayoutTest {

    @TempDir
    Path tmp;

    @Test
    void aBlobWithWrongBytesIsNeverStored() {
        OciLayout layout = new OciLayout(tmp.resolve("l")).create();
        byte[] right = "right".getBytes(StandardCharsets.UTF_8);
        String digest = Digests.sha256(right);
        assertThatThrownBy(() -> layout.writeBlob(new Descriptor("x", digest, 5), new ByteArrayInputStream("wrong".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(MirrorException.class).hasMessageContaining("digest mismatch");
        assertThat(layout.hasBlob(digest)).isFalse();
        layout.writeBlob(new Descriptor("x", digest, 5), new ByteArrayInputStream(right));
        assertThat(layout.hasBlob(digest)).isTrue();
    }

    @Test
    void aFullDiskIsNamedAsSuch() {
        MirrorException e = OciLayout.fileError(new IOException("No space left on device"), "writing blob x");
        assertThat(e.kind()).isEqualTo(MirrorException.Kind.DISK_FULL);
        assertThat(e.getMessage()).startsWith("disk full while writing blob x");
    }

    @Test
    void aMissingLayoutIsBadInput() {
        assertThatThrownBy(() -> OciLayout.open(tmp.resolve("none"))).isInstanceOf(MirrorException.class)
                .hasMessageContaining("no OCI image layout").matches(x -> ((MirrorException) x).isBadInput());
    }
}
