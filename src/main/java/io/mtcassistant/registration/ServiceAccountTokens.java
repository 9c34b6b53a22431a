package io.mtcassistant.registration;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtcassistant.cluster.OpenShiftVersion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * The token of the migration-controller service account on a remote cluster, the way that lasts: OpenShift 3 and
 * 4.10 and earlier keep one in an auto-made token Secret; 4.11 and later make none, and the short-lived tokens of
 * {@code oc create token} expire and break the MigCluster later, so a long-lived
 * {@code kubernetes.io/service-account-token} Secret is created for it.
 */
public final class ServiceAccountTokens {

    public static final String NAMESPACE = "openshift-migration";
    public static final String SERVICE_ACCOUNT = "migration-controller";
    public static final String LONG_LIVED_SECRET = "migration-controller-long-lived-token";
    static final String TOKEN_TYPE = "kubernetes.io/service-account-token";
    static final String SA_ANNOTATION = "kubernetes.io/service-account.name";

    private ServiceAccountTokens() {
    }

    /** OpenShift 4.11 and later no longer make token Secrets for service accounts. */
    public static boolean needsLongLivedSecret(OpenShiftVersion version) {
        return version.isAtLeast(4, 11);
    }

    /** A token of migration-controller from a token Secret already on the cluster (the long-lived one first). */
    public static Optional<String> existing(KubernetesClient remote) {
        return remote.secrets().inNamespace(NAMESPACE).list().getItems().stream()
                .filter(ServiceAccountTokens::isTokenOfMigrationController)
                .sorted(Comparator.comparing((Secret s) -> !LONG_LIVED_SECRET.equals(s.getMetadata().getName())))
                .map(ServiceAccountTokens::token).flatMap(Optional::stream).findFirst();
    }

    /** The long-lived token Secret that 4.11+ needs; the cluster's token controller fills in the token. */
    public static Secret longLivedSecret() {
        return new SecretBuilder().withNewMetadata().withName(LONG_LIVED_SECRET).withNamespace(NAMESPACE)
                .addToAnnotations(SA_ANNOTATION, SERVICE_ACCOUNT)
                .addToLabels("app.kubernetes.io/managed-by", "mtc-assistant").endMetadata()
                .withType(TOKEN_TYPE).build();
    }

    /**
     * The token of a remote cluster: an existing token Secret's, else (4.11+) the long-lived Secret is created and
     * its token awaited.
     *
     * @throws IllegalStateException in plain words when there is none
     */
    public static String obtain(KubernetesClient remote, OpenShiftVersion version, Duration timeout)
            throws InterruptedException {
        Optional<String> existing = existing(remote);
        if (existing.isPresent()) {
            return existing.get();
        }
        if (!needsLongLivedSecret(version)) {
            throw new IllegalStateException("OpenShift " + version + " has no token Secret for " + SERVICE_ACCOUNT
                    + " in " + NAMESPACE + ": is MTC installed on this cluster?");
        }
        if (remote.secrets().inNamespace(NAMESPACE).withName(LONG_LIVED_SECRET).get() == null) {
            remote.secrets().inNamespace(NAMESPACE).resource(longLivedSecret()).create();
        }
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<String> token = token(remote.secrets().inNamespace(NAMESPACE).withName(LONG_LIVED_SECRET).get());
            if (token.isPresent()) {
                return token.get();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the token controller did not fill " + NAMESPACE + "/" + LONG_LIVED_SECRET
                + " within " + timeout.toSeconds() + " s: does the service account " + SERVICE_ACCOUNT + " exist?");
    }

    private static boolean isTokenOfMigrationController(Secret secret) {
        Map<String, String> annotations = secret.getMetadata().getAnnotations();
        return TOKEN_TYPE.equals(secret.getType()) && annotations != null
                && SERVICE_ACCOUNT.equals(annotations.get(SA_ANNOTATION));
    }

    private static Optional<String> token(Secret secret) {
        if (secret == null || secret.getData() == null || secret.getData().get("token") == null) {
            return Optional.empty();
        }
        return Optional.of(new String(Base64.getDecoder().decode(secret.getData().get("token")),
                StandardCharsets.UTF_8));
    }
}
