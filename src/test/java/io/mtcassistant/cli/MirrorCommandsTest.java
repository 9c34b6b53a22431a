package io.mtcassistant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.mirror.Manifest;
import io.mtcassistant.mirror.layout.OciLayout;
import io.mtcassistant.mirror.testsupport.LocalRegistry;
import io.mtcassistant.mirror.testsupport.Skopeo;
import io.mtcassistant.mirror.testsupport.TestImages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The copy and mirror commands: exit codes 0/1/2 and one-line messages. */
class MirrorCommandsTest {

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MtcAssistantCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void badInputExitsWithTwoAndOneClearLine() throws Exception {
        Run badRef = run("copy", "quay.io/a/b", "oci:" + tmp.resolve("x"));
        assertThat(badRef.exit()).isEqualTo(2);
        assertThat(badRef.err()).contains("bad image reference 'quay.io/a/b'").doesNotContain("Exception");
        assertThat(badRef.err().lines().count()).isEqualTo(1);

        Path yaml = Files.writeString(tmp.resolve("isc.yaml"), "kind: ImageSetConfiguration\napiVersion: [oops\n");
        Run badYaml = run("mirror", "--image-set", yaml.toString(), "--to", "docker://127.0.0.1:1");
        assertThat(badYaml.exit()).isEqualTo(2);
        assertThat(badYaml.err()).contains("is not valid YAML");

        Run missingArchive = run("mirror", "--from-archive", tmp.resolve("nope").toString(), "--to", "docker://127.0.0.1:1");
        assertThat(missingArchive.exit()).isEqualTo(2);
        assertThat(missingArchive.err()).contains("does not exist");

        Run noMode = run("mirror", "--image-set", yaml.toString());
        assertThat(noMode.exit()).isEqualTo(2);
        assertThat(noMode.err()).contains("exactly one of --to");
    }

    @Test
    void failedWorkExitsWithOne() throws Exception {
        TestImages images = new TestImages(new OciLayout(tmp.resolve("layout")), 5);
        images.write("app", TestImages.Kind.OCI_MANIFEST, 100);
        Run refused = run("copy", "--dest-tls-verify=false", "oci:" + tmp.resolve("layout") + ":app", "docker://127.0.0.1:1/a/b:v1");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("cannot connect to registry 127.0.0.1:1");
    }

    @Test
    void copyAndMirrorThroughTheCommandLine() throws Exception {
        LocalRegistry.assumeInstalled();
        TestImages images = new TestImages(new OciLayout(tmp.resolve("layout")), 6);
        Manifest index = images.write("multi", TestImages.Kind.DOCKER_LIST, 1000);
        try (LocalRegistry registry = LocalRegistry.builder(tmp).start()) {
            Run copy = run("copy", "--all", "--dest-tls-verify=false", "oci:" + tmp.resolve("layout") + ":multi",
                    registry.ref("src/multi:v1"));
            assertThat(copy.exit()).as(copy.err()).isZero();
            assertThat(copy.out()).contains(index.digest());

            Path yaml = Files.writeString(tmp.resolve("isc.yaml"), """
                    kind: ImageSetConfiguration
                    apiVersion: mirror.openshift.io/v2alpha1
                    mirror:
                      additionalImages:
                        - name: %s/src/multi:v1
                    """.formatted(registry.host()));
            Path results = tmp.resolve("results");
            Run mirror = run("mirror", "--image-set", yaml.toString(), "--to", "docker://" + registry.host() + "/mirror",
                    "--src-tls-verify=false", "--dest-tls-verify=false", "--results", results.toString(), "--jobs", "3",
                    "--journal", tmp.resolve("j.jsonl").toString());
            assertThat(mirror.exit()).as(mirror.err()).isZero();
            assertThat(Skopeo.rawDigest(registry.ref("mirror/src/multi:v1"))).isEqualTo(index.digest());
            try (Stream<Path> files = Files.list(results)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("mapping.txt",
                        "imageContentSourcePolicy.yaml", "imageDigestMirrorSet.yaml", "imageTagMirrorSet.yaml", "summary.json");
            }

            Path archive = tmp.resolve("archive");
            Run toArchive = run("mirror", "--image-set", yaml.toString(), "--to-archive", archive.toString(),
                    "--src-tls-verify=false", "--volume-size", "1M", "--results", tmp.resolve("r2").toString());
            assertThat(toArchive.exit()).as(toArchive.err()).isZero();

            // Cut the last volume short: exit 2, one clear line, nothing pushed.
            List<Path> volumes;
            try (Stream<Path> s = Files.list(archive)) {
                volumes = s.filter(p -> p.getFileName().toString().startsWith("images.tar")).sorted().toList();
            }
            Path last = volumes.get(volumes.size() - 1);
            byte[] bytes = Files.readAllBytes(last);
            Files.write(last, Arrays.copyOf(bytes, bytes.length / 2));
            Run truncated = run("mirror", "--from-archive", archive.toString(), "--to", "docker://" + registry.host() + "/restored",
                    "--dest-tls-verify=false", "--results", tmp.resolve("r3").toString());
            assertThat(truncated.exit()).isEqualTo(2);
            assertThat(truncated.err()).contains("truncated or corrupt");
            assertThat(Skopeo.run("inspect", "--tls-verify=false", "--raw", registry.ref("restored/src/multi:v1")).exitCode()).isNotZero();
        }
    }
}
