package io.mtcassistant.install;

import java.time.Duration;
import java.util.List;

/**
 * What the OLM plan installs on one OpenShift 4.6+ cluster.
 *
 * @param cluster               kubeconfig context
 * @param openshiftMinor        the 4.x minor (ImageDigestMirrorSet from 4.13, ImageContentSourcePolicy before)
 * @param role                  control or remote
 * @param mtcVersion            the exact version every cluster runs ("1.8.8"): pins startingCSV
 * @param channel               the decided channel ("release-v1.8")
 * @param disableDefaultSources set OperatorHub spec.disableAllDefaultSources
 * @param machineConfigPools    pools to wait for after the mirror policy (empty when the cluster has none to show)
 * @param timeout               the longest wait of any one step
 */
public record OlmInstallRequest(String cluster, int openshiftMinor, InstallRole role, String mtcVersion, String channel,
        boolean disableDefaultSources, List<String> machineConfigPools, Duration timeout) {

    public static final String PACKAGE = "mtc-operator";

    public OlmInstallRequest {
        machineConfigPools = List.copyOf(machineConfigPools);
    }

    public String csvName() {
        return PACKAGE + ".v" + mtcVersion;
    }
}
