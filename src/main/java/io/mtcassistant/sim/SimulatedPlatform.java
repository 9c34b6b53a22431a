package io.mtcassistant.sim;

import java.util.Objects;

/**
 * What a simulated cluster pretends to be: OpenShift 3.x, OpenShift 4.x or plain Kubernetes, with the
 * versions it reports.
 *
 * @param kind              the flavour
 * @param openshiftVersion  OpenShift release ("3.11.784", "4.12.45"); null for plain Kubernetes
 * @param kubernetesVersion the gitVersion /version reports ("v1.11.0+d4cacc0")
 */
public record SimulatedPlatform(Kind kind, String openshiftVersion, String kubernetesVersion) {

    public enum Kind { OPENSHIFT_3, OPENSHIFT_4, KUBERNETES }

    public SimulatedPlatform {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(kubernetesVersion, "kubernetesVersion");
    }

    /** OpenShift 3.x; 3.11 reports Kubernetes v1.11.0+d4cacc0 like the real release. */
    public static SimulatedPlatform openShift3(String version) {
        String[] parts = version.split("\\.");
        String kubeMinor = parts.length > 1 ? parts[1] : "11";
        return new SimulatedPlatform(Kind.OPENSHIFT_3, version, "v1." + kubeMinor + ".0+d4cacc0");
    }

    /** OpenShift 4.x; 4.n (n >= 3) ships Kubernetes 1.(n+13). */
    public static SimulatedPlatform openShift4(String version) {
        String[] parts = version.split("\\.");
        int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 12;
        int kubeMinor = minor == 1 ? 13 : minor == 2 ? 14 : minor + 13;
        return new SimulatedPlatform(Kind.OPENSHIFT_4, version, "v1." + kubeMinor + ".0+sim");
    }

    public static SimulatedPlatform kubernetes(String gitVersion) {
        return new SimulatedPlatform(Kind.KUBERNETES, null, gitVersion);
    }

    public boolean isOpenShift() {
        return kind != Kind.KUBERNETES;
    }

    String kubernetesMajor() {
        return kubernetesVersion.replaceFirst("^v", "").split("\\.")[0];
    }

    /** The minor as real servers report it; OpenShift adds a "+". */
    String kubernetesMinor() {
        String minor = kubernetesVersion.replaceFirst("^v", "").split("\\.")[1];
        return isOpenShift() ? minor + "+" : minor;
    }

    /** "OpenShift 3.11.784", "Kubernetes v1.29.2" */
    public String describe() {
        return isOpenShift() ? "OpenShift " + openshiftVersion : "Kubernetes " + kubernetesVersion;
    }
}
