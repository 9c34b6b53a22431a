package io.mtcassistant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Bad values for the transfer options are bad input: exit code 2 and one line naming the option. */
class TransferOptionsCommandTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MtcAssistantCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {String.valueOf(exit), err.toString()};
    }

    @Test
    void retriesAndReadTimeoutAreChecked() {
        String[] zero = run("copy", "--retries", "0", "oci:/tmp/none:a", "oci:/tmp/none2:a");
        assertThat(zero[0]).isEqualTo("2");
        assertThat(zero[1]).contains("--retries must be between 1 and 100, got 0").doesNotContain("Exception");

        String[] timeout = run("mirror", "--read-timeout", "-5", "--image-set", "/tmp/none.yaml", "--to", "docker://127.0.0.1:1");
        assertThat(timeout[0]).isEqualTo("2");
        assertThat(timeout[1]).contains("--read-timeout must be between 1 and 86400 seconds, got -5");

        String[] notANumber = run("copy", "--read-timeout", "soon", "oci:/tmp/none:a", "oci:/tmp/none2:a");
        assertThat(notANumber[0]).isEqualTo("2");
        assertThat(notANumber[1]).contains("--read-timeout").contains("soon");
    }
}
