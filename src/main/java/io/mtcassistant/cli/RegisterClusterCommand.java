package io.mtcassistant.cli;

import io.mtcassistant.cluster.ClusterSession;
import io.mtcassistant.cluster.OpenShiftVersion;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.registration.ClusterRegistration;
import io.mtcassistant.registration.ServiceAccountTokens;
import io.mtcassistant.storage.KeyValues;
import io.mtcassistant.storage.StorageApis;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `mtc-assistant register-cluster`: a remote cluster's token Secret and MigCluster on the control cluster. */
@Command(name = "register-cluster", mixinStandardHelpOptions = true,
        description = {"Register a remote cluster on the control cluster: the migration-controller token (a long-lived "
                + "token Secret on OpenShift 4.11+), the token Secret in openshift-config and the MigCluster; then "
                + "wait until the MigCluster is Ready.",
            "Plans and exports hold a placeholder for the token unless --export-token is given.",
            "Exit code: 0 done (or planned / exported), 1 the apply failed or MigCluster is not Ready, 2 bad input."})
public class RegisterClusterCommand implements Callable<Integer> {

    enum Output { table, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--kubeconfig", paramLabel = "F[:F...]", description = "Kubeconfig files (default: $KUBECONFIG, else ~/.kube/config).")
    String kubeconfig;

    @Option(names = "--context", required = true, paramLabel = "CTX", description = "The control cluster.")
    String context;

    @Option(names = "--remote", required = true, paramLabel = "CTX", description = "The cluster to register.")
    String remote;

    @Option(names = "--name", paramLabel = "NAME", description = "MigCluster name (default: the remote context's name).")
    String name;

    @Option(names = "--tunnel-api", paramLabel = "NAMESPACE", description = "The remote is reached through crane "
            + "tunnel-api in this namespace of the control cluster (MigCluster url is the proxied service).")
    String tunnelNamespace;

    @Option(names = "--insecure-remote", description = "MigCluster insecure: true (the control cluster does not verify "
            + "the remote API's certificate); otherwise the kubeconfig's CA becomes caBundle.")
    boolean insecureRemote;

    @Option(names = "--exposed-registry-path", paramLabel = "HOST", description = "The remote registry's route host, for direct image migration.")
    String exposedRegistryPath;

    @Option(names = "--insecure-skip-tls-verify", description = "Do not verify the API servers' certificates (this workstation).")
    boolean insecureApi;

    @Option(names = "--export-token", description = "With --export: write the real token into the exported Secret.")
    boolean exportToken;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "180", description = "How long to wait for Ready (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--output", paramLabel = "table|json", defaultValue = "table", description = "Output format (default: ${DEFAULT-VALUE}).")
    Output output;

    @ArgGroup(exclusive = true, multiplicity = "1")
    SecretPlanRun.Mode mode;

    @Override
    public Integer call() throws Exception {
        if (exportToken && mode.export == null) {
            throw new BadInputException("--export-token: only with --export DIR");
        }
        if (remote.equals(context)) {
            throw new BadInputException("--remote " + remote + ": the control cluster is registered by the operator "
                    + "itself (MigCluster host); give a remote cluster");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (ClusterSession control = ClusterCommandSupport.connect(kubeconfig, context, insecureApi, 30);
                ClusterSession remoteSession = ClusterCommandSupport.connect(kubeconfig, remote, insecureApi, 30)) {
            OpenShiftVersion version = Optional.ofNullable(remoteSession.facts().openshiftVersion())
                    .flatMap(OpenShiftVersion::parse).orElseThrow(() -> new ClusterCommandSupport.WorkFailedException(
                            remote + ": not an OpenShift cluster (no OpenShift version), MTC cannot migrate from it"));
            String url = tunnelNamespace != null ? ClusterRegistration.tunnelApiUrl(tunnelNamespace)
                    : remoteSession.facts().apiUrl();
            ClusterRegistration registration = new ClusterRegistration(name == null ? remote : name, url,
                    insecureRemote ? Optional.empty() : ClusterRegistration.caBundleOf(remoteSession.client().getConfiguration()),
                    insecureRemote, Optional.ofNullable(exposedRegistryPath));
            boolean real = mode.apply || exportToken;
            String tokenSource = ServiceAccountTokens.needsLongLivedSecret(version)
                    ? "OpenShift " + version + ": a long-lived token Secret " + ServiceAccountTokens.NAMESPACE + "/"
                            + ServiceAccountTokens.LONG_LIVED_SECRET + " (created when missing; short-lived "
                            + "`oc create token` tokens expire and break the registration)"
                    : "OpenShift " + version + ": the token Secret the cluster made for "
                            + ServiceAccountTokens.SERVICE_ACCOUNT;
            String token = real ? ServiceAccountTokens.obtain(remoteSession.client(), version, Duration.ofSeconds(60))
                    : null;
            ChangePlan plan = registration.plan(context, token, real ? KeyValues.REAL : KeyValues.PLACEHOLDERS,
                    Duration.ofSeconds(timeoutSeconds));
            return SecretPlanRun.run(plan, mode, output == Output.json, real, List.of("token: " + tokenSource),
                    control.client(), new SecretPlanRun.Goal(context, StorageApis.MIG_CLUSTERS, registration.name()),
                    out);
        }
    }
}
