package io.mtcassistant.mirror.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtcassistant.mirror.ImageReference;
import org.junit.jupiter.api.Test;

class DestinationNamerTest {

    private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

    @Test
    void fnv32aMatchesTheReferenceVectors() {
        // Published FNV-1a 32-bit test vectors.
        assertThat(DestinationNamer.fnv32a("")).isEqualTo("811c9dc5");
        assertThat(DestinationNamer.fnv32a("a")).isEqualTo("e40c292c");
        assertThat(DestinationNamer.fnv32a("foobar")).isEqualTo("bf9cf968");
    }

    @Test
    void hostIsReplacedPathKeptPrefixAddedAndDigestSourcesGetAHashTag() {
        DestinationNamer namer = DestinationNamer.parse("docker://reg.example.com:8443/olm");
        String src = "registry.redhat.io/rhmtc/openshift-migration-controller-rhel8@" + DIGEST;
        ImageReference dest = namer.destinationFor(ImageReference.parseRegistry(src), src);
        assertThat(dest.plain()).isEqualTo("reg.example.com:8443/olm/rhmtc/openshift-migration-controller-rhel8:"
                + DestinationNamer.fnv32a(src));
        MirrorItem item = new MirrorItem(src, ImageReference.parseRegistry(src), dest);
        assertThat(item.mappingLine()).isEqualTo(src + "=" + dest.plain());

        String tagged = "registry.redhat.io/ubi9/ubi:9.4";
        assertThat(DestinationNamer.parse("docker://mirror:5000").destinationFor(ImageReference.parseRegistry(tagged), tagged).plain())
                .isEqualTo("mirror:5000/ubi9/ubi:9.4");
    }

    @Test
    void badDestinationsAreRefused() {
        assertThatThrownBy(() -> DestinationNamer.parse("reg.example.com")).hasMessageContaining("docker://HOST");
        assertThatThrownBy(() -> DestinationNamer.parse("docker://reg.example.com/ns/app:v1")).hasMessageContaining("without tag");
        assertThatThrownBy(() -> DestinationNamer.parse("docker://")).hasMessageContaining("no registry host");
    }
}
