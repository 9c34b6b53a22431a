package io.mtcassistant.mirror.registry;

import io.mtcassistant.mirror.MirrorException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/** Builds the SSLContext for one registry: system trust plus extra CA files, or (explicitly) no verification. */
public final class TlsSettings {

    private TlsSettings() {
    }

    public static SSLContext context(List<Path> caFiles, boolean insecure) {
        try {
            if (insecure) {
                return Insecure.CONTEXT;
            }
            if (caFiles.isEmpty()) {
                return SSLContext.getDefault();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            // Keep the system CAs: a blob redirect may go to public object storage.
            int n = 0;
            for (X509Certificate cert : SystemTrust.ISSUERS) {
                store.setCertificateEntry("system-" + n++, cert);
            }
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Path caFile : caFiles) {
                try (InputStream in = Files.newInputStream(caFile)) {
                    for (Certificate cert : factory.generateCertificates(in)) {
                        store.setCertificateEntry("extra-" + n++, cert);
                    }
                } catch (IOException | CertificateException e) {
                    throw MirrorException.badInput("CA file " + caFile + " cannot be read as PEM certificates: " + e.getMessage());
                }
            }
            TrustManagerFactory factoryWithCa = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factoryWithCa.init(store);
            context.init(null, factoryWithCa.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** One context without verification for every registry the user turned it off for (it holds no per-registry state). */
    private static final class Insecure {
        static final SSLContext CONTEXT = create();

        private static SSLContext create() {
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {new TrustAll()}, null);
                return context;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
            }
        }
    }

    /** The system's CA certificates, read once: each registry with its own CA file used to parse the whole cacerts again. */
    private static final class SystemTrust {
        static final List<X509Certificate> ISSUERS = read();

        private static List<X509Certificate> read() {
            try {
                TrustManagerFactory systemFactory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                systemFactory.init((KeyStore) null);
                List<X509Certificate> issuers = new ArrayList<>();
                for (TrustManager tm : systemFactory.getTrustManagers()) {
                    if (tm instanceof X509TrustManager x509) {
                        issuers.addAll(List.of(x509.getAcceptedIssuers()));
                    }
                }
                return List.copyOf(issuers);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot read the system CA certificates: " + e.getMessage(), e);
            }
        }
    }

    /** CA files the container tools keep per registry: /etc/containers/certs.d/HOST[:PORT]/*.crt and the docker equivalent. */
    public static List<Path> standardCaFiles(String registry) {
        List<Path> result = new ArrayList<>();
        for (String base : List.of("/etc/containers/certs.d", "/etc/docker/certs.d")) {
            Path dir = Path.of(base, registry);
            if (Files.isDirectory(dir)) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.crt")) {
                    files.forEach(result::add);
                } catch (IOException e) {
                    // An unreadable certs.d entry is the same as none; the TLS error will say what to do.
                }
            }
        }
        return result;
    }

    /**
     * Accepts any certificate and host name. Extending X509ExtendedTrustManager matters: JSSE
     * skips its own host name check only for this kind of trust manager.
     */
    private static final class TrustAll extends X509ExtendedTrustManager {
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType) { }
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) { }
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }
        @Override public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
