package io.mtcassistant.network.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * A real forward proxy (Debian's tinyproxy, package tinyproxy-bin) on 127.0.0.1 and a free port, in the foreground
 * from a temporary config; optionally with Basic authentication. With LogLevel Connect its log names every CONNECT.
 */
public final class Tinyproxy implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/tinyproxy");

    private final Path dir;
    private final int port;
    private final Process process;

    private Tinyproxy(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /**
     * Skips the test when tinyproxy is missing and this is not root (who could have installed it: scripts/test.sh
     * does); as root a missing tinyproxy fails the test instead of silently leaving the proxy path untested.
     */
    public static void assumeInstalled() {
        boolean installed = Files.isExecutable(BINARY);
        if (!installed && "root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("tinyproxy is not installed (" + BINARY + "): scripts/test.sh installs"
                    + " the Debian package tinyproxy-bin when run as root");
        }
        Assumptions.assumeTrue(installed, "tinyproxy test skipped: tinyproxy is not installed (Debian package"
                + " tinyproxy-bin or tinyproxy) and this user cannot install it");
    }

    /** Starts tinyproxy; with a user, every request needs Basic proxy authentication as that user. */
    public static Tinyproxy start(String user, String password) throws Exception {
        assumeInstalled();
        Path dir = Files.createTempDirectory("tinyproxy-");
        int port = LocalDaemon.freePort();
        String conf = "Port " + port + "\nListen 127.0.0.1\nTimeout 120\nLogLevel Connect\nMaxClients 20\n"
                + (user == null ? "" : "BasicAuth " + user + " " + password + "\n");
        Path config = dir.resolve("tinyproxy.conf");
        Files.writeString(config, conf);
        Process process = new ProcessBuilder(BINARY.toString(), "-d", "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("tinyproxy.log").toFile()).start();
        Tinyproxy proxy = new Tinyproxy(dir, port, process);
        try {
            LocalDaemon.awaitListening("tinyproxy", process, port, proxy::logText);
        } catch (Exception | Error e) {
            proxy.close();
            throw e;
        }
        return proxy;
    }

    private String logText() {
        return LocalDaemon.read(dir.resolve("tinyproxy.log"));
    }

    /** The proxy URL, with credentials when given. */
    public String url(String user, String password) {
        return "http://" + (user == null ? "" : user + ":" + password + "@") + "127.0.0.1:" + port;
    }

    /** The CONNECT requests tinyproxy logged ("CONNECT 127.0.0.1:43123 HTTP/1.1"). */
    public List<String> connects() {
        return logText().lines().filter(l -> l.contains("Request")).map(l -> l.substring(l.indexOf(": ", l.indexOf("Request")) + 2))
                .filter(l -> l.startsWith("CONNECT ")).toList();
    }

    @Override
    public void close() {
        LocalDaemon.stop(process, dir);
    }
}
