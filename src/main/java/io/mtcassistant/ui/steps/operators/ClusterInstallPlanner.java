package io.mtcassistant.ui.steps.operators;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtcassistant.compat.ClusterPlan;
import io.mtcassistant.compat.ExistingMtcAction;
import io.mtcassistant.compat.InstallMethod;
import io.mtcassistant.install.MachineConfigPoolNames;
import io.mtcassistant.install.ExistingInstall;
import io.mtcassistant.install.InstallRole;
import io.mtcassistant.install.LegacyInstallPlanner;
import io.mtcassistant.install.LegacyOperatorFiles;
import io.mtcassistant.install.MirrorAccess;
import io.mtcassistant.install.MirrorCompleteness;
import io.mtcassistant.install.MirrorResults;
import io.mtcassistant.install.OlmInstallPlanner;
import io.mtcassistant.install.OlmInstallRequest;
import io.mtcassistant.install.OlmUpgradePlanner;
import io.mtcassistant.install.plan.ChangePlan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds one cluster's install plan from step 2's decision and the mirror results, the way `mtc-assistant install` does. */
final class ClusterInstallPlanner {

    static final Duration STEP_TIMEOUT = Duration.ofMinutes(15);
    private static final Pattern PATCH_VERSION = Pattern.compile("[:.v](\\d+)\\.(\\d+)\\.(\\d+)$");

    private ClusterInstallPlanner() {
    }

    static InstallRole role(ClusterPlan cluster) {
        return cluster.controlCluster() ? InstallRole.CONTROL : InstallRole.REMOTE;
    }

    /**
     * The plan, after the mirror completeness check; throws IllegalArgumentException (or
     * {@link MirrorCompleteness.Incomplete}) with a message for the admin when it cannot be built.
     *
     * @param legacyArchive a mirror archive to read the legacy operator's operator.yml and controller.yml from instead
     *                      of the mirror registry; null for the registry
     * @param upgrade       the admin chose to upgrade an older MTC on the cluster
     * @throws ExistingInstall.Refused when the MTC on the cluster blocks it; its decision says whether an upgrade
     *                      would be taken
     */
    static ChangePlan plan(ClusterPlan cluster, String exactVersion, boolean disableDefaultSources, MirrorResults mirror,
            MirrorAccess access, Path legacyArchive, KubernetesClient client, boolean upgrade) {
        if (cluster.install() == null || cluster.openshiftVersion() == null) {
            throw new IllegalArgumentException(cluster.context() + ": step 2 decided no install method for this cluster");
        }
        if (!exactVersion.matches("\\d+\\.\\d+\\.\\d+")) {
            throw new IllegalArgumentException("MTC version \"" + exactVersion + "\": give the exact version, like 1.8.8");
        }
        // step 2's finding, checked again on the cluster as it is now
        Optional<String> installed = client == null ? Optional.empty() : ExistingInstall.installedVersion(client);
        if (installed.isEmpty() && (cluster.existing() == ExistingMtcAction.UPGRADE || cluster.existing() == ExistingMtcAction.CONFLICT)) {
            ExistingInstall.unreadVersion(cluster.context()).requireAccepted();
        }
        boolean olm = cluster.install().method() != InstallMethod.LEGACY_OPERATOR;
        ExistingInstall.Decision decision = ExistingInstall.decide(cluster.context(), installed, exactVersion, olm, upgrade)
                .requireAccepted();
        if (decision.kind() == ExistingInstall.Kind.REUSE) {
            return ExistingInstall.reuse(cluster.context(), exactVersion);
        }
        if (olm && decision.kind() == ExistingInstall.Kind.UPGRADE) {
            new MirrorCompleteness(mirror, access).olm(exactVersion).requireComplete();
            return OlmUpgradePlanner.plan(new OlmInstallRequest(cluster.context(), cluster.openshiftVersion().minor(),
                    role(cluster), exactVersion, cluster.install().channel(), false, List.of(), STEP_TIMEOUT),
                    decision.installed(), mirror, client);
        }
        if (!olm) {
            LegacyOperatorFiles files = LegacyOperatorFiles.fromArchiveOrMirror(legacyArchive, mirror, access);
            LegacyInstallPlanner.Request request = new LegacyInstallPlanner.Request(cluster.context(), exactVersion,
                    files.operatorYml(), files.controllerYml(), cluster.controlCluster(), STEP_TIMEOUT);
            LegacyInstallPlanner.Planned planned = decision.kind() == ExistingInstall.Kind.UPGRADE
                    ? LegacyInstallPlanner.upgrade(request, decision.installed(), mirror, ref -> ref.live(client) != null)
                    : LegacyInstallPlanner.plan(request, mirror);
            new MirrorCompleteness(mirror, access).legacy(planned.rewrite()).requireComplete();
            return planned.plan();
        }
        new MirrorCompleteness(mirror, access).olm(exactVersion).requireComplete();
        return OlmInstallPlanner.plan(new OlmInstallRequest(cluster.context(), cluster.openshiftVersion().minor(), role(cluster),
                exactVersion, cluster.install().channel(), disableDefaultSources, MachineConfigPoolNames.of(client), STEP_TIMEOUT), mirror);
    }

    /** The newest x.y.z of the decided line among the mirrored MTC images' tags, as a suggestion the admin can edit. */
    static Optional<String> suggestedVersion(MirrorResults mirror, String line) {
        return mirror.mapping().keySet().stream().filter(source -> source.contains("rhmtc/"))
                .map(PATCH_VERSION::matcher).filter(Matcher::find)
                .filter(m -> (m.group(1) + "." + m.group(2)).equals(line))
                .map(m -> List.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))))
                .max(Comparator.comparing((List<Integer> v) -> v.get(2)))
                .map(v -> v.get(0) + "." + v.get(1) + "." + v.get(2));
    }
}
