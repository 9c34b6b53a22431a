package io.mtcassistant.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.mtcassistant.common.ActivityListener;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects to a context with fabric8 (JDK HTTP client) and probes it. Everything that waits on the outside —
 * credential plugins, OAuth log-in and every request — runs under one deadline (ConnectOptions.timeout); a failed
 * or abandoned attempt closes its client. Failures come back as plain words; the stack trace goes to the log only.
 *
 * <p>The deadline starts after the local work (reading the kubeconfig, building the client): counted in, a cold JVM
 * on a busy machine spent most of the 15 s there, and a server that answers in milliseconds was reported as "did
 * not answer" (the `clusters` command exited 1 in one run of three).
 */
public class FabricClusterConnector implements ClusterConnector {

    private static final Logger LOG = LoggerFactory.getLogger(FabricClusterConnector.class);
    private static final String SOURCE = "Clusters";

    private final HttpClient.Factory httpClientFactory;

    public FabricClusterConnector() {
        this(new JdkHttpClientFactory());
    }

    FabricClusterConnector(HttpClient.Factory httpClientFactory) {
        this.httpClientFactory = httpClientFactory;
    }

    @Override
    public ConnectionOutcome connect(KubeconfigSet kubeconfigs, String contextName, ConnectOptions options,
            ActivityListener activity) {
        ActivityListener listener = activity == null ? ActivityListener.NONE : activity;
        ConnectOptions effective = options == null ? ConnectOptions.defaults() : options;
        ContextEntry context = kubeconfigs.context(contextName).orElse(null);
        if (context == null) {
            ContextEntry unknown = new ContextEntry(contextName, null, null, null, null, null);
            ConnectionFailure failure = new ConnectionFailure(FailureKind.MALFORMED_KUBECONFIG,
                    "There is no context '" + contextName + "' in " + kubeconfigs.files() + ".",
                    "Pick one of the contexts the files define: " + kubeconfigs.contexts().stream()
                            .map(ContextEntry::name).toList() + ".", "");
            listener.error(SOURCE, failure.summary());
            return new ConnectionOutcome.Failed(unknown, failure);
        }
        String url = context.server() == null ? "(no server URL)" : context.server();
        listener.info(SOURCE, "Connecting to " + url + " as context " + context.name()
                + (context.user() == null ? " (no user)" : " (user " + context.user() + ")"));

        Duration timeout = effective.timeout();
        AtomicReference<KubernetesClient> clientRef = new AtomicReference<>();
        AtomicReference<ConnectionTarget> targetRef = new AtomicReference<>();
        AtomicBoolean abandoned = new AtomicBoolean();
        CountDownLatch localWorkDone = new CountDownLatch(1);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "connect-" + context.name());
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<ClusterSession> attempt = worker.submit(() -> {
                try {
                    return attempt(kubeconfigs, context, effective, listener, localWorkDone, clientRef, targetRef,
                            abandoned);
                } finally {
                    localWorkDone.countDown();
                }
            });
            // Local work ends on its own (or fails): it waits on nothing outside this process.
            localWorkDone.await();
            ClusterSession session = attempt.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            ClusterFacts facts = session.facts();
            listener.success(SOURCE, "Connected to " + context.name() + ": " + describe(facts));
            return new ConnectionOutcome.Connected(context, session);
        } catch (TimeoutException e) {
            abandoned.set(true);
            closeQuietly(clientRef.get());
            ConnectionFailure failure = FailureClassifier.timedOut(url, timeout.toSeconds(), "");
            return failed(context, failure, listener, e);
        } catch (ExecutionException e) {
            closeQuietly(clientRef.get());
            Throwable cause = e.getCause() == null ? e : e.getCause();
            ConnectionFailure failure = FailureClassifier.classify(cause, targetRef.get(), url, timeout.toSeconds());
            return failed(context, failure, listener, cause);
        } catch (InterruptedException e) {
            abandoned.set(true);
            closeQuietly(clientRef.get());
            Thread.currentThread().interrupt();
            ConnectionFailure failure = new ConnectionFailure(FailureKind.UNEXPECTED,
                    "Connecting to " + url + " was cancelled.", "Connect again when ready.", "");
            return new ConnectionOutcome.Failed(context, failure);
        } finally {
            worker.shutdownNow();
        }
    }

    private ClusterSession attempt(KubeconfigSet kubeconfigs, ContextEntry context, ConnectOptions options,
            ActivityListener listener, CountDownLatch localWorkDone, AtomicReference<KubernetesClient> clientRef,
            AtomicReference<ConnectionTarget> targetRef, AtomicBoolean abandoned) throws Exception {
        ConnectionTarget target = new ClientConfigFactory(httpClientFactory)
                .prepare(kubeconfigs, context, options, listener, localWorkDone::countDown);
        targetRef.set(target);
        KubernetesClient client = new KubernetesClientBuilder().withConfig(target.config())
                .withHttpClientFactory(target.httpClientFactory()).build();
        clientRef.set(client);
        localWorkDone.countDown();
        ClusterFacts facts = new ClusterProbe(client, target, listener).run();
        if (abandoned.get()) {
            client.close();
            throw new TimeoutException("abandoned after the deadline");
        }
        return new FabricClusterSession(context, facts, client);
    }

    private static ConnectionOutcome failed(ContextEntry context, ConnectionFailure failure, ActivityListener listener,
            Throwable cause) {
        if (failure.kind() == FailureKind.UNEXPECTED) {
            LOG.warn("Connecting to context {} failed: {} ({})", context.name(), failure.summary(), failure.kind(), cause);
        } else {
            // A classified failure (timeout, refused, TLS, 401...) is fully said by its summary: one line.
            LOG.warn("Connecting to context {} failed: {} ({})", context.name(), failure.summary(), failure.kind());
        }
        listener.error(SOURCE, failure.summary() + " " + failure.nextStep());
        return new ConnectionOutcome.Failed(context, failure);
    }

    private static String describe(ClusterFacts facts) {
        String version = facts.openshiftVersion() != null ? "OpenShift " + facts.openshiftVersion()
                : "Kubernetes " + facts.kubernetesVersion();
        return version + ", user " + facts.user() + (facts.clusterAdmin() ? " (cluster-admin)" : " (not cluster-admin)");
    }

    private static void closeQuietly(KubernetesClient client) {
        if (client != null) {
            try {
                client.close();
            } catch (RuntimeException e) {
                LOG.debug("Closing an abandoned client failed", e);
            }
        }
    }

    @Override
    public String toString() {
        return "FabricClusterConnector[" + Objects.toString(httpClientFactory.getClass().getSimpleName()) + "]";
    }
}
