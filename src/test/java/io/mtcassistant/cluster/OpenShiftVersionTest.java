package io.mtcassistant.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenShiftVersionTest {

    private static OpenShiftVersion v(String text) {
        return OpenShiftVersion.parse(text).orElseThrow();
    }

    @Test
    void parsesTheShapesClustersReport() {
        assertThat(v("3.11.784")).extracting(OpenShiftVersion::major, OpenShiftVersion::minor, OpenShiftVersion::patch)
                .containsExactly(3, 11, 784);
        assertThat(v("4.12.45").majorMinor()).isEqualTo("4.12");
        assertThat(v("v3.11.0+d4cacc0-1")).extracting(OpenShiftVersion::major, OpenShiftVersion::minor,
                OpenShiftVersion::patch).containsExactly(3, 11, 0);
        assertThat(v("4.14.0-rc.2").patch()).isZero();
        assertThat(v("3.11+").minor()).isEqualTo(11);
        assertThat(OpenShiftVersion.parse("latest")).isEmpty();
        assertThat(OpenShiftVersion.parse(null)).isEmpty();
        assertThat(OpenShiftVersion.parse("4.99999999999")).as("digits beyond an int are no release").isEmpty();
    }

    @Test
    void platformClassSplitsBetween45And46() {
        assertThat(v("3.11.784").platformClass()).isEqualTo(PlatformClass.LEGACY);
        assertThat(v("4.5.41").platformClass()).isEqualTo(PlatformClass.LEGACY);
        assertThat(v("4.6.0").platformClass()).isEqualTo(PlatformClass.MODERN);
        assertThat(v("4.12.45").platformClass()).isEqualTo(PlatformClass.MODERN);
    }

    @Test
    void comparesNumerically() {
        assertThat(v("4.12.45")).isGreaterThan(v("4.9.59"));
        assertThat(v("4.12.45")).isGreaterThan(v("4.12.9"));
        assertThat(v("3.11.784")).isLessThan(v("4.1.0"));
        assertThat(v("4.12.45").isAtLeast(4, 12)).isTrue();
        assertThat(v("4.11.9").isAtLeast(4, 12)).isFalse();
    }

    @Test
    void impliedByTheKubernetesVersion() {
        KubernetesVersion k111 = KubernetesVersion.parse("v1.11.0+d4cacc0").orElseThrow();
        assertThat(OpenShiftVersion.impliedByKubernetes(k111, false).orElseThrow().majorMinor()).isEqualTo("3.11");
        KubernetesVersion k125 = KubernetesVersion.parse("v1.25.16+a4c2e0a").orElseThrow();
        assertThat(OpenShiftVersion.impliedByKubernetes(k125, true).orElseThrow().majorMinor()).isEqualTo("4.12");
        KubernetesVersion k118 = KubernetesVersion.parse("v1.18.3").orElseThrow();
        assertThat(OpenShiftVersion.impliedByKubernetes(k118, true).orElseThrow().platformClass())
                .isEqualTo(PlatformClass.LEGACY);
    }

    @Test
    void kubernetesVersionFallsBackToMajorAndMinorFields() {
        assertThat(KubernetesVersion.parse("weird", "1", "11+").orElseThrow().minor()).isEqualTo(11);
        assertThat(KubernetesVersion.parse(null, null, null)).isEmpty();
    }
}
