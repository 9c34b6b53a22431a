package io.mtcassistant.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.internal.SSLUtils;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Honours a kubeconfig's tls-server-name, which fabric8 7.5 ignores: the server certificate is checked against
 * that name instead of the URL's host (as kubectl does when a cluster is reached through an IP or a tunnel).
 * The chain is still validated against the configured CA; only the name check moves.
 */
final class TlsServerNameHttpClientFactory extends JdkHttpClientFactory {

    private final Config config;
    private final String serverName;

    TlsServerNameHttpClientFactory(Config config, String serverName) {
        this.config = config;
        this.serverName = serverName;
    }

    @Override
    protected void additionalConfig(java.net.http.HttpClient.Builder builder) {
        try {
            KeyManager[] keyManagers = SSLUtils.keyManagers(config);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, new TrustManager[] {new ServerNameTrustManager(chainTrust(), serverName)}, null);
            builder.sslContext(context);
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up TLS for tls-server-name " + serverName + ": "
                    + e.getMessage(), e);
        }
    }

    private X509TrustManager chainTrust() throws Exception {
        TrustManager[] configured = SSLUtils.trustManagers(config);
        if (configured != null) {
            for (TrustManager manager : configured) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager available");
    }

    /** Validates the chain with the delegate (no host check), then matches the leaf against the server name. */
    static final class ServerNameTrustManager extends X509ExtendedTrustManager {

        private final X509TrustManager delegate;
        private final String serverName;

        ServerNameTrustManager(X509TrustManager delegate, String serverName) {
            this.delegate = delegate;
            this.serverName = serverName;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkServerTrusted(chain, authType);
            if (!matches(chain[0], serverName)) {
                throw new CertificateException("the server certificate is not issued for tls-server-name "
                        + serverName);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }

        /** DNS names (with a single-label wildcard) and IP addresses of the SAN; the CN only without DNS SANs. */
        static boolean matches(X509Certificate certificate, String name) throws CertificateParsingException {
            String wanted = name.toLowerCase(Locale.ROOT);
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            boolean hasDns = false;
            if (alternatives != null) {
                for (List<?> alternative : alternatives) {
                    int type = (Integer) alternative.get(0);
                    String value = String.valueOf(alternative.get(1)).toLowerCase(Locale.ROOT);
                    if (type == 2) {
                        hasDns = true;
                        if (dnsMatches(value, wanted)) {
                            return true;
                        }
                    } else if (type == 7 && value.equals(wanted)) {
                        return true;
                    }
                }
            }
            if (!hasDns) {
                try {
                    for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                        if ("CN".equalsIgnoreCase(rdn.getType()) && dnsMatches(
                                String.valueOf(rdn.getValue()).toLowerCase(Locale.ROOT), wanted)) {
                            return true;
                        }
                    }
                } catch (InvalidNameException e) {
                    return false;
                }
            }
            return false;
        }

        private static boolean dnsMatches(String pattern, String name) {
            if (pattern.startsWith("*.")) {
                int dot = name.indexOf('.');
                return dot > 0 && name.substring(dot).equals(pattern.substring(1));
            }
            return pattern.equals(name);
        }
    }
}
