package io.mtcassistant.cli;

import io.mtcassistant.cluster.ClusterSession;
import io.mtcassistant.cluster.OpenShiftVersion;
import io.mtcassistant.install.plan.ApplyResult;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.install.plan.ChangePlanApplier;
import io.mtcassistant.install.plan.ChangePlanExporter;
import io.mtcassistant.install.plan.ChangePlanPreview;
import io.mtcassistant.registration.ClusterRegistration;
import io.mtcassistant.registration.RegistryExposure;
import io.mtcassistant.registration.ServiceAccountTokens;
import io.mtcassistant.storage.KeyValues;
import io.mtcassistant.storage.StorageApis;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
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

    /** With --enable-default-route --export DIR: the remote's plan goes to DIR/remote-registry, this one to DIR/control. */
    static final String REMOTE_EXPORT = "remote-registry";

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

    @Option(names = "--exposed-registry-path", paramLabel = "HOST", description = "The remote registry's route host, "
            + "for direct image migration (default: the route the remote has: OpenShift 4 the image registry's "
            + "default-route, OpenShift 3 docker-registry in default).")
    String exposedRegistryPath;

    @Option(names = "--enable-default-route", description = "OpenShift 4 remote without the image registry's default "
            + "route: first set spec.defaultRoute=true on its configs.imageregistry.operator.openshift.io/cluster and "
            + "wait for the route (direct image migration needs it). With --plan/--export the remote's plan is shown "
            + "or exported too (DIR/remote-registry, and the registration to DIR/control).")
    boolean enableDefaultRoute;

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
            List<String> header = new ArrayList<>();
            Optional<String> registry = registryPath(remoteSession, version, header, out);
            if (registry == null) {
                return ExitCodes.FAILED;
            }
            ClusterRegistration registration = new ClusterRegistration(name == null ? remote : name, url,
                    insecureRemote ? Optional.empty() : ClusterRegistration.caBundleOf(remoteSession.client().getConfiguration()),
                    insecureRemote, registry);
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
            header.add(0, "token: " + tokenSource);
            // with the remote's plan exported into DIR/remote-registry, this one goes next to it
            SecretPlanRun.Mode run = mode.export != null && Files.isDirectory(mode.export.resolve(REMOTE_EXPORT))
                    ? mode.exportingTo(mode.export.resolve("control")) : mode;
            return SecretPlanRun.run(plan, run, output == Output.json, real, header, control.client(),
                    new SecretPlanRun.Goal(context, StorageApis.MIG_CLUSTERS, registration.name()), out);
        }
    }

    /**
     * The MigCluster's exposedRegistryPath: --exposed-registry-path, else the remote's registry route; on OpenShift 4
     * without one, --enable-default-route plans (or applies) turning it on, and the header says what to do otherwise.
     * Null when enabling it failed (the outcome is printed).
     */
    private Optional<String> registryPath(ClusterSession remoteSession, OpenShiftVersion version, List<String> header,
            PrintWriter out) {
        if (exposedRegistryPath != null) {
            return Optional.of(exposedRegistryPath);
        }
        if (tunnelNamespace != null) {
            header.add("exposedRegistryPath: none (the remote is reached through crane tunnel-api)");
            return Optional.empty();
        }
        Optional<String> found = RegistryExposure.routeHost(remoteSession.client(), version);
        if (found.isPresent()) {
            header.add("exposedRegistryPath " + found.get() + ": the registry route on " + remote);
            return found;
        }
        if (!version.isAtLeast(4, 0) || !enableDefaultRoute) {
            header.add(RegistryExposure.missing(remote, version, "--enable-default-route turns it on"));
            return Optional.empty();
        }
        ChangePlan expose = RegistryExposure.enableDefaultRoute(remote, Duration.ofSeconds(timeoutSeconds));
        if (mode.plan) {
            out.println(expose.title() + " (on " + remote + ", first)");
            ChangePlanPreview.of(expose, remoteSession.client()).forEach(p -> out.println("--- " + p.number() + ". "
                    + p.action().title() + "\n# why: " + p.action().reason() + "\n" + p.yaml() + p.diff()));
            header.add("exposedRegistryPath: the default route's host, once " + remote + " has made it");
            return Optional.empty();
        }
        if (mode.export != null) {
            try {
                List<java.nio.file.Path> files = ChangePlanExporter.export(expose, mode.export.resolve(REMOTE_EXPORT));
                out.println("wrote " + files.size() + " files to " + mode.export.resolve(REMOTE_EXPORT)
                        + " (run first, on " + remote + ")");
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--export " + e.getMessage(), e);
            }
            header.add("exposedRegistryPath: the default route's host, once " + remote + " has made it");
            return Optional.empty();
        }
        ApplyResult result = new ChangePlanApplier(remoteSession.client()).apply(expose, o -> {
            if (output != Output.json && (o.state().succeeded() || o.state().name().equals("FAILED"))) {
                ClusterCommandSupport.printOutcome(out, o);
            }
        });
        Optional<String> host = RegistryExposure.routeHost(remoteSession.client(), version);
        if (!result.succeeded() || host.isEmpty()) {
            out.println(remote + ": the image registry's default route did not appear"
                    + result.failure().map(f -> " (" + f.message() + ")").orElse("")
                    + "; check the image registry operator (oc get configs.imageregistry.operator.openshift.io/cluster"
                    + " -o yaml), or register with --exposed-registry-path HOST");
            out.flush();
            return null;
        }
        header.add("exposedRegistryPath " + host.get() + ": the default route " + remote + " made now ("
                + RegistryExposure.WHY + ")");
        return host;
    }
}
