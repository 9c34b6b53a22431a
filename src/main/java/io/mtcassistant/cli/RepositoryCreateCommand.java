package io.mtcassistant.cli;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtcassistant.cluster.ClusterSession;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.storage.KeyValues;
import io.mtcassistant.storage.RepositoryPlanner;
import io.mtcassistant.storage.RepositoryTarget;
import io.mtcassistant.storage.S3Keys;
import io.mtcassistant.storage.SecretKeys;
import io.mtcassistant.storage.StorageApis;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `mtc-assistant repository create`: the credentials Secret and MigStorage on the control cluster (procedure 7.5). */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Create the credentials Secret (openshift-config) and the MigStorage (openshift-migration) on the "
                + "control cluster through a change plan, then wait until MigStorage is Ready.",
            "With --bucket-claim, the plan first creates an ObjectBucketClaim and waits until it is Bound; the bucket, "
                + "host and keys then come from its ConfigMap and Secret (keys that may use only that bucket).",
            "Plans and exports hold placeholders for the keys unless --export-keys is given.",
            "Exit code: 0 done (or planned / exported), 1 the apply failed or MigStorage is not Ready, 2 bad input."})
public class RepositoryCreateCommand implements Callable<Integer> {

    enum Output { table, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--kubeconfig", paramLabel = "F[:F...]", description = "Kubeconfig files (default: $KUBECONFIG, else ~/.kube/config).")
    String kubeconfig;

    @Option(names = "--context", required = true, paramLabel = "CTX", description = "The control cluster.")
    String context;

    @Option(names = "--insecure-skip-tls-verify", description = "Do not verify the API server's certificate.")
    boolean insecureApi;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = RepositoryPlanner.DEFAULT_NAME,
            description = "MigStorage name; the Secret is NAME-creds (default: ${DEFAULT-VALUE}).")
    String name;

    @Mixin
    RepositoryTargetOptions targetOptions;

    @Mixin
    RepositoryKeysOptions keysOptions;

    @Option(names = "--keys-secret", paramLabel = "NS/NAME", description = "Read the keys from this Secret on the "
            + "control cluster (NooBaa's admin Secret or an ObjectBucketClaim's), instead of the environment.")
    String keysSecret;

    @Option(names = "--bucket-claim", paramLabel = "NAME", description = "Claim the bucket with this "
            + "ObjectBucketClaim (least privilege); --bucket names the bucket (default: NAME), --endpoint overrides "
            + "the host its ConfigMap names.")
    String bucketClaim;

    @Option(names = "--claim-namespace", paramLabel = "NS", description = "With --bucket-claim: its namespace "
            + "(default: " + StorageApis.MIGRATION_NAMESPACE + ").")
    String claimNamespace;

    @Option(names = "--storage-class", paramLabel = "SC", description = "With --bucket-claim: the bucket storage "
            + "class (default: " + StorageApis.NOOBAA_STORAGE_CLASS + ").")
    String storageClass;

    @Option(names = "--export-keys", description = "With --export: write the real keys into the exported Secret.")
    boolean exportKeys;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "180", description = "How long to wait for Ready (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--output", paramLabel = "table|json", defaultValue = "table", description = "Output format (default: ${DEFAULT-VALUE}).")
    Output output;

    @ArgGroup(exclusive = true, multiplicity = "1")
    SecretPlanRun.Mode mode;

    @Override
    public Integer call() {
        if (exportKeys && mode.export == null) {
            throw new BadInputException("--export-keys: only with --export DIR");
        }
        if (bucketClaim != null) {
            return claimRoute();
        }
        if (claimNamespace != null || storageClass != null) {
            throw new BadInputException((claimNamespace != null ? "--claim-namespace" : "--storage-class")
                    + ": only with --bucket-claim NAME");
        }
        RepositoryTarget target = targetOptions.target();
        PrintWriter out = spec.commandLine().getOut();
        try (ClusterSession session = ClusterCommandSupport.connect(kubeconfig, context, insecureApi, 30)) {
            KubernetesClient client = session.client();
            S3Keys keys = keysSecret != null ? keysFromSecret(client) : keysOptions.keys(System.getenv());
            Duration timeout = Duration.ofSeconds(timeoutSeconds);
            boolean real = mode.apply || exportKeys;
            ChangePlan plan = RepositoryPlanner.plan(context, name, target, keys,
                    real ? KeyValues.REAL : KeyValues.PLACEHOLDERS, timeout);
            return SecretPlanRun.run(plan, mode, output == Output.json, real, List.of(), client,
                    new SecretPlanRun.Goal(context, StorageApis.MIG_STORAGES, name), out);
        }
    }

    private int claimRoute() {
        if (keysSecret != null || keysOptions.credentialsFile != null) {
            // worded so that no option name stands right before a colon: the log masker would hide the next word
            throw new BadInputException("--bucket-claim and " + (keysSecret != null ? "--keys-secret"
                    : "--credentials-file") + " do not go together: the keys come from the claim's Secret");
        }
        String namespace = claimNamespace != null ? claimNamespace : StorageApis.MIGRATION_NAMESPACE;
        BucketClaimRoute.validateNames(bucketClaim, namespace);
        if (targetOptions.endpoint != null || targetOptions.bucket != null) {
            // the same input checks as without a claim, before anything is created
            targetOptions.target(targetOptions.endpoint != null ? targetOptions.endpoint : "https://placeholder.invalid",
                    targetOptions.bucket != null ? targetOptions.bucket : bucketClaim);
        }
        PrintWriter out = spec.commandLine().getOut();
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        BucketClaimRoute.Request request = new BucketClaimRoute.Request(context, name, bucketClaim, namespace,
                storageClass != null ? storageClass : StorageApis.NOOBAA_STORAGE_CLASS, targetOptions.bucket,
                targetOptions.endpoint, timeout, output == Output.json, exportKeys);
        try (ClusterSession session = ClusterCommandSupport.connect(kubeconfig, context, insecureApi, 30)) {
            return BucketClaimRoute.run(request, mode, session.client(), (endpoint, bucket, keys, values) ->
                    RepositoryPlanner.plan(context, name, targetOptions.target(endpoint, bucket), keys, values,
                            timeout), new SecretPlanRun.Goal(context, StorageApis.MIG_STORAGES, name), out);
        }
    }

    private S3Keys keysFromSecret(KubernetesClient client) {
        String[] parts = keysSecret.split("/", 2);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new BadInputException("--keys-secret " + keysSecret + ": give NAMESPACE/NAME");
        }
        Secret secret = client.secrets().inNamespace(parts[0]).withName(parts[1]).get();
        if (secret == null) {
            throw new BadInputException("--keys-secret " + keysSecret + ": no such Secret on " + context);
        }
        return SecretKeys.read(secret).orElseThrow(() -> new BadInputException("--keys-secret " + keysSecret
                + ": has neither AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY nor aws-access-key-id/aws-secret-access-key"));
    }
}
