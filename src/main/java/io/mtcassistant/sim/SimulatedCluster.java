package io.mtcassistant.sim;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.openshift.api.model.config.v1.ClusterVersion;
import io.fabric8.openshift.api.model.config.v1.ClusterVersionBuilder;
import io.fabric8.openshift.api.model.config.v1.UpdateHistory;
import io.fabric8.openshift.api.model.config.v1.UpdateHistoryBuilder;
import io.mtcassistant.common.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A simulated cluster: fabric8's KubernetesMockServer in CRUD mode on 127.0.0.1 with HTTPS (a self-signed
 * certificate), token authentication and the answers the app needs from a real API server (versions, discovery,
 * identity, SelfSubjectAccessReview, OAuth login on OpenShift). It is a simulation, not a cluster: there is no
 * scheduler, no RBAC beyond the cluster-admin yes/no, no admission and no validation.
 *
 * <p>Later simulations (OLM, the MTC controller) build on {@link #mockServer()}, {@link #registerResource} and
 * {@link #client()}.
 */
public final class SimulatedCluster implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The mock web server logs every request at INFO through java.util.logging (to the console); keep it quiet. */
    private static final java.util.logging.Logger MOCK_LOG = quiet("io.fabric8.mockwebserver");

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    /**
     * One serialization for the simulations' own clients: each of its mappers learns every model type it reads
     * afresh, and the demo's start builds a dozen clients that read the same types.
     */
    private static final KubernetesSerialization CLIENT_SERIALIZATION = new KubernetesSerialization();

    private final String name;
    private final SimulatedPlatform platform;
    private final SimulatedFailure failure;
    private final SimulatedUser user;
    private final SimulatedUser internalUser;
    private final String updatingTo;
    private final Map<ServerRequest, Queue<ServerResponse>> responses = new ConcurrentHashMap<>();
    private final SimulationDispatcher dispatcher;
    private final KubernetesMockServer server;
    private final List<String> serverNames;
    private SilentPort silentPort;
    private SimulationCertificates certificates;
    private TlsFront tlsFront;
    private int frontPort;
    private io.mtcassistant.sim.olm.OlmSimulation operators;
    private boolean serving;
    private String url;
    private boolean started;
    private boolean closed;

    private SimulatedCluster(Builder builder) {
        this.name = builder.name;
        this.platform = builder.platform;
        this.failure = builder.failure;
        this.updatingTo = builder.updatingTo;
        this.serverNames = List.copyOf(builder.serverNames);
        String userName = builder.userName != null ? builder.userName : defaultUserName(platform);
        this.user = new SimulatedUser(userName, newToken(), builder.password, builder.admin);
        this.internalUser = new SimulatedUser("system:simulation", newToken(), null, true);
        VersionInfo version = versionInfo(platform);
        this.dispatcher = new SimulationDispatcher(responses, platform, failure, () -> url, version);
        this.server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(), responses,
                dispatcher, false, version);
        dispatcher.addUser(user);
        dispatcher.addUser(internalUser);
        CoreResources.builtIn(platform).forEach(dispatcher::expectCustomResource);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts serving on 127.0.0.1 (a free port); seeds namespaces and, on 4.x, the ClusterVersion. */
    public synchronized SimulatedCluster start() {
        if (started) {
            throw new IllegalStateException("simulated cluster " + name + " already started");
        }
        started = true;
        try {
            switch (failure) {
                case UNREACHABLE -> url = "https://127.0.0.1:" + SilentPort.unusedPort();
                case NO_ANSWER -> {
                    silentPort = new SilentPort();
                    url = "https://127.0.0.1:" + silentPort.port();
                }
                default -> {
                    certificates = new SimulationCertificates(name, serverNames);
                    server.start(InetAddress.getLoopbackAddress(), 0);
                    tlsFront = new TlsFront(certificates.serverContext(), server.getPort(), name,
                            dispatcher.identitySecret(), dispatcher::acceptsAuthorization);
                    serving = true;
                    frontPort = tlsFront.port();
                    url = "https://127.0.0.1:" + frontPort;
                    if (failure == SimulatedFailure.NONE || failure == SimulatedFailure.UNTRUSTED_TLS) {
                        seed();
                        operators = io.mtcassistant.sim.olm.OlmSimulation.start(this);
                    }
                }
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("simulated cluster " + name + " could not start", e);
        }
        return this;
    }

    private void seed() {
        List<String> namespaces = new ArrayList<>(List.of("default", "kube-system", "kube-public"));
        if (platform.isOpenShift()) {
            namespaces.addAll(List.of("openshift", "openshift-infra", "openshift-config"));
        }
        for (String namespace : namespaces) {
            dispatcher.store("/api/v1/namespaces",
                    new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build());
        }
        dispatcher.store("/api/v1/namespaces/kube-system/pods", new PodBuilder().withNewMetadata()
                .withName("simulated-apiserver").withNamespace("kube-system").endMetadata()
                .withNewStatus().withPhase("Running").endStatus().build());
        if (platform.kind() == SimulatedPlatform.Kind.OPENSHIFT_4) {
            dispatcher.store("/apis/config.openshift.io/v1/clusterversions", clusterVersion());
        }
    }

    private ClusterVersion clusterVersion() {
        Instant installed = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant updated = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String current = platform.openshiftVersion();
        List<UpdateHistory> history = new ArrayList<>();
        String desired = current;
        if (updatingTo != null) {
            desired = updatingTo;
            history.add(new UpdateHistoryBuilder().withState("Partial").withVersion(updatingTo)
                    .withStartedTime(Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS)
                            .toString())
                    .withImage("quay.io/openshift-release-dev/ocp-release@sha256:" + "b".repeat(64))
                    .withVerified(true).build());
        }
        history.add(new UpdateHistoryBuilder().withState("Completed").withVersion(current)
                .withStartedTime(updated.minus(1, ChronoUnit.HOURS).toString()).withCompletionTime(updated.toString())
                .withImage("quay.io/openshift-release-dev/ocp-release@sha256:" + "a".repeat(64))
                .withVerified(true).build());
        history.add(new UpdateHistoryBuilder().withState("Completed").withVersion(previousRelease(current))
                .withStartedTime(installed.toString()).withCompletionTime(installed.plus(1, ChronoUnit.HOURS).toString())
                .withVerified(false).build());
        return new ClusterVersionBuilder().withNewMetadata().withName("version").endMetadata()
                .withNewSpec().withChannel("stable-" + majorMinor(current)).withClusterID(java.util.UUID.nameUUIDFromBytes(
                        name.getBytes(StandardCharsets.UTF_8)).toString()).endSpec()
                .withNewStatus().withNewDesired().withVersion(desired).endDesired().withHistory(history)
                .withObservedGeneration(1L).withVersionHash("simulated").endStatus()
                .build();
    }

    private static String previousRelease(String version) {
        String[] parts = version.split("\\.");
        return parts.length >= 2 ? parts[0] + "." + parts[1] + ".0" : version;
    }

    private static String majorMinor(String version) {
        String[] parts = version.split("\\.");
        return parts.length >= 2 ? parts[0] + "." + parts[1] : version;
    }

    /** A client with full rights on this simulation (its internal user), for seeding and later simulations. */
    public KubernetesClient client() {
        requireServing();
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl(url)
                .withTrustCerts(!serverNames.isEmpty()).withCaCertData(caCertificateBase64())
                .withOauthToken(internalUser.token()).withNamespace("default").withHttp2Disable(true)
                .withRequestRetryBackoffLimit(0).build();
        return new KubernetesClientBuilder().withConfig(config).withKubernetesSerialization(CLIENT_SERIALIZATION)
                .build();
    }

    /**
     * A client with full rights that talks to the store directly (plain HTTP on 127.0.0.1, not through the TLS
     * front), for the simulated controllers: they keep running while {@link #suspendApi()} holds the API away.
     */
    public KubernetesClient controllerClient() {
        requireServing();
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl("http://127.0.0.1:" + server.getPort())
                .withOauthToken(internalUser.token()).withNamespace("default").withHttp2Disable(true)
                .withRequestRetryBackoffLimit(0).build();
        return new KubernetesClientBuilder().withConfig(config).withKubernetesSerialization(CLIENT_SERIALIZATION)
                .build();
    }

    /**
     * Answers a request as this cluster's API server does for its internal user, without HTTP: the store, the watch
     * events and the change listeners see exactly what a request over the network makes them see. For loads whose
     * own HTTP round trips would cost more CPU than what they measure. Returns the HTTP status code.
     */
    public int answerInProcess(String method, String path, String contentType, String body) {
        requireServing();
        RecordedRequest request = new RecordedRequest("HTTP/1.1", HttpMethod.valueOf(method), path,
                io.fabric8.mockwebserver.http.Headers.builder().add("Content-Type", contentType)
                        .add("Authorization", "Bearer " + internalUser.token()).build(),
                new io.fabric8.mockwebserver.http.Buffer(body.getBytes(StandardCharsets.UTF_8)));
        return dispatcher.dispatch(request).code();
    }

    /** Calls the listener with the path of every write the API server answered (no HTTP, on the server's thread). */
    public void onChange(java.util.function.Consumer<String> listener) {
        dispatcher.onChange(listener);
    }

    /**
     * The simulated OLM, MTC operator and kubelet of this cluster (null for a cluster started with a failure that
     * keeps it from serving its store).
     */
    public io.mtcassistant.sim.olm.OlmSimulation operators() {
        return operators;
    }

    /** The cluster goes away: its API port stops accepting connections (the store and controllers keep running). */
    public synchronized void suspendApi() {
        requireServing();
        if (tlsFront != null) {
            tlsFront.close();
            tlsFront = null;
        }
    }

    /** The cluster comes back on the same URL after {@link #suspendApi()}. */
    public synchronized void resumeApi() {
        requireServing();
        if (tlsFront != null) {
            return;
        }
        try {
            tlsFront = new TlsFront(certificates.serverContext(), server.getPort(), name, dispatcher.identitySecret(),
                    dispatcher::acceptsAuthorization, frontPort);
        } catch (IOException e) {
            throw new UncheckedIOException("simulated cluster " + name + " cannot listen on port " + frontPort
                    + " again", e);
        }
    }

    /** Makes the server accept one more bearer token (a service account's, as the token controller issues them). */
    public void acceptToken(SimulatedUser tokenUser) {
        dispatcher.addUser(tokenUser);
    }

    /** Registers more API resources (built-in groups of later features); they then appear in discovery. */
    public void registerResource(CustomResourceDefinitionContext resource) {
        dispatcher.expectCustomResource(resource);
    }

    /**
     * A client certificate (PEM) for a user of this cluster, signed by its CA: the server then knows the user
     * by the certificate's CN, as kube-apiserver does.
     *
     * @return the certificate and its private key, in that order
     */
    public List<String> clientCertificatePem(SimulatedUser forUser) {
        requireServing();
        SimulationCertificates.ClientCertificate issued = certificates.clientCertificate(forUser.name(),
                forUser.admin());
        return List.of(issued.certificatePem(), issued.keyPem());
    }

    /**
     * The fabric8 mock server underneath, for expectations (server.expect()) of later simulations and tests. It
     * serves plain HTTP behind the simulation's TLS front; talk to the cluster through {@link #url()} or
     * {@link #client()}, since the simulation checks tokens.
     */
    public KubernetesMockServer mockServer() {
        return server;
    }

    public String name() {
        return name;
    }

    public SimulatedPlatform platform() {
        return platform;
    }

    public SimulatedFailure failure() {
        return failure;
    }

    /** The user the kubeconfig logs in as. */
    public SimulatedUser user() {
        return user;
    }

    /** API server URL ("https://127.0.0.1:PORT"). */
    public String url() {
        if (url == null) {
            throw new IllegalStateException("simulated cluster " + name + " is not started");
        }
        return url;
    }

    /** PEM of the simulation's CA, which signed the server certificate; null when nothing serves TLS. */
    public String caCertificatePem() {
        return certificates == null ? null : certificates.caPem();
    }

    /**
     * The DNS names of the server certificate when set with {@link Builder#serverNames}; the kubeconfig then
     * carries the first as tls-server-name. Empty: the certificate names localhost and 127.0.0.1.
     */
    public List<String> serverNames() {
        return serverNames;
    }

    /** Writes the CA certificate to a file (for the "trust this CA" option) and returns it. */
    public Path writeCaCertificate(Path file) throws IOException {
        String pem = Objects.requireNonNull(caCertificatePem(), "no TLS certificate: the server is not serving");
        AtomicFiles.writeString(file, pem);
        return file;
    }

    String caCertificateBase64() {
        String pem = caCertificatePem();
        return pem == null ? null : Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
    }

    private void requireServing() {
        if (!started || closed || !serving) {
            throw new IllegalStateException("simulated cluster " + name + " is not serving");
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (operators != null) {
            operators.close();
        }
        if (silentPort != null) {
            silentPort.close();
        }
        if (tlsFront != null) {
            tlsFront.close();
        }
        if (serving) {
            server.shutdown();
        }
    }

    @Override
    public String toString() {
        return "SimulatedCluster[" + name + ", " + platform.describe() + ", " + (url == null ? "not started" : url)
                + (failure == SimulatedFailure.NONE ? "" : ", failure " + failure) + "]";
    }

    private static VersionInfo versionInfo(SimulatedPlatform platform) {
        return new VersionInfo.Builder().withMajor(platform.kubernetesMajor()).withMinor(platform.kubernetesMinor())
                .withGitVersion(platform.kubernetesVersion()).withGitCommit("d4cacc0").withGitTreeState("clean")
                .withGoVersion("go1.19").withCompiler("gc")
                .withPlatform("linux/amd64").build();
    }

    private static String defaultUserName(SimulatedPlatform platform) {
        return switch (platform.kind()) {
            case OPENSHIFT_3 -> "system:admin";
            case OPENSHIFT_4 -> "kube:admin";
            case KUBERNETES -> "kubernetes-admin";
        };
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "sha256~" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Builds a simulated cluster; by default OpenShift 4.12.45, cluster-admin, no failure. */
    public static final class Builder {
        private String name = "sim";
        private SimulatedPlatform platform = SimulatedPlatform.openShift4("4.12.45");
        private SimulatedFailure failure = SimulatedFailure.NONE;
        private boolean admin = true;
        private String userName;
        private String password;
        private String updatingTo;
        private List<String> serverNames = List.of();

        private Builder() {
        }

        /**
         * Issues the server certificate for these DNS names only (not for 127.0.0.1), to exercise tls-server-name:
         * the written kubeconfig names the first one.
         */
        public Builder serverNames(String... dnsNames) {
            this.serverNames = List.of(dnsNames);
            return this;
        }

        public Builder name(String clusterName) {
            this.name = Objects.requireNonNull(clusterName);
            return this;
        }

        public Builder openShift3(String version) {
            return platform(SimulatedPlatform.openShift3(version));
        }

        public Builder openShift4(String version) {
            return platform(SimulatedPlatform.openShift4(version));
        }

        public Builder kubernetes(String gitVersion) {
            return platform(SimulatedPlatform.kubernetes(gitVersion));
        }

        public Builder platform(SimulatedPlatform simulatedPlatform) {
            this.platform = Objects.requireNonNull(simulatedPlatform);
            return this;
        }

        public Builder admin(boolean clusterAdmin) {
            this.admin = clusterAdmin;
            return this;
        }

        public Builder userName(String identity) {
            this.userName = identity;
            return this;
        }

        /** Lets the user log in with this password through the OpenShift OAuth challenge flow. */
        public Builder password(String userPassword) {
            this.password = userPassword;
            return this;
        }

        public Builder failure(SimulatedFailure simulatedFailure) {
            this.failure = Objects.requireNonNull(simulatedFailure);
            return this;
        }

        /** OpenShift 4: an update to this version has started and not completed (desired differs from current). */
        public Builder updatingTo(String version) {
            this.updatingTo = version;
            return this;
        }

        public SimulatedCluster build() {
            return new SimulatedCluster(this);
        }

        public SimulatedCluster start() {
            return build().start();
        }
    }
}
