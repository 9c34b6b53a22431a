package io.mtcassistant.mirror.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.mirror.layout.OciLayout;
import io.mtcassistant.mirror.testsupport.ChildJvm;
import io.mtcassistant.mirror.testsupport.LocalRegistry;
import io.mtcassistant.mirror.testsupport.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A copy that goes well writes no log line, so it must not pay for setting the log up (logback's classes and its
 * configuration were about 200 classes of every cold mirror run); a failing one still gets its log file.
 */
class LoggingOnlyWhenNeededIntegrationTest {

    @TempDir
    Path tmp;

    @Test
    void aCopyThatGoesWellLoadsNoLoggingAndAFailingOneWritesTheLog() throws Exception {
        LocalRegistry.assumeRegistryInstalled();
        new TestImages(new OciLayout(tmp.resolve("layout")), 11).write("app", TestImages.Kind.OCI_MANIFEST, 50_000);
        Path logDir = tmp.resolve("logs");
        try (LocalRegistry registry = LocalRegistry.builder(tmp).start()) {
            Path classes = tmp.resolve("classes.txt");
            int ok = run(tmp.resolve("ok.out"), List.of("-Xlog:class+load=info:file=" + classes, "-Dmtc.log.dir=" + logDir),
                    "copy", "--dest-tls-verify=false", "oci:" + tmp.resolve("layout") + ":app", registry.ref("a/app:v1"));
            assertThat(ok).as(Files.readString(tmp.resolve("ok.out"))).isZero();
            String loaded = Files.readString(classes);
            assertThat(loaded).contains("io.mtcassistant.mirror.engine.TransferEngine ", "io.mtcassistant.mirror.registry.RegistryClient ")
                    .doesNotContain("ch.qos.logback", "org.slf4j.LoggerFactory");
            assertThat(logDir.resolve("mtc-assistant.log")).doesNotExist();
        }
        int failed = run(tmp.resolve("failed.out"), List.of("-Dmtc.log.dir=" + logDir),
                "copy", "--dest-tls-verify=false", "oci:" + tmp.resolve("layout") + ":app", "docker://127.0.0.1:1/a/app:v1");
        assertThat(failed).isEqualTo(1);
        assertThat(Files.readString(logDir.resolve("mtc-assistant.log"))).contains("TransferEngine - copy of ").contains("failed");
    }

    private static int run(Path out, List<String> jvmOptions, String... args) throws Exception {
        Process p = ChildJvm.start(out, Map.of(), jvmOptions, args);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
        return p.exitValue();
    }
}
