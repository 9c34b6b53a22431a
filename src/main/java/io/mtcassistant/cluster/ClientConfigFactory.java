package io.mtcassistant.cluster;

import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.Cluster;
import io.fabric8.kubernetes.api.model.ExecConfig;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import io.mtcassistant.common.ActivityListener;
import io.mtcassistant.common.SecretMasker;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Turns a context of the loaded kubeconfig files into a fabric8 {@link Config}, never reading the user's own
 * ~/.kube/config or environment. Checks what kubectl would complain about (missing cluster, user or certificate
 * files) and runs the credential steps that can fail on their own (exec plugin, token file, OpenShift password
 * log-in), so each failure can be named.
 */
final class ClientConfigFactory {

    private static final String SOURCE = "Clusters";

    private final HttpClient.Factory httpClientFactory;

    ClientConfigFactory(HttpClient.Factory httpClientFactory) {
        this.httpClientFactory = httpClientFactory;
    }

    ConnectionTarget prepare(KubeconfigSet kubeconfigs, ContextEntry context, ConnectOptions options,
            ActivityListener activity) throws ConnectionProblem, Exception {
        return prepare(kubeconfigs, context, options, activity, () -> { });
    }

    /** @param beforeNetwork called before the first step that waits on something outside this process */
    ConnectionTarget prepare(KubeconfigSet kubeconfigs, ContextEntry context, ConnectOptions options,
            ActivityListener activity, Runnable beforeNetwork) throws ConnectionProblem, Exception {
        List<Path> files = kubeconfigs.files();
        List<io.fabric8.kubernetes.api.model.Config> parsed;
        try {
            parsed = new KubeconfigFiles().parse(files);
        } catch (KubeconfigException e) {
            throw malformed(e.getMessage(), e.file(), e);
        }
        int contextIndex = indexOf(parsed, p -> p.getContexts(), NamedContext::getName, context.name());
        if (contextIndex < 0) {
            throw malformed("the context '" + context.name() + "' is no longer in the kubeconfig files", null, null);
        }
        NamedContext namedContext = parsed.get(contextIndex).getContexts().stream()
                .filter(c -> c.getName().equals(context.name())).findFirst().orElseThrow();
        Path contextFile = files.get(contextIndex);
        String clusterName = namedContext.getContext() == null ? null : namedContext.getContext().getCluster();
        if (clusterName == null || clusterName.isBlank()) {
            throw malformed("the context '" + context.name() + "' in " + contextFile + " names no cluster", contextFile,
                    null);
        }
        int clusterIndex = indexOf(parsed, p -> p.getClusters(), NamedCluster::getName, clusterName);
        if (clusterIndex < 0) {
            throw malformed("the context '" + context.name() + "' in " + contextFile + " points at cluster '"
                    + clusterName + "', which none of the kubeconfig files defines", contextFile, null);
        }
        Path clusterFile = files.get(clusterIndex);
        Cluster cluster = parsed.get(clusterIndex).getClusters().stream().filter(c -> c.getName().equals(clusterName))
                .findFirst().map(NamedCluster::getCluster).orElse(null);
        String server = cluster == null ? null : cluster.getServer();
        if (server == null || server.isBlank()) {
            throw malformed("the cluster '" + clusterName + "' in " + clusterFile + " has no server URL", clusterFile,
                    null);
        }
        checkServerUrl(server, clusterName, clusterFile);
        if (cluster.getCertificateAuthority() != null && options.caFile() == null && !options.skipTlsVerify()) {
            requireFile(clusterFile, cluster.getCertificateAuthority(), "certificate-authority of cluster '"
                    + clusterName + "'");
        }

        String contextUser = namedContext.getContext().getUser();
        String userName = contextUser == null || contextUser.isBlank() ? null : contextUser;
        CredentialKind credential = CredentialKind.NONE;
        ExecConfig exec = null;
        Path userFile = null;
        Path tokenFile = null;
        if (userName != null) {
            int userIndex = indexOf(parsed, p -> p.getUsers(), NamedAuthInfo::getName, userName);
            if (userIndex < 0) {
                throw malformed("the context '" + context.name() + "' in " + contextFile + " names user '" + userName
                        + "', which none of the kubeconfig files defines", contextFile, null);
            }
            userFile = files.get(userIndex);
            AuthInfo user = parsed.get(userIndex).getUsers().stream().filter(u -> u.getName().equals(contextUser))
                    .findFirst().map(NamedAuthInfo::getUser).orElse(null);
            if (user != null) {
                credential = credentialKind(user);
                String what = "of user '" + userName + "'";
                if (user.getClientCertificate() != null) {
                    requireFile(userFile, user.getClientCertificate(), "client-certificate " + what);
                }
                if (user.getClientKey() != null) {
                    requireFile(userFile, user.getClientKey(), "client-key " + what);
                }
                if (credential == CredentialKind.TOKEN_FILE) {
                    tokenFile = requireFile(userFile, user.getTokenFile(), "tokenFile " + what);
                }
                if (user.getExec() != null) {
                    exec = user.getExec();
                    user.setExec(null); // run below, by us, so its stderr can be shown
                }
            }
        }

        Config merged = Config.empty();
        try {
            KubeConfigUtils.merge(merged, context.name(), parsed.toArray(io.fabric8.kubernetes.api.model.Config[]::new));
        } catch (RuntimeException e) {
            throw malformed("the context '" + context.name() + "' cannot be used: " + SecretMasker.mask(rootMessage(e)),
                    contextFile, e);
        }
        int millis = (int) Math.min(Integer.MAX_VALUE, options.timeout().toMillis());
        ConfigBuilder builder = new ConfigBuilder(merged)
                .withAutoConfigure(false)
                .withConnectionTimeout(millis)
                .withRequestTimeout(millis)
                .withRequestRetryBackoffLimit(0);
        String proxyUrl = cluster.getProxyUrl();
        if (proxyUrl != null && !proxyUrl.isBlank()) {
            // fabric8 puts an http:// proxy-url only into httpProxy, which it ignores for https servers; kubectl
            // sends every request of the cluster through proxy-url
            if (proxyUrl.startsWith("socks5://")) {
                throw new ConnectionProblem(new ConnectionFailure(FailureKind.UNEXPECTED,
                        "The cluster '" + clusterName + "' uses a SOCKS proxy (proxy-url " + proxyUrl + "), which this "
                                + "app cannot use.",
                        "Use an HTTP proxy in proxy-url, or reach the API server without a proxy.", ""));
            }
            builder.withHttpProxy(proxyUrl.trim()).withHttpsProxy(proxyUrl.trim());
            activity.info(SOURCE, "Using the proxy " + SecretMasker.mask(proxyUrl.trim()) + " (proxy-url)");
        }
        if (options.caFile() != null) {
            Path ca = options.caFile().toAbsolutePath();
            if (!Files.isReadable(ca)) {
                throw new ConnectionProblem(new ConnectionFailure(FailureKind.TLS_UNTRUSTED,
                        "The CA file " + ca + " cannot be read.",
                        "Choose the PEM file with the cluster's CA certificate (for example from the cluster's "
                                + "kubeconfig or /etc/origin/master/ca.crt on an OpenShift 3 master).", ""));
            }
            builder.withCaCertFile(ca.toString()).withCaCertData(null).withTrustCerts(false)
                    .withDisableHostnameVerification(false);
        }
        if (options.skipTlsVerify()) {
            builder.withTrustCerts(true).withDisableHostnameVerification(true);
            activity.warning(SOURCE, "TLS verification is switched off for context " + context.name());
        }
        if (tokenFile != null) {
            try {
                builder.withOauthTokenProvider(new TokenFileProvider(tokenFile));
            } catch (IOException e) {
                throw malformed("the tokenFile " + tokenFile + " of user '" + userName + "' cannot be read", userFile, e);
            }
        }
        if (exec != null) {
            beforeNetwork.run();
            runExecPlugin(exec, userFile, options, builder, activity);
        }
        Config config = builder.build();
        String tlsServerName = cluster.getTlsServerName();
        boolean checkServerName = tlsServerName != null && !tlsServerName.isBlank() && !config.isTrustCerts();
        if (checkServerName) {
            activity.info(SOURCE, "Checking the server certificate against tls-server-name " + tlsServerName);
        }
        HttpClient.Factory factory = checkServerName
                ? new TlsServerNameHttpClientFactory(config, tlsServerName.trim()) : httpClientFactory;
        if (credential == CredentialKind.PASSWORD && config.getUsername() != null && config.getPassword() != null) {
            beforeNetwork.run();
            config = passwordLogin(config, userName, factory, activity);
            if (checkServerName) {
                factory = new TlsServerNameHttpClientFactory(config, tlsServerName.trim());
            }
        }
        return new ConnectionTarget(context, config, server, userName, credential, factory);
    }

    private void runExecPlugin(ExecConfig exec, Path userFile, ConnectOptions options, ConfigBuilder builder,
            ActivityListener activity) throws ConnectionProblem, InterruptedException {
        // a little less than the whole deadline, so a hanging plugin is reported as such and not as a slow server
        Duration pluginTimeout = options.timeout().multipliedBy(4).dividedBy(5);
        ExecCredentialPlugin plugin = new ExecCredentialPlugin(exec, userFile == null ? null : userFile.getParent(),
                pluginTimeout);
        activity.info(SOURCE, "Running exec credential plugin '" + exec.getCommand() + "'");
        ExecCredentialPlugin.Credential credential;
        try {
            credential = plugin.run();
        } catch (ExecCredentialPlugin.Failure e) {
            String stderr = SecretMasker.mask(e.stderr());
            throw new ConnectionProblem(new ConnectionFailure(FailureKind.EXEC_PLUGIN_FAILED,
                    "Getting credentials failed: " + e.getMessage() + ".",
                    "Run the command yourself in a terminal to see what it needs (often a fresh log-in), or use an "
                            + "absolute path to the command in the kubeconfig if it is not found.",
                    stderr.isEmpty() ? "(the plugin wrote nothing on stderr)" : "stderr: " + stderr));
        }
        if (credential.token() != null) {
            builder.withOauthTokenProvider(new ExecTokenProvider(plugin, credential));
        } else {
            String keyData = base64(credential.clientKeyPem());
            builder.withClientCertData(base64(credential.clientCertificatePem())).withClientKeyData(keyData)
                    .withClientKeyAlgo(keyAlgorithm(keyData));
        }
        activity.success(SOURCE, "Exec credential plugin '" + exec.getCommand() + "' returned "
                + (credential.token() != null ? "a token" : "a client certificate"));
    }

    private Config passwordLogin(Config config, String userName, HttpClient.Factory factory, ActivityListener activity)
            throws Exception {
        String username = config.getUsername();
        String password = config.getPassword();
        Config withoutCredentials = new ConfigBuilder(config).withAutoConfigure(false).withUsername(null)
                .withPassword(null).build();
        activity.info(SOURCE, "Requesting an OAuth token for '" + username + "' (GET /.well-known/"
                + "oauth-authorization-server, /oauth/authorize)");
        try {
            String token = new OpenShiftPasswordLogin(factory).token(withoutCredentials, username, password);
            activity.success(SOURCE, "OAuth token received for '" + username + "'");
            return new ConfigBuilder(withoutCredentials).withAutoConfigure(false).withOauthToken(token).build();
        } catch (OpenShiftPasswordLogin.Rejected e) {
            throw new ConnectionProblem(new ConnectionFailure(FailureKind.UNAUTHORIZED,
                    "Logging in as '" + username + "' failed: " + e.getMessage() + ".",
                    e.badCredentials()
                            ? "Check the user name and password of user '" + userName + "' in the kubeconfig, or log in "
                                    + "with `oc login` and use the token it writes."
                            : "Use a context with a token or a client certificate.", ""));
        }
    }

    private static CredentialKind credentialKind(AuthInfo user) {
        if (user.getExec() != null) {
            return CredentialKind.EXEC_PLUGIN;
        }
        if (user.getToken() != null && !user.getToken().isBlank()) {
            return CredentialKind.TOKEN;
        }
        if (user.getTokenFile() != null && !user.getTokenFile().isBlank()) {
            return CredentialKind.TOKEN_FILE;
        }
        if (user.getClientCertificate() != null || user.getClientCertificateData() != null) {
            return CredentialKind.CLIENT_CERTIFICATE;
        }
        if (user.getUsername() != null && user.getPassword() != null) {
            return CredentialKind.PASSWORD;
        }
        if (user.getAuthProvider() != null) {
            return CredentialKind.AUTH_PROVIDER;
        }
        return CredentialKind.NONE;
    }

    private static void checkServerUrl(String server, String clusterName, Path file) throws ConnectionProblem {
        try {
            URI uri = URI.create(server.trim());
            if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                throw malformed("the server URL '" + server + "' of cluster '" + clusterName + "' in " + file
                        + " is not an http(s) URL", file, null);
            }
        } catch (IllegalArgumentException e) {
            throw malformed("the server URL '" + server + "' of cluster '" + clusterName + "' in " + file
                    + " is not a valid URL", file, e);
        }
    }

    private static Path requireFile(Path kubeconfig, String value, String what) throws ConnectionProblem {
        Path path = Path.of(value);
        if (!path.isAbsolute() && kubeconfig != null) {
            path = kubeconfig.getParent().resolve(path).normalize();
        }
        if (!Files.isReadable(path)) {
            throw malformed("the " + what + " in " + kubeconfig + " names " + path + ", which "
                    + (Files.exists(path) ? "cannot be read" : "does not exist"), kubeconfig, null);
        }
        return path;
    }

    private static <T> int indexOf(List<io.fabric8.kubernetes.api.model.Config> parsed,
            java.util.function.Function<io.fabric8.kubernetes.api.model.Config, List<T>> entries,
            java.util.function.Function<T, String> name, String wanted) {
        for (int i = 0; i < parsed.size(); i++) {
            List<T> list = entries.apply(parsed.get(i));
            if (list != null && list.stream().anyMatch(e -> wanted.equals(name.apply(e)))) {
                return i;
            }
        }
        return -1;
    }

    static ConnectionProblem malformed(String problem, Path file, Throwable cause) {
        ConnectionFailure failure = new ConnectionFailure(FailureKind.MALFORMED_KUBECONFIG,
                "The kubeconfig cannot be used: " + problem + ".",
                "Fix the kubeconfig file" + (file == null ? "" : " " + file) + " (or get a fresh one from the cluster "
                        + "administrator), then load it again.", "");
        return cause == null ? new ConnectionProblem(failure) : new ConnectionProblem(failure, cause);
    }

    private static String base64(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
    }

    private static String keyAlgorithm(String keyData) {
        try {
            String algorithm = Config.getKeyAlgorithm(null, keyData);
            return algorithm == null ? "RSA" : algorithm;
        } catch (RuntimeException e) {
            return "RSA";
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
