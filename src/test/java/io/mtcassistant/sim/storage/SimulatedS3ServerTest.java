package io.mtcassistant.sim.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtcassistant.storage.CheckStep;
import io.mtcassistant.storage.RepositoryCheck;
import io.mtcassistant.storage.RepositoryCheckReport;
import io.mtcassistant.storage.RepositoryProblem;
import io.mtcassistant.storage.RepositoryTarget;
import io.mtcassistant.storage.S3Keys;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The demo's S3 server driven by the AWS SDK for Java v2 the product uses: the repository check passes, its wrong-key,
 * wrong-secret and missing-bucket paths are the real S3 errors, and aws-chunked uploads (signed chunks, signed and
 * unsigned trailers with checksums) are decoded and verified.
 */
class SimulatedS3ServerTest {

    static final String KEY = "DEMOACCESSKEY0000000";
    static final String SECRET = "demo-secret-access-key";
    static final RepositoryCheck CHECK = new RepositoryCheck(Duration.ofSeconds(5));
    static final List<String> PAYLOAD_MODES = new CopyOnWriteArrayList<>();

    static SimulatedS3Server s3;

    @BeforeAll
    static void start() {
        s3 = SimulatedS3Server.start(KEY, SECRET).createBucket("migration");
    }

    @AfterAll
    static void stop() {
        s3.close();
    }

    static RepositoryCheckReport check(String bucket, S3Keys keys, boolean createBucket) {
        return CHECK.run(RepositoryTarget.of(s3.endpoint().toString(), bucket, null, null, false), keys, createBucket,
                step -> { });
    }

    @Test
    void theRepositoryCheckPassesAndLeavesNoProbeObject() {
        RepositoryCheckReport report = check("migration", new S3Keys(KEY, SECRET), false);
        assertThat(report.passed()).as(report.toString()).isTrue();
        assertThat(report.steps()).extracting(CheckStep::name).containsExactly("name lookup", "connection",
                "plain HTTP", "credentials", "bucket", "write", "read", "delete", "path-style");
        assertThat(s3.endpoint().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(s3.objectCount("migration")).isZero();
    }

    @Test
    void aWrongSecretIsASignatureMismatch() {
        assertProblem(check("migration", new S3Keys(KEY, "not-the-demo-secret"), false), RepositoryProblem.WRONG_SECRET,
                "credentials", "HTTP 403 SignatureDoesNotMatch");
    }

    @Test
    void anUnknownAccessKeyIsInvalidAccessKeyId() {
        assertProblem(check("migration", new S3Keys("AKIANOSUCHKEY0000000", SECRET), false),
                RepositoryProblem.WRONG_ACCESS_KEY, "credentials", "HTTP 403 InvalidAccessKeyId");
    }

    @Test
    void aMissingBucketIsNoSuchBucketAndIsCreatedWhenAsked() {
        assertProblem(check("no-such-bucket", new S3Keys(KEY, SECRET), false), RepositoryProblem.BUCKET_MISSING,
                "bucket", "HTTP 404 NoSuchBucket");
        assertThat(s3.bucketExists("no-such-bucket")).isFalse();

        RepositoryCheckReport created = check("made-by-the-check", new S3Keys(KEY, SECRET), true);
        assertThat(created.passed()).as(created.toString()).isTrue();
        assertThat(s3.bucketExists("made-by-the-check")).isTrue();
    }

    @Test
    void sdkUploadsInEachChecksumModeRoundTrip() {
        byte[] content = randomBytes(300_000);
        for (RequestChecksumCalculation mode : RequestChecksumCalculation.values()) {
            PAYLOAD_MODES.clear();
            try (S3Client client = client(mode)) {
                String key = "round-trip/" + mode + "/object with spaces+plus.bin";
                client.putObject(r -> r.bucket("migration").key(key).metadata(java.util.Map.of("note", "x")),
                        RequestBody.fromBytes(content));
                assertThat(s3.object("migration", key)).as(mode.toString()).hasValueSatisfying(stored ->
                        assertThat(stored).isEqualTo(content));
                assertThat(client.getObjectAsBytes(r -> r.bucket("migration").key(key)).asByteArray()).isEqualTo(content);
                assertThat(client.headObject(r -> r.bucket("migration").key(key)).contentLength()).isEqualTo(content.length);
                client.deleteObject(r -> r.bucket("migration").key(key));
                assertThat(s3.object("migration", key)).isEmpty();
            }
            System.out.println("PutObject over http with " + mode + ": x-amz-content-sha256 " + PAYLOAD_MODES.get(0));
            assertThat(PAYLOAD_MODES.get(0)).as("the SDK streams PutObject over http in aws-chunked form")
                    .startsWith("STREAMING-AWS4-HMAC-SHA256-PAYLOAD");
        }
    }

    @Test
    void listingsPageAndGroupByDelimiter() {
        s3.createBucket("listing");
        try (S3Client client = client(RequestChecksumCalculation.WHEN_REQUIRED)) {
            for (String key : List.of("a/1", "a/2", "b/1", "top")) {
                client.putObject(r -> r.bucket("listing").key(key), RequestBody.fromString(key));
            }
            ListObjectsV2Response grouped = client.listObjectsV2(r -> r.bucket("listing").delimiter("/"));
            assertThat(grouped.commonPrefixes()).extracting(p -> p.prefix()).containsExactly("a/", "b/");
            assertThat(grouped.contents()).extracting(S3Object::key).containsExactly("top");
            List<String> paged = client.listObjectsV2Paginator(r -> r.bucket("listing").prefix("a/").maxKeys(1))
                    .contents().stream().map(S3Object::key).toList();
            assertThat(paged).containsExactly("a/1", "a/2");
            assertThat(client.getBucketLocation(r -> r.bucket("listing")).locationConstraintAsString()).isEmpty();
            assertThatThrownBy(() -> client.getObject(r -> r.bucket("listing").key("missing")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
                            .isEqualTo("NoSuchKey"));
        }
    }

    @Test
    void anUnsignedTrailerUploadIsDecodedAndItsChecksumChecked() throws IOException {
        byte[] content = randomBytes(200_000);
        Signed signed = sign("unsigned-trailer", content, false);
        assertThat(signed.request().firstMatchingHeader("x-amz-content-sha256")).hasValue("STREAMING-UNSIGNED-PAYLOAD-TRAILER");
        assertThat(send(signed, signed.body())).isEqualTo(200);
        assertThat(s3.object("migration", "unsigned-trailer")).hasValueSatisfying(stored -> assertThat(stored).isEqualTo(content));

        byte[] tampered = signed.body().clone();
        int data = indexOf(tampered, "\r\n".getBytes(StandardCharsets.US_ASCII)) + 2;
        tampered[data] ^= 1;
        assertThat(send(sign("unsigned-trailer-bad", content, false), tampered)).as("the CRC32 trailer no longer matches")
                .isEqualTo(400);
        assertThat(s3.object("migration", "unsigned-trailer-bad")).isEmpty();
    }

    @Test
    void aChangedByteInASignedChunkIsASignatureMismatch() throws IOException {
        byte[] content = randomBytes(100_000);
        Signed signed = sign("signed-chunks", content, true);
        assertThat(signed.request().firstMatchingHeader("x-amz-content-sha256")).hasValue(
                "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER");
        assertThat(send(signed, signed.body())).isEqualTo(200);
        assertThat(s3.object("migration", "signed-chunks")).hasValueSatisfying(stored -> assertThat(stored).isEqualTo(content));

        Signed again = sign("signed-chunks-bad", content, true);
        byte[] tampered = again.body().clone();
        tampered[indexOf(tampered, "\r\n".getBytes(StandardCharsets.US_ASCII)) + 10] ^= 1;
        assertThat(send(again, tampered)).isEqualTo(403);
        assertThat(again.reply()).contains("<Code>SignatureDoesNotMatch</Code>");
    }

    private static void assertProblem(RepositoryCheckReport report, RepositoryProblem problem, String step, String detail) {
        assertThat(report.passed()).isFalse();
        assertThat(report.problem()).as(report.toString()).hasValue(problem);
        assertThat(report.steps()).filteredOn(s -> s.problem().isPresent()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo(step);
            assertThat(s.detail()).isEqualTo(detail);
        });
    }

    /** As the product's client (path-style, JDK HttpURLConnection, no retries), with the checksum mode given. */
    private static S3Client client(RequestChecksumCalculation checksums) {
        return S3Client.builder().endpointOverride(s3.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET)))
                .httpClient(UrlConnectionHttpClient.create()).requestChecksumCalculation(checksums)
                .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none()).addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                        if (context.httpRequest().method() == SdkHttpMethod.PUT) {
                            context.httpRequest().firstMatchingHeader("x-amz-content-sha256").ifPresent(PAYLOAD_MODES::add);
                        }
                    }
                }))
                .build();
    }

    /** A PutObject signed by the SDK's own SigV4 signer, aws-chunked with a CRC32 trailer, sent over http. */
    private static final class Signed {
        private final SignedRequest signed;
        private final byte[] body;
        private String reply = "";

        Signed(SignedRequest signed) throws IOException {
            this.signed = signed;
            try (InputStream in = signed.payload().orElseThrow().newStream()) {
                this.body = in.readAllBytes();
            }
        }

        SdkHttpRequest request() {
            return signed.request();
        }

        byte[] body() {
            return body;
        }

        String reply() {
            return reply;
        }
    }

    private static Signed sign(String key, byte[] content, boolean signedChunks) throws IOException {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.PUT)
                // the SDK signs payloads over http always: an https URI (same host and port) gets the unsigned form
                .uri(URI.create((signedChunks ? "http" : "https") + "://127.0.0.1:" + s3.endpoint().getPort()
                        + "/migration/" + key))
                .putHeader("Content-Length", Integer.toString(content.length)).build();
        AwsCredentialsIdentity identity = AwsCredentialsIdentity.create(KEY, SECRET);
        return new Signed(AwsV4HttpSigner.create().sign(r -> r.identity(identity).request(request)
                .payload(ContentStreamProvider.fromByteArray(content))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.CHUNK_ENCODING_ENABLED, true)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, signedChunks)
                .putProperty(AwsV4HttpSigner.CHECKSUM_ALGORITHM, DefaultChecksumAlgorithm.CRC32)));
    }

    private static int send(Signed signed, byte[] body) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(s3.endpoint() + signed.request().encodedPath())
                .toURL().openConnection();
        connection.setRequestMethod("PUT");
        connection.setDoOutput(true);
        signed.request().forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Host")) {
                values.forEach(v -> connection.addRequestProperty(name, v));
            }
        });
        connection.setFixedLengthStreamingMode(body.length);
        try (OutputStream out = connection.getOutputStream()) {
            new ByteArrayInputStream(body).transferTo(out);
        }
        int status = connection.getResponseCode();
        InputStream reply = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        signed.reply = reply == null ? "" : new String(reply.readAllBytes(), StandardCharsets.UTF_8);
        return status;
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
