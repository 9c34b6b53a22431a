package io.mtcassistant.mirror.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TarRoundTripTest {

    @Test
    void writesAndReadsEntriesAndDetectsTruncation() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarWriter w = new TarWriter(bytes)) {
            w.addDirectory("blobs");
            w.addFile("blobs/sha256/" + "a".repeat(64), "hello".getBytes(StandardCharsets.UTF_8));
            w.addFile("index.json", new byte[1000]);
        }
        byte[] tar = bytes.toByteArray();
        TarReader r = new TarReader(new ByteArrayInputStream(tar));
        assertThat(r.next().directory()).isTrue();
        TarReader.Entry e = r.next();
        assertThat(e.name()).isEqualTo("blobs/sha256/" + "a".repeat(64));
        assertThat(new String(r.content().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(r.next().size()).isEqualTo(1000);
        assertThat(r.next()).isNull();

        TarReader cut = new TarReader(new ByteArrayInputStream(Arrays.copyOf(tar, 1024 + 300)));
        cut.next();
        cut.next();
        assertThatThrownBy(cut::next).isInstanceOf(EOFException.class).hasMessageContaining("truncated");
    }
}
