package io.mtcassistant.mirror.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtcassistant.mirror.MirrorException;
import org.junit.jupiter.api.Test;

class ImageSetConfigTest {

    private static final String HEADER = "kind: ImageSetConfiguration\napiVersion: mirror.openshift.io/v2alpha1\n";

    @Test
    void readsAdditionalImagesAndAppliesBlockedImages() {
        ImageSetConfig c = ImageSetConfig.parse(HEADER + """
                archiveSize: 4
                mirror:
                  additionalImages:
                    - name: registry.redhat.io/ubi9/ubi:latest
                    - name: registry.redhat.io/ubi9/ubi-debug@sha256:%s
                    - name: quay.io/konveyor/velero
                  blockedImages:
                    - name: ".*-debug.*"
                """.formatted("a".repeat(64)), "isc.yaml");
        assertThat(c.additionalImages()).hasSize(3);
        assertThat(c.archiveSizeGiB()).isEqualTo(4);
        assertThat(c.imagesToMirror()).extracting(ImageSetConfig.AdditionalImage::name)
                .containsExactly("registry.redhat.io/ubi9/ubi:latest", "quay.io/konveyor/velero");
        assertThat(c.additionalImages().get(2).reference().tag()).isEqualTo("latest");
    }

    @Test
    void malformedOrUnsupportedSetsAreBadInputWithAClearMessage() {
        assertBad("kind: [unclosed\n", "is not valid YAML");
        assertBad("kind: Something\napiVersion: mirror.openshift.io/v2alpha1\nmirror: {}\n", "kind must be ImageSetConfiguration");
        assertBad("kind: ImageSetConfiguration\napiVersion: v9\nmirror: {}\n", "apiVersion must be mirror.openshift.io/v2alpha1");
        assertBad(HEADER + "mirror:\n  additionalImages:\n    - name: Bad/Upper:case\n", "additionalImages[0]");
        assertBad(HEADER + "mirror:\n  additionalImages: []\n", "lists no images");
        assertBad(HEADER + "mirror:\n  platform: {channels: [{name: stable-4.18}]}\n  additionalImages: [{name: a.io/b:c}]\n",
                "mirror.platform is not supported");
    }

    @Test
    void operatorCatalogsAreParsedButRefusedUntilCatalogSupportArrives() {
        ImageSetConfig c = ImageSetConfig.parse(HEADER + """
                mirror:
                  operators:
                    - catalog: registry.redhat.io/redhat/redhat-operator-index:v4.18
                      packages: [{name: mtc-operator}, {name: redhat-oadp-operator}]
                """, "isc.yaml");
        assertThat(c.operators().get(0).packages()).containsExactly("mtc-operator", "redhat-oadp-operator");
        assertThatThrownBy(() -> MirrorPlan.of(c, DestinationNamer.parse("docker://reg.example.com")))
                .hasMessageContaining("operator catalogs");
    }

    private static void assertBad(String yaml, String message) {
        assertThatThrownBy(() -> ImageSetConfig.parse(yaml, "isc.yaml")).isInstanceOf(MirrorException.class)
                .hasMessageContaining(message).matches(e -> ((MirrorException) e).isBadInput());
    }
}
