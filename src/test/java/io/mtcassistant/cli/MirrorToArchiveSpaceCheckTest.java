package io.mtcassistant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.mirror.layout.OciLayout;
import io.mtcassistant.mirror.session.FreeSpace;
import io.mtcassistant.mirror.testsupport.LocalRegistry;
import io.mtcassistant.mirror.testsupport.TestImages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code mirror --to-archive} checks the archive folder's free space before it writes anything, as the Mirroring step
 * does: on a fake file store that is too small it exits 1 with the need and the free space in one line and leaves no
 * archive and no results; with enough it says the same numbers and writes the archive.
 */
class MirrorToArchiveSpaceCheckTest {

    private static final Pattern NEEDS = Pattern.compile("needs ([0-9.]+) (B|KiB|MiB|GiB), ");

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    private static Run mirror(FreeSpace freeSpace, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new MirrorCommand(freeSpace));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void anArchiveThatDoesNotFitStopsBeforeWritingAndOneThatFitsIsWritten() throws Exception {
        LocalRegistry.assumeInstalled();
        TestImages images = new TestImages(new OciLayout(tmp.resolve("layout")), 7);
        images.write("app", TestImages.Kind.OCI_MANIFEST, 200_000);
        images.write("tool", TestImages.Kind.DOCKER_LIST, 100_000);
        try (LocalRegistry registry = LocalRegistry.builder(tmp).start()) {
            for (String name : List.of("app", "tool")) {
                MirrorCommandsTest.Run copy = MirrorCommandsTest.run("copy", "--all", "--dest-tls-verify=false",
                        "oci:" + tmp.resolve("layout") + ":" + name, registry.ref("src/" + name + ":v1"));
                assertThat(copy.exit()).as(copy.err()).isZero();
            }
            Path yaml = Files.writeString(tmp.resolve("isc.yaml"), """
                    kind: ImageSetConfiguration
                    apiVersion: mirror.openshift.io/v2alpha1
                    mirror:
                      additionalImages:
                        - name: %1$s/src/app:v1
                        - name: %1$s/src/tool:v1
                    """.formatted(registry.host()));
            Path parent = Files.createDirectories(tmp.resolve("disk"));
            Path archive = parent.resolve("archive");
            Path results = parent.resolve("results");
            String[] args = {"--image-set", yaml.toString(), "--to-archive", archive.toString(), "--src-tls-verify=false",
                "--results", results.toString()};
            List<Path> asked = new ArrayList<>();

            Run tight = mirror(folder -> {
                asked.add(folder);
                return 100_000;
            }, args);
            assertThat(tight.exit()).as(tight.out() + tight.err()).isEqualTo(1);
            assertThat(tight.err().lines().toList()).hasSize(1);
            assertThat(tight.err()).startsWith("mtc-assistant: not enough disk space for the archive: needs ")
                    .contains(", 98 KiB free in " + archive + " (")
                    .contains("still to write into the archive").doesNotContain("Exception");
            // The archive folder does not exist yet: its nearest existing parent was asked.
            assertThat(asked).containsExactly(parent.toAbsolutePath());
            assertThat(archive).doesNotExist();
            assertThat(results).doesNotExist();
            double need = needBytes(tight.err());

            Run ample = mirror(folder -> 1L << 40, args);
            assertThat(ample.exit()).as(ample.out() + ample.err()).isZero();
            assertThat(ample.out()).contains("Disk space: needs ", "1.0 TiB free in " + archive);
            assertThat(needBytes(ample.out())).isEqualTo(need);
            long written = Files.size(archive.resolve("images.tar"));
            // The need covers what the run wrote and a volume's margin; staging adds at most the blobs once more (rounding: 0.1 MiB).
            long margin = io.mtcassistant.mirror.archive.ArchiveSpace.MARGIN_PER_VOLUME;
            assertThat(need).isGreaterThan(written + margin - (100 << 10)).isLessThan(2 * written + margin + (100 << 10));
        }
    }

    private static double needBytes(String text) {
        Matcher m = NEEDS.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        int shift = switch (m.group(2)) {
            case "KiB" -> 10;
            case "MiB" -> 20;
            case "GiB" -> 30;
            default -> 0;
        };
        return Double.parseDouble(m.group(1)) * (1L << shift);
    }
}
