package io.mtcassistant.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.cluster.PlatformClass;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every column of Table 7.1 and its boundaries, as the built-in data gives them. */
class CompatibilityMatrixTest {

    private static CompatibilityMatrix matrix;

    @BeforeAll
    static void load() throws CompatibilityDataException {
        matrix = CompatibilityMatrixLoader.builtIn();
    }

    @ParameterizedTest(name = "OpenShift {0} -> {1}, MTC {3}, {4} {5}")
    @CsvSource({
        // version, column, class, stable MTC, method, channel, can be control
        "3.11, ocp-3.11,    LEGACY, 1.7, LEGACY_OPERATOR, ,             false",
        "4.0,  ocp-4.0-4.5, LEGACY, 1.7, LEGACY_OPERATOR, ,             false",
        "4.2,  ocp-4.0-4.5, LEGACY, 1.7, LEGACY_OPERATOR, ,             false",
        "4.5,  ocp-4.0-4.5, LEGACY, 1.7, LEGACY_OPERATOR, ,             false",
        "4.6,  ocp-4.6-4.9, MODERN, 1.7, OLM,             release-v1.7, true",
        "4.9,  ocp-4.6-4.9, MODERN, 1.7, OLM,             release-v1.7, true",
        "4.10, ocp-4.10+,   MODERN, 1.8, OLM,             release-v1.8, true",
        "4.12, ocp-4.10+,   MODERN, 1.8, OLM,             release-v1.8, true",
        "4.16, ocp-4.10+,   MODERN, 1.8, OLM,             release-v1.8, true",
        "4.19, ocp-4.10+,   MODERN, 1.8, OLM,             release-v1.8, true"})
    void everyColumnOfTheTable(String version, String column, PlatformClass platformClass, String stable, InstallMethod method,
            String channel, boolean control) {
        PlatformColumn found = matrix.columnFor(OpenShiftVersion.of(version)).orElseThrow();
        assertThat(found.id()).isEqualTo(column);
        assertThat(found.platformClass()).isEqualTo(platformClass);
        assertThat(found.stableMtc()).isEqualTo(MtcVersion.of(stable));
        assertThat(found.stableInstall().method()).isEqualTo(method);
        assertThat(found.stableInstall().channel()).isEqualTo(channel);
        assertThat(found.stableInstall().offTable()).isFalse();
        assertThat(found.controlCluster()).isEqualTo(control);
    }

    @Test
    void boundariesBetweenColumns() {
        assertThat(column("4.5")).isEqualTo("ocp-4.0-4.5");
        assertThat(column("4.6")).isEqualTo("ocp-4.6-4.9");
        assertThat(column("4.9")).isEqualTo("ocp-4.6-4.9");
        assertThat(column("4.10")).isEqualTo("ocp-4.10+");
        assertThat(column("3.11")).isEqualTo("ocp-3.11");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3.10", "3.9", "3.7", "2.0", "3.12"})
    void releasesOutsideTheTableHaveNoColumn(String version) {
        assertThat(matrix.columnFor(OpenShiftVersion.of(version))).isEmpty();
    }

    @Test
    void tableTextIsTheProceduresOwnWords() {
        PlatformColumn legacy = matrix.columnFor(OpenShiftVersion.of("3.11")).orElseThrow();
        assertThat(legacy.stableInstall().text())
                .isEqualTo("Legacy MTC v.1.7.z operator: Install manually with the operator.yml file.");
        assertThat(matrix.release(MtcVersion.of("1.7")).orElseThrow().supportStatement())
                .isEqualTo("MTC 1.7 supports migrations from OpenShift Container Platform 3.11 to 4.9.");
        assertThat(matrix.release(MtcVersion.of("1.8")).orElseThrow().supportStatement())
                .isEqualTo("MTC 1.8 only supports migrations from OpenShift Container Platform 4.10 and later.");
    }

    @Test
    void olderColumnsHaveNoMtc18ButModernOnesOfferMtc17OffTheTable() {
        assertThat(matrix.columnFor(OpenShiftVersion.of("4.9")).orElseThrow().installFor(MtcVersion.of("1.8"))).isEmpty();
        assertThat(matrix.columnFor(OpenShiftVersion.of("3.11")).orElseThrow().installFor(MtcVersion.of("1.8"))).isEmpty();
        InstallOption old = matrix.columnFor(OpenShiftVersion.of("4.12")).orElseThrow().installFor(MtcVersion.of("1.7"))
                .orElseThrow();
        assertThat(old.offTable()).isTrue();
        assertThat(old.channel()).isEqualTo("release-v1.7");
    }

    @Test
    void kubernetesVersionMapsToOpenShift() {
        assertThat(matrix.openShiftForKubernetes(OpenShiftVersion.of("1.11"))).contains(OpenShiftVersion.of("3.11"));
        assertThat(matrix.openShiftForKubernetes(OpenShiftVersion.of("1.23"))).contains(OpenShiftVersion.of("4.10"));
        assertThat(matrix.openShiftForKubernetes(OpenShiftVersion.of("1.12"))).isEmpty();
    }

    @Test
    void versionsParseFromWhatClustersReport() {
        assertThat(OpenShiftVersion.parse("v3.11.0+d4cacc0")).contains(new OpenShiftVersion(3, 11));
        assertThat(OpenShiftVersion.parse("4.12.3")).contains(new OpenShiftVersion(4, 12));
        assertThat(OpenShiftVersion.parse("latest")).isEmpty();
        assertThat(MtcVersion.parse("mtc-operator.v1.8.8")).contains(new MtcVersion(1, 8));
        assertThat(OpenShiftVersion.of("4.10")).isGreaterThan(OpenShiftVersion.of("4.9"));
    }

    private static String column(String version) {
        return matrix.columnFor(OpenShiftVersion.of(version)).orElseThrow().id();
    }
}
