package io.mtcassistant.compat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Table 7.1 and the rules around it, as data (resource compatibility.yaml, or the admin's override).
 * Read it with {@link CompatibilityMatrixLoader}.
 */
public record CompatibilityMatrix(
        int schemaVersion,
        String source,
        CompatibilityRules rules,
        List<MtcRelease> mtcReleases,
        List<PlatformColumn> platforms,
        Map<String, OpenShiftVersion> kubernetesToOpenShift,
        TunnelApiData tunnelApi,
        MirrorPolicyData mirrorPolicy) {

    public CompatibilityMatrix {
        mtcReleases = mtcReleases == null ? List.of() : List.copyOf(mtcReleases);
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
        kubernetesToOpenShift = kubernetesToOpenShift == null ? Map.of() : Map.copyOf(kubernetesToOpenShift);
    }

    /** The column that holds this OpenShift release; empty when the table does not cover it. */
    public Optional<PlatformColumn> columnFor(OpenShiftVersion version) {
        return platforms.stream().filter(column -> column.covers(version)).findFirst();
    }

    public Optional<MtcRelease> release(MtcVersion version) {
        return mtcReleases.stream().filter(release -> release.version().equals(version)).findFirst();
    }

    /** OpenShift release for a Kubernetes major.minor ("1.25" gives 4.12); empty when unknown. */
    public Optional<OpenShiftVersion> openShiftForKubernetes(OpenShiftVersion kubernetes) {
        return Optional.ofNullable(kubernetesToOpenShift.get(kubernetes.toString()));
    }

    /** "OpenShift Container Platform 3.11, OpenShift Container Platform 4.0 to 4.5, ..." for messages. */
    public String coveredColumns() {
        return String.join(", ", platforms.stream().map(PlatformColumn::label).toList());
    }
}
