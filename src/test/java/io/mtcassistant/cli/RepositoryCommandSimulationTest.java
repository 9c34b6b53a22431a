package io.mtcassistant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtcassistant.sim.SimulatedCluster;
import io.mtcassistant.sim.SimulatedKubeconfig;
import io.mtcassistant.sim.migration.MigrationKinds;
import io.mtcassistant.sim.migration.SimulatedMigrationController;
import io.mtcassistant.sim.storage.SimulatedBucketProvisioner;
import io.mtcassistant.sim.storage.SimulatedObjectGateway;
import io.mtcassistant.storage.KeyValues;
import io.mtcassistant.storage.testsupport.LocalS3Server;
import io.mtcassistant.storage.testsupport.TestLogFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code repository discover} and {@code repository create} on a simulated OpenShift 4.12 control cluster whose
 * simulated Multicloud Object Gateway points at a real S3 server (s3proxy, HTTPS with its own CA): the simulated MTC
 * controller makes MigStorage Ready only when it can write to the bucket.
 */
class RepositoryCommandSimulationTest {

    @TempDir
    static Path dir;
    static LocalS3Server s3;
    static SimulatedCluster cluster;
    static SimulatedMigrationController controller;
    static SimulatedBucketProvisioner provisioner;
    static Path kubeconfig;

    @BeforeAll
    static void start() throws Exception {
        s3 = LocalS3Server.start(dir);
        s3.createBucket("migration");
        cluster = SimulatedCluster.builder().name("sim-target").openShift4("4.12.30").admin(true).start();
        try (KubernetesClient client = cluster.client()) {
            MigrationKinds.install(client);
            SimulatedObjectGateway.ready(s3.httpsEndpoint().toString(), LocalS3Server.ACCESS_KEY,
                    LocalS3Server.SECRET_KEY).installOn(client);
        }
        controller = SimulatedMigrationController.on(cluster).start();
        provisioner = SimulatedBucketProvisioner.start(cluster);
        kubeconfig = new SimulatedKubeconfig().add("sim-target", cluster).currentContext("sim-target")
                .write(dir.resolve("kubeconfig"));
    }

    @AfterAll
    static void stop() throws Exception {
        controller.close();
        provisioner.close();
        cluster.close();
        s3.close();
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--kubeconfig", kubeconfig.toString(), "--context", "sim-target"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MtcAssistantCommand.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    static String[] create(String bucket, String name, String... mode) {
        List<String> args = new ArrayList<>(List.of("repository", "create", "--name", name, "--endpoint",
                s3.httpsEndpoint().toString(), "--bucket", bucket, "--ca-file", s3.caFile().toString(),
                "--keys-secret", "openshift-storage/noobaa-admin", "--timeout", "120"));
        args.addAll(List.of(mode));
        return args.toArray(String[]::new);
    }

    @Test
    void discoverShowsTheGatewayWithMaskedKeys() {
        Run table = run("repository", "discover");
        assertThat(table.exit()).as(table.out() + table.err()).isZero();
        assertThat(table.out()).contains("NooBaa openshift-storage/noobaa is Ready",
                "S3 endpoint: " + s3.httpsEndpoint(), "why: external (route) endpoint", "AKIA****",
                "--keys-secret openshift-storage/noobaa-admin");
        note("discover", table);
        Run json = run("repository", "discover", "--output", "json");
        assertThat(json.out()).contains("\"usable\" : true", "\"internalDNS\"");
        for (Run r : List.of(table, json)) {
            assertThat(r.out()).doesNotContain(LocalS3Server.SECRET_KEY, LocalS3Server.ACCESS_KEY);
        }
    }

    @Test
    void planAndExportHoldPlaceholdersUnlessAsked() throws Exception {
        Run plan = run(create("migration", "shown", "--plan"));
        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("kind: MigStorage", "awsS3ForcePathStyle: true", "placeholders");
        Path export = dir.resolve("export");
        Run exported = run(create("migration", "exported", "--export", export.toString()));
        assertThat(exported.exit()).as(exported.err()).isZero();
        String files = allText(export);
        assertThat(files).contains(base64(KeyValues.SECRET_KEY_PLACEHOLDER), "kind: MigStorage");
        Path withKeys = dir.resolve("export-keys");
        Run real = run(create("migration", "exported", "--export", withKeys.toString(), "--export-keys"));
        assertThat(real.exit()).isZero();
        assertThat(allText(withKeys)).contains(base64(LocalS3Server.SECRET_KEY));
        for (String text : List.of(plan.out(), exported.out(), files)) {
            assertThat(text).doesNotContain(LocalS3Server.SECRET_KEY, base64(LocalS3Server.SECRET_KEY),
                    base64(LocalS3Server.ACCESS_KEY));
        }
    }

    @Test
    void applyMakesMigStorageReadyAfterTheControllerWroteToTheBucket() throws Exception {
        TestLogFile log = TestLogFile.mark();
        Run applied = run(create("migration", "replication-repository", "--apply"));
        assertThat(applied.exit()).as(applied.out() + applied.err()).isZero();
        assertThat(applied.out()).contains("MigStorage replication-repository is Ready",
                "condition Ready: ready to be used by migration plans");
        try (KubernetesClient client = cluster.client()) {
            Secret secret = client.secrets().inNamespace("openshift-config").withName("replication-repository-creds")
                    .get();
            assertThat(secret.getData()).containsEntry("aws-secret-access-key", base64(LocalS3Server.SECRET_KEY))
                    .containsEntry("aws-access-key-id", base64(LocalS3Server.ACCESS_KEY));
        }
        assertThat(s3.objectCount("migration")).isZero();
        String logged = log.written();
        assertThat(logged).doesNotContain(LocalS3Server.SECRET_KEY, base64(LocalS3Server.SECRET_KEY));
        assertThat(applied.out()).doesNotContain(LocalS3Server.SECRET_KEY);
        note("create --apply", applied);
    }

    @Test
    void aBucketTheControllerCannotWriteToIsBackupStorageProviderTestFailed() {
        Run applied = run(create("no-such-bucket", "broken-repository", "--apply"));
        assertThat(applied.exit()).as(applied.out() + applied.err()).isEqualTo(1);
        assertThat(applied.out()).contains("MigStorage broken-repository is NOT Ready",
                "BackupStorageProviderTestFailed: the control cluster could not write to the bucket",
                "the bucket does not exist");
        note("create --apply, bucket missing", applied);
    }

    @Test
    void aBucketClaimIsBoundThenItsBucketAndKeysMakeMigStorageReady() throws Exception {
        TestLogFile log = TestLogFile.mark();
        Run applied = run("repository", "create", "--name", "claimed-repository", "--bucket-claim", "mtc-claim",
                "--ca-file", s3.caFile().toString(), "--timeout", "120", "--apply");
        assertThat(applied.exit()).as(applied.out() + applied.err()).isZero();
        assertThat(applied.out()).contains("ObjectBucketClaim openshift-migration/mtc-claim is Bound: bucket mtc-claim",
                "endpoint " + s3.httpsEndpoint() + ": the claim's ConfigMap names",
                "MigStorage claimed-repository is Ready");
        assertThat(s3.bucketExists("mtc-claim")).isTrue();
        try (KubernetesClient client = cluster.client()) {
            Secret secret = client.secrets().inNamespace("openshift-config").withName("claimed-repository-creds").get();
            assertThat(secret.getData()).containsEntry("aws-secret-access-key", base64(LocalS3Server.SECRET_KEY));
            assertThat(client.genericKubernetesResources(io.mtcassistant.storage.StorageApis.MIG_STORAGES)
                    .inNamespace("openshift-migration").withName("claimed-repository").get().getAdditionalProperties()
                    .get("spec").toString()).contains("awsBucketName=mtc-claim", "awsS3Url=" + s3.httpsEndpoint());
        }
        assertThat(applied.out()).doesNotContain(LocalS3Server.SECRET_KEY, LocalS3Server.ACCESS_KEY);
        assertThat(log.written()).doesNotContain(LocalS3Server.SECRET_KEY, base64(LocalS3Server.SECRET_KEY));
        note("create --bucket-claim --apply", applied);
    }

    @Test
    void aBucketClaimPlanShowsTheClaimThenTheSecretAndMigStorageWithPlaceholders() throws Exception {
        Run plan = run("repository", "create", "--name", "planned", "--bucket-claim", "planned-claim", "--plan");
        assertThat(plan.exit()).as(plan.out() + plan.err()).isZero();
        assertThat(plan.out()).contains("kind: ObjectBucketClaim", "storageClassName: openshift-storage.noobaa.io",
                "kind: MigStorage", "awsBucketName: planned-claim", "awsS3Url: " + s3.httpsEndpoint(),
                "endpoint " + s3.httpsEndpoint() + " from NooBaa openshift-storage/noobaa", "placeholders",
                "copy them from the Secret openshift-migration/planned-claim");
        assertThat(plan.out().indexOf("kind: ObjectBucketClaim")).isLessThan(plan.out().indexOf("kind: MigStorage"));
        Path export = dir.resolve("export-claim");
        Run exported = run("repository", "create", "--bucket-claim", "planned-claim", "--export", export.toString());
        assertThat(exported.exit()).as(exported.err()).isZero();
        assertThat(allText(export)).contains("kind: ObjectBucketClaim", base64(KeyValues.SECRET_KEY_PLACEHOLDER))
                .doesNotContain(base64(LocalS3Server.SECRET_KEY));
        Run keys = run("repository", "create", "--bucket-claim", "planned-claim", "--export",
                dir.resolve("export-claim-keys").toString(), "--export-keys");
        assertThat(keys.exit()).isEqualTo(2);
        assertThat(keys.err()).contains("--export-keys: the ObjectBucketClaim openshift-migration/planned-claim is "
                + "not Bound yet");
        try (KubernetesClient client = cluster.client()) {
            assertThat(client.genericKubernetesResources(io.mtcassistant.storage.StorageApis.BUCKET_CLAIMS)
                    .inNamespace("openshift-migration").withName("planned-claim").get()).isNull();
        }
    }

    @Test
    void aBucketClaimThatStaysPendingSaysWhyAndWhatNext() {
        Run applied = run("repository", "create", "--name", "pending", "--bucket-claim", "gold-claim",
                "--storage-class", "gold-buckets", "--timeout", "3", "--apply");
        assertThat(applied.exit()).as(applied.out() + applied.err()).isEqualTo(1);
        assertThat(applied.out()).contains("ObjectBucketClaim openshift-migration/gold-claim is Pending, not Bound",
                "why: storage class gold-buckets does not exist", "next: fix that, then run the same command again");
        note("create --bucket-claim --apply, unknown storage class", applied);
        Run json = run("repository", "create", "--name", "pending", "--bucket-claim", "gold-claim",
                "--storage-class", "gold-buckets", "--timeout", "3", "--apply", "--output", "json");
        assertThat(json.exit()).as(json.out() + json.err()).isEqualTo(1);
        assertThat(json.out()).contains("\"bound\" : false", "\"phase\" : \"Pending\"",
                "storage class gold-buckets does not exist");
    }

    @Test
    void badBucketClaimCombinationsAreBadInput() {
        Run keys = run("repository", "create", "--bucket-claim", "c1", "--keys-secret", "openshift-storage/noobaa-admin",
                "--plan");
        assertThat(keys.exit()).isEqualTo(2);
        assertThat(keys.err()).contains("--bucket-claim and --keys-secret do not go together: the keys come from the claim's Secret");
        Run storageClass = run("repository", "create", "--endpoint", "https://s3.example", "--bucket", "b1",
                "--storage-class", "gold", "--plan");
        assertThat(storageClass.exit()).isEqualTo(2);
        assertThat(storageClass.err()).contains("--storage-class: only with --bucket-claim NAME");
        Run noEndpoint = run("repository", "create", "--bucket", "b1", "--plan");
        assertThat(noEndpoint.exit()).isEqualTo(2);
        assertThat(noEndpoint.err()).contains("--endpoint: missing");
        Run badName = run("repository", "create", "--bucket-claim", "Bad_Name", "--plan");
        assertThat(badName.exit()).isEqualTo(2);
        assertThat(badName.err()).contains("--bucket-claim Bad_Name: not a valid object name");
    }

    /** Keeps the output for the closing note. */
    private static void note(String title, Run run) {
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "repository-create-outputs.md"), "### " + title + "\n```\n"
                    + run.out() + "```\n", java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String allText(Path folder) throws Exception {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                text.append(Files.readString(file));
            }
        }
        return text.toString();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
