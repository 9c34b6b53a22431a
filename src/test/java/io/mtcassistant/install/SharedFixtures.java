package io.mtcassistant.install;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The upstream MTC files under ../shared/fixtures/mtc (mtc.shared.dir); a test skips with a message without them. */
public final class SharedFixtures {

    private SharedFixtures() {
    }

    public static Path mtc(String relative) {
        String shared = System.getProperty("mtc.shared.dir");
        Path file = shared == null ? null : Path.of(shared, "fixtures/mtc", relative);
        Assumptions.assumeTrue(file != null && Files.exists(file),
                "skipped: ../shared/fixtures/mtc/" + relative + " is not available (mtc.shared.dir)");
        return file;
    }
}
