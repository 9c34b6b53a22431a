package io.mtcassistant.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.sim.SilentPort;
import io.mtcassistant.storage.testsupport.LocalS3Server;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workstation check against a real S3 server (s3proxy) on 127.0.0.1, over HTTP and HTTPS: each failure kind. */
class RepositoryCheckTest {

    static final S3Keys KEYS = new S3Keys(LocalS3Server.ACCESS_KEY, LocalS3Server.SECRET_KEY);

    @TempDir
    static Path dir;
    static LocalS3Server s3;
    static final RepositoryCheck CHECK = new RepositoryCheck(Duration.ofSeconds(3));

    @BeforeAll
    static void start() throws Exception {
        s3 = LocalS3Server.start(dir);
        s3.createBucket("migration");
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
    }

    static RepositoryCheckReport check(String endpoint, String bucket, Path caFile, boolean insecure, S3Keys keys) {
        return CHECK.run(RepositoryTarget.of(endpoint, bucket, null, caFile, insecure), keys, false, s -> { });
    }

    @Test
    void passesOverHttpAndLeavesNoProbeObject() {
        List<CheckStep> told = new ArrayList<>();
        RepositoryCheckReport report = CHECK.run(RepositoryTarget.of(s3.httpEndpoint().toString(), "migration", null,
                null, false), KEYS, false, told::add);
        assertThat(report.passed()).as(report.toString()).isTrue();
        assertThat(report.steps()).extracting(CheckStep::name).containsExactly("name lookup", "connection",
                "plain HTTP", "credentials", "bucket", "write", "read", "delete", "path-style");
        assertThat(told).isEqualTo(report.steps());
        assertThat(s3.objectCount("migration")).isZero();
    }

    @Test
    void passesOverHttpsWithTheCaBundle() {
        RepositoryCheckReport report = check(s3.httpsEndpoint().toString(), "migration", s3.caFile(), false, KEYS);
        assertThat(report.passed()).as(report.toString()).isTrue();
        assertThat(report.steps().get(2).detail()).contains("certificate trusted");
    }

    @Test
    void passesOverHttpsWhenInsecureIsExplicit() {
        RepositoryCheckReport report = check(s3.httpsEndpoint().toString(), "migration", null, true, KEYS);
        assertThat(report.passed()).as(report.toString()).isTrue();
        assertThat(report.steps().get(2).detail()).contains("NOT verified");
    }

    @Test
    void selfSignedCertificateWithoutCaIsNotTrusted() {
        assertProblem(check(s3.httpsEndpoint().toString(), "migration", null, false, KEYS),
                RepositoryProblem.CERTIFICATE_NOT_TRUSTED, "TLS");
    }

    @Test
    void wrongAccessKey() {
        assertProblem(check(s3.httpEndpoint().toString(), "migration", null, false,
                new S3Keys("AKIANOSUCHKEY0000000", LocalS3Server.SECRET_KEY)), RepositoryProblem.WRONG_ACCESS_KEY,
                "credentials");
    }

    @Test
    void wrongSecret() {
        assertProblem(check(s3.httpsEndpoint().toString(), "migration", s3.caFile(), false,
                new S3Keys(LocalS3Server.ACCESS_KEY, "not-the-secret")), RepositoryProblem.WRONG_SECRET, "credentials");
    }

    @Test
    void aKeyThatMayNotWriteTheBucketIsAccessDeniedAtTheWrite() {
        RepositoryCheckReport report = check(s3.httpEndpoint().toString(), "migration", null, false,
                new S3Keys(LocalS3Server.READ_ONLY_ACCESS_KEY, LocalS3Server.READ_ONLY_SECRET_KEY));
        assertProblem(report, RepositoryProblem.ACCESS_DENIED, "write");
        assertThat(report.steps()).filteredOn(s -> s.name().equals("credentials") || s.name().equals("bucket"))
                .allMatch(s -> s.status() == CheckStep.Status.PASSED);
        assertThat(report.steps().stream().filter(s -> s.name().equals("write")).findFirst().orElseThrow().detail())
                .contains("AccessDenied");
        assertThat(RepositoryCheckText.of(report, KEYS)).contains(RepositoryProblem.ACCESS_DENIED.meaning())
                .contains(RepositoryProblem.ACCESS_DENIED.nextStep());
    }

    @Test
    void missingBucketFailsAndIsCreatedWhenAsked() {
        assertProblem(check(s3.httpEndpoint().toString(), "no-such-bucket", null, false, KEYS),
                RepositoryProblem.BUCKET_MISSING, "bucket");
        RepositoryCheckReport created = CHECK.run(RepositoryTarget.of(s3.httpEndpoint().toString(), "made-by-check",
                null, null, false), KEYS, true, s -> { });
        assertThat(created.passed()).as(created.toString()).isTrue();
        assertThat(s3.bucketExists("made-by-check")).isTrue();
    }

    @Test
    void unreachablePort() throws Exception {
        assertProblem(check("http://127.0.0.1:" + SilentPort.unusedPort(), "migration", null, false, KEYS),
                RepositoryProblem.UNREACHABLE, "connection");
    }

    @Test
    void silentEndpointTimesOut() throws Exception {
        try (SilentPort silent = new SilentPort()) {
            assertProblem(check("https://127.0.0.1:" + silent.port(), "migration", null, true, KEYS),
                    RepositoryProblem.TIMED_OUT, "TLS");
        }
    }

    @Test
    void unknownHostName() {
        assertProblem(check("https://s3.no-such-name.invalid", "migration", null, true, KEYS),
                RepositoryProblem.NAME_NOT_FOUND, "name lookup");
    }

    @Test
    void httpsUrlOnThePlainHttpPort() {
        assertProblem(check("https://127.0.0.1:" + s3.httpEndpoint().getPort(), "migration", null, true, KEYS),
                RepositoryProblem.HTTPS_EXPECTED_HTTP_FOUND, "TLS");
    }

    @Test
    void httpUrlOnTheHttpsPort() {
        assertProblem(check("http://127.0.0.1:" + s3.httpsEndpoint().getPort(), "migration", null, false, KEYS),
                RepositoryProblem.HTTP_EXPECTED_HTTPS_FOUND, "plain HTTP");
    }

    private static void assertProblem(RepositoryCheckReport report, RepositoryProblem problem, String step) {
        assertThat(report.passed()).isFalse();
        assertThat(report.problem()).as(report.toString()).contains(problem);
        CheckStep failed = report.steps().stream().filter(s -> s.status() == CheckStep.Status.FAILED).findFirst()
                .orElseThrow();
        assertThat(failed.name()).isEqualTo(step);
        assertThat(report.steps().get(report.steps().size() - 1).name()).isEqualTo("path-style");
        assertThat(report.toString()).doesNotContain(LocalS3Server.SECRET_KEY);
    }
}
