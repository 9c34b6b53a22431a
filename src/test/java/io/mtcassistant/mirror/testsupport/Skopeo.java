package io.mtcassistant.mirror.testsupport;

import io.mtcassistant.mirror.Digests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** skopeo as a peer: the reference client our copies must agree with. */
public final class Skopeo {

    public static final Path BINARY = Path.of("/usr/bin/skopeo");

    private Skopeo() {
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    public record Result(int exitCode, String output) {
    }

    public static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(BINARY.toString());
        command.add("--insecure-policy");
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("skopeo timed out: " + command);
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** Runs skopeo and fails with its output when it fails. */
    public static String ok(String... args) throws IOException, InterruptedException {
        Result r = run(args);
        if (r.exitCode() != 0) {
            throw new AssertionError("skopeo " + String.join(" ", args) + " failed: " + r.output());
        }
        return r.output();
    }

    /** sha256 of the raw manifest skopeo reads (the digest a cluster would pull). */
    public static String rawDigest(String reference, String... extra) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("inspect", "--raw"));
        if (reference.startsWith("docker://")) {
            args.add("--tls-verify=false");
        }
        args.addAll(List.of(extra));
        args.add(reference);
        List<String> command = new ArrayList<>();
        command.add(BINARY.toString());
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] raw = p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new AssertionError("skopeo inspect --raw " + reference + " failed");
        }
        return Digests.sha256(raw);
    }
}
