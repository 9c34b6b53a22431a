package io.mtcassistant.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.common.ActivityEvent;
import io.mtcassistant.sim.SimulatedCluster;
import io.mtcassistant.sim.SimulatedFailure;
import io.mtcassistant.sim.SimulatedKubeconfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FabricClusterConnectorTest {

    @TempDir
    Path dir;

    private final List<ActivityEvent> events = new CopyOnWriteArrayList<>();
    private final FabricClusterConnector connector = new FabricClusterConnector();
    private final ConnectOptions options = ConnectOptions.defaults().withTimeout(Duration.ofSeconds(10));

    private ConnectionOutcome connect(SimulatedCluster cluster, ConnectOptions connectOptions) throws Exception {
        return connect(new SimulatedKubeconfig().add("ctx", cluster), connectOptions);
    }

    private ConnectionOutcome connect(SimulatedKubeconfig kubeconfig, ConnectOptions connectOptions) throws Exception {
        Path file = kubeconfig.write(dir.resolve("kubeconfig"));
        return connect(file, connectOptions);
    }

    private ConnectionOutcome connect(Path file, ConnectOptions connectOptions) throws Exception {
        KubeconfigSet set = new KubeconfigFiles().load(List.of(file));
        return connector.connect(set, "ctx", connectOptions, events::add);
    }

    private static ClusterFacts connectedFacts(ConnectionOutcome outcome) {
        if (outcome instanceof ConnectionOutcome.Failed failed) {
            throw new AssertionError("expected a connection, got " + failed.failure());
        }
        ConnectionOutcome.Connected connected = (ConnectionOutcome.Connected) outcome;
        ClusterFacts facts = connected.facts();
        connected.session().close();
        return facts;
    }

    private static ConnectionFailure failure(ConnectionOutcome outcome) {
        if (outcome instanceof ConnectionOutcome.Connected connected) {
            connected.session().close();
            throw new AssertionError("expected a failure, got a connection to " + connected.facts());
        }
        return ((ConnectionOutcome.Failed) outcome).failure();
    }

    @Test
    void probesOpenShift311() throws Exception {
        try (SimulatedCluster cluster = SimulatedCluster.builder().openShift3("3.11.784").start()) {
            ClusterFacts facts = connectedFacts(connect(cluster, options));
            assertThat(facts.context()).isEqualTo("ctx");
            assertThat(facts.apiUrl()).isEqualTo(cluster.url());
            assertThat(facts.kubernetesVersion()).isEqualTo("v1.11.0+d4cacc0");
            assertThat(facts.openshiftVersion()).isEqualTo("3.11.784");
            assertThat(facts.desiredVersion()).isNull();
            assertThat(facts.platform()).isEqualTo(PlatformClass.LEGACY);
            assertThat(facts.user()).isEqualTo("system:admin");
            assertThat(facts.clusterAdmin()).isTrue();
            assertThat(events).extracting(ActivityEvent::message)
                    .anyMatch(m -> m.startsWith("Connecting to " + cluster.url() + " as context ctx"))
                    .contains("GET /version");
        }
    }

    @Test
    void probesOpenShift412() throws Exception {
        try (SimulatedCluster cluster = SimulatedCluster.builder().openShift4("4.12.45").start()) {
            ClusterFacts facts = connectedFacts(connect(cluster, options));
            assertThat(facts.kubernetesVersion()).isEqualTo("v1.25.0+sim");
            assertThat(facts.openshiftVersion()).isEqualTo("4.12.45");
            assertThat(facts.desiredVersion()).isEqualTo("4.12.45");
            assertThat(facts.platform()).isEqualTo(PlatformClass.MODERN);
            assertThat(facts.user()).isEqualTo("kube:admin");
            assertThat(facts.clusterAdmin()).isTrue();
        }
    }

    @Test
    void duringAnUpdateTheVersionIsTheNewestCompletedOneAndDesiredIsTheUpdate() throws Exception {
        try (SimulatedCluster cluster = SimulatedCluster.builder().openShift4("4.12.45").updatingTo("4.13.1").start()) {
            ClusterFacts facts = connectedFacts(connect(cluster, options));
            assertThat(facts.openshiftVersion()).isEqualTo("4.12.45");
            assertThat(facts.desiredVersion()).isEqualTo("4.13.1");
        }
    }

    @Test
    void probesPlainKubernetes() throws Exception {
        try (SimulatedCluster cluster = SimulatedCluster.builder().kubernetes("v1.29.2").start()) {
            ClusterFacts facts = connectedFacts(connect(cluster, options));
            assertThat(facts.kubernetesVersion()).isEqualTo("v1.29.2");
            assertThat(facts.openshiftVersion()).isNull();
            assertThat(facts.platform()).isEqualTo(PlatformClass.NOT_OPENSHIFT);
            assertThat(facts.user()).isEqualTo("kubernetes-admin");
        }
    }

    @Test
    void reportsAUserWhoIsNotClusterAdmin() throws Exception {
        try (SimulatedCluster cluster = SimulatedCluster.builder().openShift4("4.12.45").admin(false)
                .userName("developer").start()) {
            ClusterFacts facts = connectedFacts(connect(cluster, options));
            assertThat(facts.user()).isEqualTo("developer");
            assertThat(facts.clusterAdmin()).isFalse();
        }
    }

    @Test
    void unreachableServer() throws Exception {
        try (SimulatedCluster cluster = SimulatedCluster.builder().failure(SimulatedFailure.UNREACHABLE).start()) {
            ConnectionFailure failure = failure(connect(cluster, options));
            assertThat(failure.kind()).isEqualTo(FailureKind.UNREACHABLE);
            assertThat(failure.summary()).contains("Nothing answered at " + cluster.url());
            assertThat(failure.nextStep()).contains("Check that the cluster is running");
        }
    }

    @Test
    void serverThatNeverAnswersTimesOutWithinTheGivenTime() throws Exception {
        try (SimulatedCluster cluster = SimulatedCluster.builder().failure(SimulatedFailure.NO_ANSWER).start()) {
            ConnectionFailure failure = failure(connect(cluster, options.withTimeout(Duration.ofSeconds(2))));
            assertThat(failure.kind()).isEqualTo(FailureKind.TIMED_OUT);
            assertThat(failure.summary()).contains("did not answer within 2 s");
            assertThat(failure.nextStep()).as("advice names what the user has: Retry, and the command line's --timeout (issue 16, point 2)")
                    .contains("Retry").contains("--timeout SECONDS").doesNotContain("longer timeout");
        }
    }

    @Test
    void selfSignedCertificateIsNotTrustedUntilTheUserOffersTheCaOrSkipsVerification() throws Exception {
        try (SimulatedCluster cluster = SimulatedCluster.builder().failure(SimulatedFailure.UNTRUSTED_TLS).start()) {
            ConnectionFailure failure = failure(connect(cluster, options));
            assertThat(failure.kind()).isEqualTo(FailureKind.TLS_UNTRUSTED);
            assertThat(failure.summary()).contains("does not trust");
            assertThat(failure.nextStep()).contains("CA file").contains("Skip TLS verification");

            Path ca = cluster.writeCaCertificate(dir.resolve("ca.crt"));
            assertThat(connectedFacts(connect(cluster, options.withCaFile(ca))).openshiftVersion())
                    .isEqualTo("4.12.45");
            assertThat(connectedFacts(connect(cluster, options.withSkipTlsVerify(true))).openshiftVersion())
                    .isEqualTo("4.12.45");
        }
    }

    @Test
    void tlsServerNameDecidesWhichNameTheCertificateMustCarry() throws Exception {
        try (SimulatedCluster cluster = SimulatedCluster.builder().serverNames("api.sim.example").start()) {
            Path file = new SimulatedKubeconfig().add("ctx", cluster).write(dir.resolve("kubeconfig"));
            assertThat(Files.readString(file)).contains("tls-server-name: \"api.sim.example\"");
            assertThat(connectedFacts(connect(file, options)).openshiftVersion()).isEqualTo("4.12.45");

            Files.writeString(file, Files.readString(file).replace("tls-server-name: \"api.sim.example\"",
                    "tls-server-name: \"other.example\""));
            ConnectionFailure wrongName = failure(connect(file, options));
            assertThat(wrongName.kind()).isEqualTo(FailureKind.TLS_UNTRUSTED);
            assertThat(wrongName.summary()).contains("not issued for the tls-server-name");

            Files.writeString(file, Files.readString(file).replaceAll("(?m)^.*tls-server-name.*$\\n", ""));
            ConnectionFailure noName = failure(connect(file, options));
            assertThat(noName.kind()).isEqualTo(FailureKind.TLS_UNTRUSTED);
            assertThat(noName.summary()).contains("not issued for the name 127.0.0.1");
        }
    }

    @Test
    void proxyUrlOfTheKubeconfigIsUsed() throws Exception {
        try (SimulatedCluster cluster = SimulatedCluster.builder().start();
                ConnectTunnelProxy proxy = new ConnectTunnelProxy()) {
            Path file = new SimulatedKubeconfig().add("ctx", cluster).write(dir.resolve("kubeconfig"));
            Files.writeString(file, Files.readString(file).replace("    server: ",
                    "    proxy-url: \"" + proxy.url() + "\"\n    server: "));
            assertThat(connectedFacts(connect(file, options)).openshiftVersion()).isEqualTo("4.12.45");
            assertThat(proxy.requests()).isNotEmpty()
                    .allMatch(r -> r.startsWith("CONNECT " + cluster.url().replace("https://", "") + " "));
        }
    }

    @Test
    void expiredTokenIsUnauthorized() throws Exception {
        try (SimulatedCluster cluster = SimulatedCluster.builder().failure(SimulatedFailure.UNAUTHORIZED).start()) {
            ConnectionFailure failure = failure(connect(cluster, options));
            assertThat(failure.kind()).isEqualTo(FailureKind.UNAUTHORIZED);
            assertThat(failure.summary()).contains("HTTP 401");
            assertThat(failure.nextStep()).contains("token has probably expired");
            assertThat(failure.detail() + failure.summary()).doesNotContain(cluster.user().token());
        }
    }

    @Test
    void forbiddenUser() throws Exception {
        try (SimulatedCluster cluster = SimulatedCluster.builder().failure(SimulatedFailure.FORBIDDEN).start()) {
            ConnectionFailure failure = failure(connect(cluster, options));
            assertThat(failure.kind()).isEqualTo(FailureKind.FORBIDDEN);
            assertThat(failure.summary()).contains("HTTP 403");
            assertThat(failure.nextStep()).contains("cluster-admin");
        }
    }

    @Test
    void contextWithoutUserIsAnonymousAndForbidden() throws Exception {
        try (SimulatedCluster cluster = SimulatedCluster.builder().openShift4("4.12.45").start()) {
            Path file = dir.resolve("no-user.yaml");
            Files.writeString(file, """
                    apiVersion: v1
                    kind: Config
                    clusters:
                    - name: c
                      cluster:
                        server: %s
                        insecure-skip-tls-verify: true
                    contexts:
                    - name: ctx
                      context:
                        cluster: c
                    """.formatted(cluster.url()));
            ConnectionFailure failure = failure(connect(file, options));
            assertThat(failure.kind()).isEqualTo(FailureKind.FORBIDDEN);
            assertThat(failure.nextStep()).contains("no credentials");
        }
    }

    @Test
    void execPluginFailureShowsItsStderr() throws Exception {
        try (SimulatedCluster cluster = SimulatedCluster.builder().start()) {
            Path script = script("failing-plugin.sh", """
                    #!/bin/sh
                    echo 'error: You must be logged in to the server (token expired)' >&2
                    exit 3
                    """);
            ConnectionFailure failure = failure(connect(execKubeconfig(cluster, "./" + script.getFileName()), options));
            assertThat(failure.kind()).isEqualTo(FailureKind.EXEC_PLUGIN_FAILED);
            assertThat(failure.summary()).contains("exit code 3");
            assertThat(failure.detail()).contains("You must be logged in to the server (token expired)");
        }
    }

    @Test
    void execPluginThatWaitsForeverIsStoppedAndNamed() throws Exception {
        try (SimulatedCluster cluster = SimulatedCluster.builder().start()) {
            Path script = script("waiting-plugin.sh", """
                    #!/bin/sh
                    echo 'Opening a browser for the log-in...' >&2
                    exec sleep 60
                    """);
            ConnectionFailure failure = failure(connect(execKubeconfig(cluster, "./" + script.getFileName()),
                    options.withTimeout(Duration.ofSeconds(3))));
            assertThat(failure.kind()).isEqualTo(FailureKind.EXEC_PLUGIN_FAILED);
            assertThat(failure.summary()).contains("did not finish within");
            assertThat(failure.detail()).contains("Opening a browser for the log-in...");
        }
    }

    @Test
    void systemPropertiesOfTheProcessDoNotLeakIntoTheConnection() throws Exception {
        String before = System.getProperty("kubernetes.trust.certificates");
        System.setProperty("kubernetes.trust.certificates", "true");
        try (SimulatedCluster cluster = SimulatedCluster.builder().failure(SimulatedFailure.UNTRUSTED_TLS).start()) {
            assertThat(failure(connect(cluster, options)).kind()).isEqualTo(FailureKind.TLS_UNTRUSTED);
        } finally {
            if (before == null) {
                System.clearProperty("kubernetes.trust.certificates");
            } else {
                System.setProperty("kubernetes.trust.certificates", before);
            }
        }
    }

    @Test
    void execPluginThatIsNotInstalled() throws Exception {
        try (SimulatedCluster cluster = SimulatedCluster.builder().start()) {
            ConnectionFailure failure = failure(connect(execKubeconfig(cluster, "no-such-plugin-xyz"), options));
            assertThat(failure.kind()).isEqualTo(FailureKind.EXEC_PLUGIN_FAILED);
            assertThat(failure.summary()).contains("'no-such-plugin-xyz' could not be started (not found)");
        }
    }

    @Test
    void execPluginTokenIsUsedAndItsStderrWarningsDoNotBreakIt() throws Exception {
        try (SimulatedCluster cluster = SimulatedCluster.builder().start()) {
            Path script = script("token-plugin.sh", """
                    #!/bin/sh
                    echo 'warning: using cached credentials' >&2
                    echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential",\
                    "status":{"token":"%s"}}'
                    """.formatted(cluster.user().token()));
            ClusterFacts facts = connectedFacts(connect(execKubeconfig(cluster, "./" + script.getFileName()), options));
            assertThat(facts.user()).isEqualTo("kube:admin");
        }
    }

    @Test
    void openShift3UsernameAndPasswordGetATokenThroughOAuth() throws Exception {
        try (SimulatedCluster cluster = SimulatedCluster.builder().openShift3("3.11.784").userName("admin")
                .password("s3cret").start()) {
            ClusterFacts facts = connectedFacts(connect(new SimulatedKubeconfig()
                    .add("ctx", cluster, SimulatedKubeconfig.Login.PASSWORD), options));
            assertThat(facts.user()).isEqualTo("admin");
            assertThat(facts.openshiftVersion()).isEqualTo("3.11.784");
            assertThat(events).extracting(ActivityEvent::message).anyMatch(m -> m.contains("OAuth token received"));
        }
    }

    @Test
    void clientCertificateIdentifiesTheUser() throws Exception {
        try (SimulatedCluster cluster = SimulatedCluster.builder().openShift3("3.11.784").start()) {
            ClusterFacts facts = connectedFacts(connect(new SimulatedKubeconfig()
                    .add("ctx", cluster, SimulatedKubeconfig.Login.CLIENT_CERTIFICATE), options));
            assertThat(facts.user()).isEqualTo("system:admin");
            assertThat(facts.clusterAdmin()).isTrue();
        }
    }

    @Test
    void wrongPasswordIsUnauthorized() throws Exception {
        try (SimulatedCluster cluster = SimulatedCluster.builder().openShift3("3.11.784").userName("admin")
                .password("s3cret").start()) {
            Path file = new SimulatedKubeconfig().add("ctx", cluster, SimulatedKubeconfig.Login.PASSWORD)
                    .write(dir.resolve("kubeconfig"));
            Files.writeString(file, Files.readString(file).replace("s3cret", "wrong"));
            ConnectionFailure failure = failure(connect(file, options));
            assertThat(failure.kind()).isEqualTo(FailureKind.UNAUTHORIZED);
            assertThat(failure.summary()).contains("did not accept the user name and password");
            assertThat(failure.summary() + failure.detail()).doesNotContain("wrong");
        }
    }

    @Test
    void tokenFileRelativeToTheKubeconfig() throws Exception {
        try (SimulatedCluster cluster = SimulatedCluster.builder().start()) {
            Files.writeString(dir.resolve("token"), cluster.user().token() + "\n");
            Path ca = cluster.writeCaCertificate(dir.resolve("ca.crt"));
            Path file = dir.resolve("kubeconfig");
            Files.writeString(file, """
                    apiVersion: v1
                    kind: Config
                    clusters:
                    - name: c
                      cluster:
                        server: %s
                        certificate-authority: ca.crt
                    users:
                    - name: u
                      user:
                        tokenFile: token
                    contexts:
                    - name: ctx
                      context:
                        cluster: c
                        user: u
                    """.formatted(cluster.url()));
            assertThat(ca).exists();
            assertThat(connectedFacts(connect(file, options)).user()).isEqualTo("kube:admin");
        }
    }

    @Test
    void missingCertificateFileIsAMalformedKubeconfigNamingTheFile() throws Exception {
        Path file = dir.resolve("kubeconfig");
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: c
                  cluster:
                    server: https://127.0.0.1:1
                users:
                - name: u
                  user:
                    client-certificate: certs/missing.crt
                    client-key: certs/missing.key
                contexts:
                - name: ctx
                  context:
                    cluster: c
                    user: u
                """);
        ConnectionFailure failure = failure(connect(file, options));
        assertThat(failure.kind()).isEqualTo(FailureKind.MALFORMED_KUBECONFIG);
        assertThat(failure.summary()).contains(dir.resolve("certs/missing.crt").toString()).contains("does not exist");
    }

    @Test
    void contextPointingAtAMissingClusterIsMalformed() throws Exception {
        Path file = dir.resolve("kubeconfig");
        Files.writeString(file, """
                contexts:
                - name: ctx
                  context:
                    cluster: nowhere
                """);
        ConnectionFailure failure = failure(connect(file, options));
        assertThat(failure.kind()).isEqualTo(FailureKind.MALFORMED_KUBECONFIG);
        assertThat(failure.summary()).contains("cluster 'nowhere'");
    }

    @Test
    void unknownContextFailsWithoutAnException() throws Exception {
        try (SimulatedCluster cluster = SimulatedCluster.builder().start()) {
            Path file = new SimulatedKubeconfig().add("ctx", cluster).write(dir.resolve("kubeconfig"));
            KubeconfigSet set = new KubeconfigFiles().load(List.of(file));
            ConnectionOutcome outcome = connector.connect(set, "other", options, events::add);
            assertThat(failure(outcome).summary()).contains("There is no context 'other'");
        }
    }

    private Path script(String name, String content) throws IOException {
        Path script = dir.resolve(name);
        Files.writeString(script, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private Path execKubeconfig(SimulatedCluster cluster, String command) throws IOException {
        Path file = dir.resolve("kubeconfig");
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: c
                  cluster:
                    server: %s
                    certificate-authority-data: %s
                users:
                - name: u
                  user:
                    exec:
                      apiVersion: client.authentication.k8s.io/v1
                      command: %s
                      interactiveMode: Never
                contexts:
                - name: ctx
                  context:
                    cluster: c
                    user: u
                """.formatted(cluster.url(), java.util.Base64.getEncoder().encodeToString(
                cluster.caCertificatePem().getBytes(StandardCharsets.US_ASCII)), command));
        return file;
    }
}
