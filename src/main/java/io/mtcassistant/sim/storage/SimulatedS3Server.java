package io.mtcassistant.sim.storage;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small S3 server inside this process for the demo: plain HTTP on 127.0.0.1 and a free port (the JDK's HttpServer
 * behind a {@link TlsProbeRefusingFront}), path-style requests,
 * objects in memory. It checks AWS Signature Version 4 for real (header signatures, aws-chunked chunk and trailer
 * signatures, payload hashes and checksums), so a wrong secret is SignatureDoesNotMatch, an unknown key
 * InvalidAccessKeyId and a missing bucket NoSuchBucket, as on a real endpoint. It is a simulation of the few
 * operations the repository check and the simulated MTC controller use (see {@link S3Operations}), not an
 * object store: no TLS, no policies (every known key may do everything), no multipart, versions or presigned URLs.
 */
public final class SimulatedS3Server implements AutoCloseable {

    /** What GetBucketLocation and HeadBucket report; requests signed for any region are accepted. */
    public static final String REGION = "us-east-1";
    /** Objects live in memory: anything larger is refused with EntityTooLarge. */
    public static final int MAX_OBJECT_BYTES = 64 * 1024 * 1024;

    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final InMemoryBuckets buckets = new InMemoryBuckets();
    private final HttpServer server;
    private final ExecutorService workers;
    private final TlsProbeRefusingFront front;

    private SimulatedS3Server() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        workers = Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "sim-s3-server");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(workers);
        server.createContext("/", new S3Operations(buckets, new SigV4Verification(
                id -> Optional.ofNullable(secrets.get(id)), Clock.systemUTC()), REGION, MAX_OBJECT_BYTES));
        server.start();
        try {
            front = new TlsProbeRefusingFront(server.getAddress().getPort());
        } catch (IOException e) {
            server.stop(0);
            workers.shutdownNow();
            throw e;
        }
    }

    /** Starts a server that knows one key pair. */
    public static SimulatedS3Server start(String accessKeyId, String secretAccessKey) {
        try {
            SimulatedS3Server s3 = new SimulatedS3Server();
            return s3.addKey(accessKeyId, secretAccessKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a port on 127.0.0.1 for the simulated S3 server", e);
        }
    }

    /** Another key pair the server accepts (with the same rights as every other). */
    public SimulatedS3Server addKey(String accessKeyId, String secretAccessKey) {
        if (accessKeyId == null || accessKeyId.isBlank() || secretAccessKey == null || secretAccessKey.isEmpty()) {
            throw new IllegalArgumentException("access key ID and secret access key must not be empty");
        }
        secrets.put(accessKeyId, secretAccessKey);
        return this;
    }

    /** Creates the bucket unless it exists. */
    public SimulatedS3Server createBucket(String name) {
        buckets.create(name);
        return this;
    }

    public boolean bucketExists(String name) {
        return buckets.exists(name);
    }

    /** The objects in {@code bucket} (0 when there is no such bucket). */
    public int objectCount(String bucket) {
        return buckets.exists(bucket) ? buckets.objects(bucket).size() : 0;
    }

    /** A stored object's content. */
    public Optional<byte[]> object(String bucket, String key) {
        return buckets.exists(bucket) ? buckets.get(bucket, key).map(o -> o.content().clone()) : Optional.empty();
    }

    /** {@code http://127.0.0.1:PORT}: what a NooBaa status or a MigStorage names as the S3 URL. */
    public URI endpoint() {
        return URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + front.port());
    }

    @Override
    public void close() {
        front.close();
        server.stop(0);
        workers.shutdownNow();
    }
}
