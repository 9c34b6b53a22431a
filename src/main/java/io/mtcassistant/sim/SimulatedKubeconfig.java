package io.mtcassistant.sim;

import io.mtcassistant.common.AtomicFiles;
import io.fabric8.kubernetes.api.model.AuthInfoBuilder;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.ConfigBuilder;
import io.fabric8.kubernetes.api.model.NamedAuthInfoBuilder;
import io.fabric8.kubernetes.api.model.NamedClusterBuilder;
import io.fabric8.kubernetes.api.model.NamedContextBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes kubeconfig files for simulated clusters: one context per cluster (cluster and user named after the
 * context), with the cluster's CA unless it simulates an untrusted certificate.
 */
public final class SimulatedKubeconfig {

    /** How the kubeconfig user logs in. */
    public enum Login { TOKEN, PASSWORD, CLIENT_CERTIFICATE }

    private record Entry(String context, SimulatedCluster cluster, Login login) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private String currentContext;

    public SimulatedKubeconfig add(String context, SimulatedCluster cluster) {
        return add(context, cluster, Login.TOKEN);
    }

    public SimulatedKubeconfig add(String context, SimulatedCluster cluster, Login login) {
        entries.add(new Entry(context, cluster, login));
        if (currentContext == null) {
            currentContext = context;
        }
        return this;
    }

    public SimulatedKubeconfig currentContext(String context) {
        this.currentContext = context;
        return this;
    }

    public Config model() {
        ConfigBuilder builder = new ConfigBuilder().withApiVersion("v1").withKind("Config")
                .withCurrentContext(currentContext);
        for (Entry entry : entries) {
            SimulatedCluster cluster = entry.cluster();
            boolean trusted = cluster.failure() != SimulatedFailure.UNTRUSTED_TLS;
            String caData = trusted ? cluster.caCertificateBase64() : null;
            builder.addToClusters(new NamedClusterBuilder().withName(entry.context()).withNewCluster()
                    .withServer(cluster.url()).withCertificateAuthorityData(caData)
                    .withTlsServerName(cluster.serverNames().isEmpty() ? null : cluster.serverNames().get(0))
                    .endCluster().build());
            AuthInfoBuilder user = new AuthInfoBuilder();
            if (entry.login() == Login.PASSWORD) {
                user.withUsername(cluster.user().name()).withPassword(cluster.user().password());
            } else if (entry.login() == Login.CLIENT_CERTIFICATE) {
                List<String> pems = cluster.clientCertificatePem(cluster.user());
                java.util.Base64.Encoder base64 = java.util.Base64.getEncoder();
                user.withClientCertificateData(base64.encodeToString(pems.get(0).getBytes(StandardCharsets.US_ASCII)))
                        .withClientKeyData(base64.encodeToString(pems.get(1).getBytes(StandardCharsets.US_ASCII)));
            } else {
                user.withToken(cluster.user().token());
            }
            String userName = entry.context() + "-user";
            builder.addToUsers(new NamedAuthInfoBuilder().withName(userName).withUser(user.build()).build());
            builder.addToContexts(new NamedContextBuilder().withName(entry.context()).withNewContext()
                    .withCluster(entry.context()).withUser(userName).withNamespace("default").endContext().build());
        }
        return builder.build();
    }

    public String yaml() {
        return Serialization.asYaml(model());
    }

    /** Writes the file in one step (temporary file, then move), readable by the owner only: it holds tokens. */
    public Path write(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        AtomicFiles.write(target, yaml().getBytes(StandardCharsets.UTF_8), true);
        return target;
    }
}
