package io.mtcassistant.mirror.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.cli.MtcAssistantCommand;
import io.mtcassistant.mirror.ImageReference;
import io.mtcassistant.mirror.engine.ImageCopy;
import io.mtcassistant.mirror.engine.ImageResult;
import io.mtcassistant.mirror.engine.TransferListener;
import io.mtcassistant.mirror.layout.OciLayout;
import io.mtcassistant.mirror.registry.RegistryAccess;
import io.mtcassistant.mirror.testsupport.LocalRegistry;
import io.mtcassistant.mirror.testsupport.TestImages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The air-gap proof: "mirror --from-archive" runs in a network namespace that has only a loopback
 * interface (unshare -n), next to a real docker-registry started in the same namespace, under
 * strace. Every connect() the JVM makes is listed; anything but 127.0.0.1 (or ::1) fails the test.
 */
class OfflineProofIntegrationTest {

    private static final Pattern INET = Pattern.compile("connect\\(\\d+, \\{sa_family=AF_INET, sin_port=htons\\((\\d+)\\), "
            + "sin_addr=inet_addr\\(\"([0-9.]+)\"\\)");
    private static final Pattern INET6 = Pattern.compile("connect\\(\\d+, \\{sa_family=AF_INET6, sin6_port=htons\\((\\d+)\\),"
            + "[^}]*inet_pton\\(AF_INET6, \"([^\"]+)\"");

    @TempDir
    Path tmp;

    @Test
    void aMirrorFromAnArchiveConnectsToNothingButLoopback() throws Exception {
        assumeOfflineToolsAndRoot();
        Path archive = tmp.resolve("archive");
        try (LocalRegistry source = LocalRegistry.builder(tmp).start()) {
            TestImages images = new TestImages(new OciLayout(tmp.resolve("images")), 44);
            StringBuilder isc = new StringBuilder("kind: ImageSetConfiguration\napiVersion: mirror.openshift.io/v2alpha1\n"
                    + "mirror:\n  additionalImages:\n");
            for (String name : List.of("rhmtc/controller", "oadp/velero")) {
                images.write(name, TestImages.Kind.OCI_INDEX, 300_000);
                ImageResult r = new ImageCopy(RegistryAccess.anonymous()).copy(ImageReference.parse("oci:" + images.layout().dir() + ":" + name),
                        ImageReference.parse(source.ref(name + ":v1")), true, true, false, 2, TransferListener.NONE);
                assertThat(r.ok()).as(r.error()).isTrue();
                isc.append("  - name: ").append(source.host()).append('/').append(name).append(":v1\n");
            }
            Path iscFile = Files.writeString(tmp.resolve("isc.yaml"), isc.toString());
            StringWriter err = new StringWriter();
            int exit = MtcAssistantCommand.run(new String[] {"mirror", "--image-set", iscFile.toString(), "--to-archive", archive.toString(),
                    "--src-tls-verify=false", "--results", tmp.resolve("r1").toString()}, new PrintWriter(new StringWriter(), true),
                    new PrintWriter(err, true));
            assertThat(exit).as(err.toString()).isZero();
        }

        runOffline("io.mtcassistant.Launcher mirror --from-archive '" + archive + "' --to docker://127.0.0.1:" + PORT
                + "/offline --dest-tls-verify=false --results '" + tmp.resolve("r2") + "' --journal '" + tmp.resolve("j2") + "'");
        assertThat(Files.readString(tmp.resolve("r2").resolve("summary.json"))).contains("archive-to-mirror");
    }

    private static final int PORT = 5000;

    /** Runs java MAIN_AND_ARGS under strace in a namespace with only loopback, next to a registry there; checks every connect(). */
    private void runOffline(String mainAndArgs) throws Exception {
        Path storage = Files.createDirectories(tmp.resolve("offline-storage"));
        Path config = Files.writeString(tmp.resolve("offline-registry.yml"), "version: 0.1\nlog: {level: warn}\n"
                + "storage:\n  filesystem: {rootdirectory: " + storage + "}\nhealth: {storagedriver: {enabled: false}}\n"
                + "http: {addr: 127.0.0.1:" + PORT + "}\n");
        Path trace = tmp.resolve("connect.trace");
        Path out = tmp.resolve("offline.out");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path script = Files.writeString(tmp.resolve("offline.sh"), String.join("\n",
                "set -u",
                "ip link set lo up",
                LocalRegistry.BINARY + " serve '" + config + "' > '" + tmp.resolve("registry.log") + "' 2>&1 &",
                "REG=$!",
                "for i in $(seq 1 200); do (echo > /dev/tcp/127.0.0.1/" + PORT + ") 2>/dev/null && break; sleep 0.1; done",
                "strace -f -qq -e trace=connect -o '" + trace + "' '" + java + "' -cp '" + classPath + "' " + mainAndArgs
                        + " > '" + out + "' 2>&1",
                "rc=$?",
                "kill $REG",
                "exit $rc", ""));
        Process p = new ProcessBuilder("unshare", "-n", "bash", script.toString()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("unshare.out").toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the offline run finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(out) + Files.readString(tmp.resolve("unshare.out"))).isZero();

        int loopback = 0;
        StringBuilder foreign = new StringBuilder();
        for (String line : Files.readAllLines(trace)) {
            Matcher m4 = INET.matcher(line);
            Matcher m6 = INET6.matcher(line);
            if (m4.find()) {
                if (m4.group(2).equals("127.0.0.1")) {
                    loopback++;
                } else {
                    foreign.append(line).append('\n');
                }
            } else if (m6.find()) {
                if (m6.group(2).equals("::1") || m6.group(2).equals("::ffff:127.0.0.1")) {
                    loopback++;
                } else {
                    foreign.append(line).append('\n');
                }
            } else if (line.contains("connect(") && !line.contains("AF_UNIX") && !line.contains("AF_UNSPEC")) {
                foreign.append(line).append('\n');
            }
        }
        assertThat(foreign.toString()).as("connections other than loopback").isEmpty();
        assertThat(loopback).as("strace saw the registry connections").isPositive();
    }

    private static void assumeOfflineToolsAndRoot() {
        LocalRegistry.assumeRegistryInstalled();
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "offline proof skipped: needs root for unshare -n (a network namespace with only loopback)");
        for (String tool : List.of("/usr/bin/unshare", "/usr/bin/strace", "/usr/sbin/ip")) {
            Assumptions.assumeTrue(Files.isExecutable(Path.of(tool)), "offline proof skipped: " + tool + " is not installed");
        }
    }

    @Test
    void theDemoMirrorToAnArchiveAndIntoARegistryConnectsToNothingButLoopback() throws Exception {
        assumeOfflineToolsAndRoot();
        runOffline(OfflineDemoMirror.class.getName() + " '" + tmp.resolve("demo") + "' 127.0.0.1:" + PORT);
        assertThat(Files.readString(tmp.resolve("offline.out"))).contains("demo to archive: true, archive to 127.0.0.1:" + PORT + ": true");
    }
}
