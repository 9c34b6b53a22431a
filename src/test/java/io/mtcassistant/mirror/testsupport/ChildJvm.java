package io.mtcassistant.mirror.testsupport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The command line in a separate JVM on the test class path, for tests that kill it or change its environment. */
public final class ChildJvm {

    private ChildJvm() {
    }

    public static Process start(Path log, Map<String, String> env, List<String> jvmOptions, String... args) throws IOException {
        return startMain(log, env, jvmOptions, "io.mtcassistant.Launcher", args);
    }

    /** Another main class of the class path, e.g. a test's wrapper that sets a seam and then calls the Launcher. */
    public static Process startMain(Path log, Map<String, String> env, List<String> jvmOptions, String mainClass, String... args)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return pb.start();
    }
}
