package io.mtcassistant.sim;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The simulated token controller for service accounts: fills {@code kubernetes.io/service-account-token} Secrets
 * with a token that the simulated API server then accepts for the service account (as cluster-admin, which
 * migration-controller is). OpenShift 3 and 4.10 and earlier make such a Secret for every service account by
 * themselves ({@link #seedLegacyToken}); 4.11 and later only fill the ones someone creates.
 */
public final class SimulatedServiceAccountTokens implements AutoCloseable {

    public static final String TOKEN_TYPE = "kubernetes.io/service-account-token";
    public static final String SA_ANNOTATION = "kubernetes.io/service-account.name";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SimulatedCluster cluster;
    private final Thread thread;
    private volatile boolean closed;

    private SimulatedServiceAccountTokens(SimulatedCluster cluster) {
        this.cluster = cluster;
        this.thread = new Thread(this::run, "sim-token-controller-" + cluster.name());
        thread.setDaemon(true);
    }

    /** Starts filling token Secrets on this cluster. */
    public static SimulatedServiceAccountTokens start(SimulatedCluster cluster) {
        SimulatedServiceAccountTokens tokens = new SimulatedServiceAccountTokens(cluster);
        tokens.thread.start();
        return tokens;
    }

    /** The service account and its auto-created token Secret, as OpenShift 3 and 4.0-4.10 have them. */
    public static void seedLegacyToken(SimulatedCluster cluster, String namespace, String serviceAccount) {
        String secretName = serviceAccount + "-token-" + Long.toString(RANDOM.nextLong() >>> 40, 36);
        String token = newToken();
        try (KubernetesClient client = cluster.controllerClient()) {
            seed(client, namespace, serviceAccount, secretName, token);
        }
        cluster.acceptToken(new SimulatedUser("system:serviceaccount:" + namespace + ":" + serviceAccount, token,
                null, true));
    }

    private static void seed(KubernetesClient client, String namespace, String serviceAccount, String secretName,
            String token) {
        SimulatedObjects.ignoreConflict(() -> client.serviceAccounts().inNamespace(namespace).resource(new ServiceAccountBuilder()
                .withNewMetadata().withName(serviceAccount).withNamespace(namespace).endMetadata()
                .addNewSecret().withName(secretName).endSecret().build()).create());
        client.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName(secretName)
                .withNamespace(namespace).addToAnnotations(SA_ANNOTATION, serviceAccount).endMetadata()
                .withType(TOKEN_TYPE).addToData("token", SimulatedObjects.base64(token)).build()).create();
    }

    private void run() {
        try (KubernetesClient client = cluster.controllerClient()) {
            run(client);
        }
    }

    private void run(KubernetesClient client) {
        while (!closed) {
            try {
                fillPending(client);
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the simulation is shutting down or the API is suspended; try again
            }
        }
    }

    private void fillPending(KubernetesClient client) {
        for (Secret secret : client.secrets().inAnyNamespace().list().getItems()) {
            Map<String, String> data = secret.getData();
            String serviceAccount = secret.getMetadata().getAnnotations() == null ? null
                    : secret.getMetadata().getAnnotations().get(SA_ANNOTATION);
            if (!TOKEN_TYPE.equals(secret.getType()) || serviceAccount == null
                    || (data != null && data.containsKey("token"))) {
                continue;
            }
            String token = newToken();
            String namespace = secret.getMetadata().getNamespace();
            cluster.acceptToken(new SimulatedUser("system:serviceaccount:" + namespace + ":" + serviceAccount, token,
                    null, true));
            client.secrets().inNamespace(namespace).withName(secret.getMetadata().getName()).edit(s -> {
                s.setData(new java.util.LinkedHashMap<>(s.getData() == null ? Map.of() : s.getData()));
                s.getData().put("token", SimulatedObjects.base64(token));
                return s;
            });
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "sim-sa-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
