package io.mtcassistant.storage;

import io.mtcassistant.mirror.registry.TlsSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The workstation's check of a replication repository, step by step as a person would debug it: the name, the
 * port, TLS (or the lack of it), the keys, the bucket, then a probe object written, read back and deleted with
 * path-style requests. It stops at the first failure; later steps are reported as skipped.
 * <p>
 * Passing proves the workstation can use the bucket, not that the clusters can: MigStorage's own test (its
 * BackupStorageProviderTestFailed condition) runs from the control cluster.
 */
public final class RepositoryCheck {

    /** Probe objects go under this prefix and are deleted again; a crash may leave one behind, never more. */
    public static final String PROBE_PREFIX = "mtc-assistant-probe/";

    private static final Logger LOG = LoggerFactory.getLogger(RepositoryCheck.class);

    private final Duration timeout;

    public RepositoryCheck(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * @param createBucket create the bucket when it is missing (otherwise the bucket step fails)
     * @param progress told each step as it ends
     */
    public RepositoryCheckReport run(RepositoryTarget target, S3Keys keys, boolean createBucket,
            Consumer<CheckStep> progress) {
        Steps steps = new Steps(progress);
        LOG.info("Repository check of {} bucket {} with key {}", target.endpoint(), target.bucket(),
                keys.maskedAccessKeyId());
        InetAddress address = lookUp(target, steps);
        if (address != null && connect(target, address, steps) && transport(target, steps)) {
            try (S3Client s3 = S3ClientFactory.client(target, keys, timeout)) {
                if (credentialsAndBucket(s3, target, createBucket, steps)) {
                    probe(s3, target, keys, steps);
                }
            }
        }
        return steps.report(target);
    }

    private InetAddress lookUp(RepositoryTarget target, Steps steps) {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(target.host());
            steps.pass("name lookup", target.host() + " is " + Arrays.stream(addresses)
                    .map(InetAddress::getHostAddress).distinct().reduce((a, b) -> a + ", " + b).orElse("?"));
            return addresses[0];
        } catch (IOException e) {
            steps.fail("name lookup", e);
            return null;
        }
    }

    private boolean connect(RepositoryTarget target, InetAddress address, Steps steps) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, target.port()), (int) timeout.toMillis());
            return steps.pass("connection", "TCP port " + target.port() + " on " + address.getHostAddress() + " accepts");
        } catch (IOException e) {
            return steps.fail("connection", e);
        }
    }

    private boolean transport(RepositoryTarget target, Steps steps) {
        if (target.https()) {
            try (SSLSocket socket = handshake(target, S3ClientFactory.tls(target), !target.insecure())) {
                String protocol = socket.getSession().getProtocol();
                return steps.pass("TLS", protocol + (target.insecure()
                        ? ", certificate NOT verified (insecure)"
                        : ", certificate trusted" + target.caFile().map(f -> " (CA bundle " + f + ")").orElse("")));
            } catch (IOException e) {
                return steps.fail("TLS", e);
            }
        }
        // A TLS server behind an http:// URL fails later with an unreadable reply; one handshake tells it plainly.
        try (SSLSocket ignored = handshake(target, TlsSettings.context(List.of(), true), false)) {
            return steps.fail("plain HTTP", RepositoryProblem.HTTP_EXPECTED_HTTPS_FOUND,
                    "a TLS handshake on port " + target.port() + " succeeded");
        } catch (IOException e) {
            return steps.pass("plain HTTP", "no TLS on port " + target.port() + ": the traffic, keys' signatures "
                    + "included, is not encrypted");
        }
    }

    private SSLSocket handshake(RepositoryTarget target, SSLContext tls, boolean verifyName) throws IOException {
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(target.host(), target.port()), (int) timeout.toMillis());
            plain.setSoTimeout((int) timeout.toMillis());
            SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, target.host(), target.port(), true);
            if (verifyName) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                socket.setSSLParameters(parameters);
            }
            socket.startHandshake();
            return socket;
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    private boolean credentialsAndBucket(S3Client s3, RepositoryTarget target, boolean createBucket, Steps steps) {
        try {
            s3.listObjectsV2(r -> r.bucket(target.bucket()).maxKeys(1));
            steps.pass("credentials", "the endpoint accepted the signed request");
            return steps.pass("bucket", target.bucket() + " exists and the keys may list it");
        } catch (RuntimeException e) {
            RepositoryProblem problem = S3FailureClassifier.classify(e);
            if (problem != RepositoryProblem.BUCKET_MISSING && problem != RepositoryProblem.ACCESS_DENIED) {
                return steps.fail("credentials", e);
            }
            steps.pass("credentials", "the endpoint accepted the signed request");
            if (problem == RepositoryProblem.BUCKET_MISSING && createBucket) {
                return createBucket(s3, target, steps);
            }
            return steps.fail("bucket", e);
        }
    }

    private boolean createBucket(S3Client s3, RepositoryTarget target, Steps steps) {
        try {
            s3.createBucket(r -> r.bucket(target.bucket()));
            return steps.pass("bucket", target.bucket() + " was missing and is created");
        } catch (RuntimeException e) {
            return steps.fail("bucket", e);
        }
    }

    private void probe(S3Client s3, RepositoryTarget target, S3Keys keys, Steps steps) {
        String key = PROBE_PREFIX + UUID.randomUUID();
        byte[] content = ("MTC Assistant repository check " + Instant.now()).getBytes(StandardCharsets.UTF_8);
        try {
            s3.putObject(r -> r.bucket(target.bucket()).key(key), RequestBody.fromBytes(content));
            steps.pass("write", "put " + key + " (" + content.length + " bytes)");
        } catch (RuntimeException e) {
            boolean answered = e instanceof S3Exception
                    || S3FailureClassifier.classify(e) == RepositoryProblem.TIMED_OUT;
            if (answered) {
                steps.fail("write", e);
            } else {
                try (S3Client bodiless = S3ClientFactory.withoutChunkedEncoding(target, keys, timeout)) {
                    steps.fail("write", verdictWithoutBody(bodiless, target, key, e));
                }
            }
            return;
        }
        try {
            byte[] read = s3.getObjectAsBytes(r -> r.bucket(target.bucket()).key(key)).asByteArray();
            if (Arrays.equals(read, content)) {
                steps.pass("read", "got the same " + read.length + " bytes back");
            } else {
                steps.fail("read", RepositoryProblem.OBJECT_MISMATCH, "read " + read.length + " bytes, wrote "
                        + content.length);
            }
        } catch (RuntimeException e) {
            steps.fail("read", e);
        }
        try {
            s3.deleteObject(r -> r.bucket(target.bucket()).key(key));
            steps.pass("delete", "removed the probe object");
        } catch (RuntimeException e) {
            steps.fail("delete", e);
        }
        if (steps.allPassed()) {
            steps.pass("path-style", "requests as https://HOST/BUCKET/KEY work: MigStorage gets awsS3ForcePathStyle: true");
        }
    }

    /**
     * A server that refuses a PUT as soon as it has read the headers (s3proxy, some gateways) answers and closes the
     * connection while the body is still being sent, so the client sees a broken connection instead of the answer,
     * depending on timing. An empty PUT has no body to lose (given a client without aws-chunked encoding, which
     * frames even an empty object): its answer is the server's verdict on writing here. When it succeeds, the first
     * failure was the network's and is the one reported.
     */
    static RuntimeException verdictWithoutBody(S3Client s3, RepositoryTarget target, String key,
            RuntimeException first) {
        try {
            s3.putObject(r -> r.bucket(target.bucket()).key(key), RequestBody.empty());
        } catch (S3Exception refused) {
            return refused;
        } catch (RuntimeException again) {
            return first;
        }
        try {
            s3.deleteObject(r -> r.bucket(target.bucket()).key(key));
        } catch (RuntimeException ignored) {
            // the probe's own empty object; the failure to report is the first one
        }
        return first;
    }

    /** Collects the steps; after a failure, the names still to come are added as skipped. */
    private static final class Steps {
        private static final List<String> ORDER = List.of("name lookup", "connection", "TLS", "credentials", "bucket",
                "write", "read", "delete", "path-style");
        private final List<CheckStep> done = new ArrayList<>();
        private final Consumer<CheckStep> progress;

        Steps(Consumer<CheckStep> progress) {
            this.progress = progress;
        }

        boolean pass(String name, String detail) {
            add(CheckStep.passed(name, detail));
            return true;
        }

        boolean fail(String name, Throwable failure) {
            LOG.info("Repository check step {} failed: {}", name, S3FailureClassifier.describe(failure));
            return fail(name, S3FailureClassifier.classify(failure), S3FailureClassifier.describe(failure));
        }

        boolean fail(String name, RepositoryProblem problem, String detail) {
            add(CheckStep.failed(name, problem, detail));
            return false;
        }

        boolean allPassed() {
            return done.stream().allMatch(s -> s.status() == CheckStep.Status.PASSED);
        }

        private void add(CheckStep step) {
            done.add(step);
            progress.accept(step);
        }

        RepositoryCheckReport report(RepositoryTarget target) {
            List<CheckStep> steps = new ArrayList<>(done);
            if (!allPassed()) {
                String last = done.get(done.size() - 1).name();
                int from = ORDER.indexOf("plain HTTP".equals(last) ? "TLS" : last) + 1;
                for (String name : ORDER.subList(Math.max(from, 0), ORDER.size())) {
                    if (done.stream().noneMatch(s -> s.name().equals(name))) {
                        steps.add(CheckStep.skipped(name));
                    }
                }
            }
            return new RepositoryCheckReport(target, steps);
        }
    }
}
