package io.mtcassistant.storage.testsupport;

import io.mtcassistant.mirror.testsupport.TestCertificates;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;
import org.jclouds.rest.AuthorizationException;

/**
 * A real S3 server for tests: s3proxy (jetty + jclouds' in-memory blob store) on 127.0.0.1, plain HTTP and HTTPS on
 * two free ports, AWS signature V2/V4 checked against one read-write and one read-only key pair. The HTTPS certificate is a
 * self-signed one made by the test ({@link #caFile()} is what a client must trust).
 */
public final class LocalS3Server implements AutoCloseable {

    public static final String ACCESS_KEY = "AKIAMTCTESTACCESS01";
    public static final String SECRET_KEY = "mtc-test-secret-key-0123456789abcdefXYZ";
    /** A second key the server knows, which may list and read every bucket but write none (AccessDenied). */
    public static final String READ_ONLY_ACCESS_KEY = "AKIAMTCTESTREADONLY1";
    public static final String READ_ONLY_SECRET_KEY = "mtc-test-read-only-secret-0123456789ABC";

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final Path caFile;

    private LocalS3Server(S3Proxy proxy, BlobStoreContext context, Path caFile) {
        this.proxy = proxy;
        this.context = context;
        this.caFile = caFile;
    }

    /** Starts the server; {@code dir} receives the certificate files. */
    public static LocalS3Server start(Path dir) throws Exception {
        TestCertificates certificates = TestCertificates.create(dir, "s3-server");
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        char[] password = "s3-test".toCharArray();
        keyStore.setKeyEntry("server", certificates.keyPair().getPrivate(), password,
                new Certificate[] {certificates.certificate()});
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, password);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);

        BlobStoreContext context = ContextBuilder.newBuilder("transient")
                .credentials("identity", "credential").overrides(new Properties()).build(BlobStoreContext.class);
        String host = InetAddress.getLoopbackAddress().getHostAddress();
        S3Proxy proxy = S3Proxy.builder().blobStore(context.getBlobStore())
                .endpoint(URI.create("http://" + host + ":0"))
                .secureEndpoint(URI.create("https://" + host + ":0"))
                .sslContext(tls)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        BlobStore store = context.getBlobStore();
        BlobStore readOnly = new ReadOnly(store);
        proxy.setBlobStoreLocator((identity, container, blob) -> ACCESS_KEY.equals(identity)
                ? Map.entry(SECRET_KEY, store)
                : READ_ONLY_ACCESS_KEY.equals(identity) ? Map.entry(READ_ONLY_SECRET_KEY, readOnly) : null);
        proxy.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (!"STARTED".equals(proxy.getState())) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
            }
            Thread.sleep(20);
        }
        return new LocalS3Server(proxy, context, certificates.certFile());
    }

    /** s3proxy answers a blob store's AuthorizationException with 403 AccessDenied, as S3 does for a missing grant. */
    private static final class ReadOnly extends ForwardingBlobStore {
        ReadOnly(BlobStore store) {
            super(store);
        }

        @Override
        public String putBlob(String container, Blob blob) {
            throw new AuthorizationException(READ_ONLY_ACCESS_KEY + " may not write to " + container);
        }

        @Override
        public String putBlob(String container, Blob blob, PutOptions options) {
            throw new AuthorizationException(READ_ONLY_ACCESS_KEY + " may not write to " + container);
        }
    }

    public URI httpEndpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    public URI httpsEndpoint() {
        return URI.create("https://127.0.0.1:" + proxy.getSecurePort());
    }

    /** The PEM file of the HTTPS certificate (self-signed, so it is its own CA). */
    public Path caFile() {
        return caFile;
    }

    public void createBucket(String name) {
        context.getBlobStore().createContainerInLocation(null, name);
    }

    public boolean bucketExists(String name) {
        return context.getBlobStore().containerExists(name);
    }

    /** Number of objects in a bucket (the check must leave none behind). */
    public long objectCount(String bucket) {
        return context.getBlobStore().countBlobs(bucket);
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
    }
}
