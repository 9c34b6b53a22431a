package io.mtcassistant.compat;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.mtcassistant.cluster.PlatformClass;
import java.util.List;
import java.util.Optional;

/**
 * One column of Table 7.1: a range of OpenShift releases and what MTC they take.
 *
 * @param id             stable id ("ocp-4.10+")
 * @param label          the table's heading ("OpenShift Container Platform 4.10 or later")
 * @param from           first release, inclusive
 * @param to             last release, inclusive; null = "or later"
 * @param platformClass  "legacy" or "modern"
 * @param stableMtc      the table's "Stable MTC version"
 * @param controlCluster false where the table says "This cluster cannot be the control cluster"
 * @param install        the ways to install MTC here, the table's own first
 */
public record PlatformColumn(
        String id,
        String label,
        OpenShiftVersion from,
        OpenShiftVersion to,
        @JsonProperty("platformClass") String platformClassName,
        MtcVersion stableMtc,
        boolean controlCluster,
        List<InstallOption> install) {

    public PlatformColumn {
        install = install == null ? List.of() : List.copyOf(install);
    }

    public boolean covers(OpenShiftVersion version) {
        return version.isAtLeast(from) && (to == null || !to.isBefore(version));
    }

    public PlatformClass platformClass() {
        return "modern".equals(platformClassName) ? PlatformClass.MODERN : PlatformClass.LEGACY;
    }

    public Optional<InstallOption> installFor(MtcVersion mtc) {
        return install.stream().filter(option -> option.mtc().equals(mtc)).findFirst();
    }

    /** The table's own install option for the stable MTC version. */
    public InstallOption stableInstall() {
        return installFor(stableMtc).orElseThrow();
    }
}
