package io.mtcassistant.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ImageReferenceTest {

    @Test
    void parsesRegistryReferences() {
        ImageReference r = ImageReference.parse("docker://127.0.0.1:5000/rhmtc/app:v1");
        assertThat(r.registry()).isEqualTo("127.0.0.1:5000");
        assertThat(r.repository()).isEqualTo("rhmtc/app");
        assertThat(r.tag()).isEqualTo("v1");
        String d = "sha256:" + "f".repeat(64);
        ImageReference byDigest = ImageReference.parse("docker://quay.io/a/b@" + d);
        assertThat(byDigest.digest()).isEqualTo(d);
        assertThat(byDigest.manifestReference()).isEqualTo(d);
        assertThat(ImageReference.parseRegistry("ubuntu").repositoryPath()).isEqualTo("docker.io/library/ubuntu");
        assertThat(ImageReference.parseRegistry("ubuntu").registryEndpoint()).isEqualTo("registry-1.docker.io");
    }

    @Test
    void parsesLayoutReferencesLikeSkopeo() {
        ImageReference r = ImageReference.parse("oci:/tmp/layout:registry.example:5000/ns/app:v1");
        assertThat(r.layoutDir()).isEqualTo(Path.of("/tmp/layout"));
        assertThat(r.tag()).isEqualTo("registry.example:5000/ns/app:v1");
        assertThat(ImageReference.parse("oci:/tmp/layout").tag()).isNull();
    }

    @Test
    void badReferencesAreBadInput() {
        assertThatThrownBy(() -> ImageReference.parse("quay.io/a/b")).hasMessageContaining("start it with docker:// or oci:");
        assertThatThrownBy(() -> ImageReference.parse("docker://quay.io/A/b")).hasMessageContaining("invalid repository name");
        assertThatThrownBy(() -> ImageReference.parse("docker://quay.io/a/b@sha256:123")).hasMessageContaining("sha256:<64 hex>");
        assertThatThrownBy(() -> ImageReference.parse("docker://quay.io/a/b:bad tag")).isInstanceOf(MirrorException.class);
    }
}
