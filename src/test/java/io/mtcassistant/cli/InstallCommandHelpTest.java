package io.mtcassistant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code install --help} offers only the registry options install uses: it reads the mirror registry, nothing else. */
class InstallCommandHelpTest {

    @Test
    void helpListsTheMirrorRegistryOptionsOnly() {
        StringWriter out = new StringWriter();
        int exit = MtcAssistantCommand.run(new String[] {"install", "--help"}, new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true));

        assertThat(exit).isZero();
        String help = out.toString();
        assertThat(help).contains("--authfile=FILE", "--registry-ca=HOST=FILE", "--retries=N", "--read-timeout=SECONDS",
                "--legacy-archive=DIR", "--mirror-results=DIR");
        assertThat(help).containsPattern("--dest-tls-verify\\[=BOOL]\\s+Verify TLS of the mirror registry");
        assertThat(help).doesNotContain("--src-tls-verify").doesNotContain("source registries")
                .doesNotContain("destination registry");
    }

    @Test
    void copyStillHasBothTlsOptions() {
        StringWriter out = new StringWriter();
        MtcAssistantCommand.run(new String[] {"copy", "--help"}, new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true));

        assertThat(out.toString()).contains("--src-tls-verify", "--dest-tls-verify", "--authfile", "--registry-ca");
    }
}
