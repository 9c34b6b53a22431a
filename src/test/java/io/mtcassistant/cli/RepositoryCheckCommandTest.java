package io.mtcassistant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.sim.SilentPort;
import io.mtcassistant.storage.testsupport.LocalS3Server;
import io.mtcassistant.storage.testsupport.TestLogFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code repository check} against a real S3 server (s3proxy on 127.0.0.1): exit codes, table and JSON, keys read
 * from a credentials file and never printed or logged. Writes each failure kind's command and output to
 * target/repository-check-outputs.md (for the closing note).
 */
class RepositoryCheckCommandTest {

    @TempDir
    static Path dir;
    static LocalS3Server s3;
    static Path goodKeys;
    static Path wrongSecret;
    static Path readOnlyKeys;

    @BeforeAll
    static void start() throws Exception {
        s3 = LocalS3Server.start(dir);
        s3.createBucket("migration");
        goodKeys = credentials("good", LocalS3Server.ACCESS_KEY, LocalS3Server.SECRET_KEY);
        wrongSecret = credentials("wrong", LocalS3Server.ACCESS_KEY, "wrong-secret-value-123");
        readOnlyKeys = credentials("read-only", LocalS3Server.READ_ONLY_ACCESS_KEY, LocalS3Server.READ_ONLY_SECRET_KEY);
    }

    static Path credentials(String name, String id, String secret) throws Exception {
        return Files.writeString(dir.resolve(name + ".ini"), "[default]\naws_access_key_id = " + id
                + "\naws_secret_access_key = " + secret + "\n\n[other]\naws_access_key_id = AKIAOTHERKEY000000\n"
                + "aws_secret_access_key = " + secret + "\n");
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
    }

    /** A finished command: its exit code, what it printed, and its arguments (for the note). */
    record Run(int exit, String out, String err, List<String> args) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MtcAssistantCommand.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString(), List.of(args));
    }

    static Run check(String endpoint, String... more) {
        List<String> args = new ArrayList<>(List.of("repository", "check", "--endpoint", endpoint, "--timeout", "3"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void passesWithKeysFromTheCredentialsFileAndNeverShowsOrLogsThem() throws Exception {
        TestLogFile log = TestLogFile.mark();
        Run table = check(s3.httpsEndpoint().toString(), "--bucket", "migration", "--ca-file", s3.caFile().toString(),
                "--credentials-file", goodKeys.toString());
        assertThat(table.exit()).as(table.out() + table.err()).isZero();
        assertThat(table.out()).contains("PASSED", "ok    write", "AKIA****");
        Run json = check(s3.httpEndpoint().toString(), "--bucket", "migration", "--credentials-file",
                goodKeys.toString(), "--output", "json");
        assertThat(json.exit()).isZero();
        assertThat(json.out()).contains("\"passed\" : true", "\"step\" : \"path-style\"");
        String logged = log.written();
        assertThat(logged).contains("Repository check of " + s3.httpsEndpoint());
        for (String text : List.of(table.out(), table.err(), json.out(), logged)) {
            assertThat(text).doesNotContain(LocalS3Server.SECRET_KEY, LocalS3Server.ACCESS_KEY);
        }
    }

    @Test
    void eachFailureKindHasItsOwnMessageAndExitsOne() throws Exception {
        Map<String, Run> runs = new LinkedHashMap<>();
        String http = s3.httpEndpoint().toString();
        String https = s3.httpsEndpoint().toString();
        String good = goodKeys.toString();
        TestLogFile log = TestLogFile.mark();
        runs.put("wrong secret", check(http, "--bucket", "migration", "--credentials-file", wrongSecret.toString()));
        runs.put("wrong access key", check(http, "--bucket", "migration", "--credentials-file", good,
                "--profile", "other"));
        runs.put("bucket missing", check(http, "--bucket", "no-such-bucket", "--credentials-file", good));
        runs.put("access denied", check(http, "--bucket", "migration", "--credentials-file",
                readOnlyKeys.toString()));
        runs.put("certificate not trusted", check(https, "--bucket", "migration", "--credentials-file", good));
        runs.put("https URL, plain HTTP port", check("https://127.0.0.1:" + s3.httpEndpoint().getPort(),
                "--bucket", "migration", "--insecure", "--credentials-file", good));
        runs.put("http URL, HTTPS port", check("http://127.0.0.1:" + s3.httpsEndpoint().getPort(),
                "--bucket", "migration", "--credentials-file", good));
        runs.put("unreachable", check("http://127.0.0.1:" + SilentPort.unusedPort(), "--bucket", "migration",
                "--credentials-file", good));
        try (SilentPort silent = new SilentPort()) {
            runs.put("timed out", check("http://127.0.0.1:" + silent.port(), "--bucket", "migration",
                    "--credentials-file", good));
        }
        Map<String, String> expected = Map.of(
                "wrong secret", "the secret access key is wrong",
                "wrong access key", "does not know this access key id",
                "bucket missing", "the bucket does not exist",
                "access denied", "may not use this bucket",
                "certificate not trusted", "not signed by a CA this check trusts",
                "https URL, plain HTTP port", "says https:// but the endpoint speaks plain HTTP",
                "http URL, HTTPS port", "says http:// but the endpoint speaks HTTPS",
                "unreachable", "nothing answers",
                "timed out", "did not answer in time");
        StringBuilder note = new StringBuilder();
        runs.forEach((kind, r) -> {
            assertThat(r.exit()).as(kind + ": " + r.out() + r.err()).isEqualTo(1);
            assertThat(r.out()).as(kind).contains("FAILED: ").contains(expected.get(kind)).contains("next: ");
            assertThat(r.out()).doesNotContain(LocalS3Server.SECRET_KEY, "wrong-secret-value-123");
            assertThat(r.out()).doesNotContain(LocalS3Server.READ_ONLY_SECRET_KEY);
            note.append("### ").append(kind).append("\n```\n$ mtc-assistant ")
                    .append(String.join(" ", r.args()).replace(dir.toString(), "$DIR")).append("\n")
                    .append(r.out()).append("(exit ").append(r.exit()).append(")\n```\n");
        });
        assertThat(log.written()).doesNotContain(LocalS3Server.SECRET_KEY, "wrong-secret-value-123",
                LocalS3Server.READ_ONLY_SECRET_KEY);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "repository-check-outputs.md"), note);
    }

    @Test
    void badInputExitsTwoNamingTheInput() {
        String good = goodKeys.toString();
        Run scheme = check("ftp://127.0.0.1", "--bucket", "migration", "--credentials-file", good);
        assertThat(scheme.exit()).isEqualTo(2);
        assertThat(scheme.err()).contains("--endpoint ftp://127.0.0.1: must start with https:// or http://");
        Run both = check("https://127.0.0.1:1", "--bucket", "migration", "--insecure", "--ca-file",
                s3.caFile().toString(), "--credentials-file", good);
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("--ca-file: give a CA bundle or insecure, not both");
        Run bucket = check("http://127.0.0.1:1", "--bucket", "Bad_Bucket", "--credentials-file", good);
        assertThat(bucket.exit()).isEqualTo(2);
        assertThat(bucket.err()).contains("--bucket Bad_Bucket");
        Run missingProfile = check("http://127.0.0.1:1", "--bucket", "migration", "--credentials-file", good,
                "--profile", "nope");
        assertThat(missingProfile.exit()).isEqualTo(2);
        assertThat(missingProfile.err()).contains("has no profile [nope]");
    }
}
