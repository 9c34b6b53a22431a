package io.mtcassistant.mirror.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real forward proxy (Debian's squid) on 127.0.0.1 and a free port, from a temporary config:
 * no cache, CONNECT allowed to any port, optionally Basic authentication through basic_ncsa_auth
 * and an htpasswd file. Its access log tells which requests went through it.
 */
public final class Squid implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/sbin/squid");
    private static final Path NCSA = Path.of("/usr/lib/squid/basic_ncsa_auth");

    private final Path dir;
    private final int port;
    private final Process process;

    private Squid(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    public static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(BINARY) && Files.isExecutable(NCSA),
                "proxy test skipped: squid is not installed (Debian package squid)");
    }

    /** Starts squid; with a user, every request needs Basic proxy authentication as that user. */
    public static Squid start(String user, String password) throws Exception {
        assumeInstalled();
        // squid drops root for the 'proxy' user: its files live in a directory that user can write.
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "squid-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        StringBuilder conf = new StringBuilder()
                .append("http_port 127.0.0.1:").append(port).append('\n')
                .append("visible_hostname localhost\n")
                .append("pid_filename ").append(dir.resolve("squid.pid")).append('\n')
                .append("cache deny all\ncache_mem 8 MB\ncache_store_log none\npinger_enable off\n")
                .append("access_log stdio:").append(dir.resolve("access.log")).append('\n')
                .append("cache_log ").append(dir.resolve("cache.log")).append('\n')
                .append("coredump_dir ").append(dir).append('\n')
                .append("shutdown_lifetime 0 seconds\n");
        if (user != null) {
            Process p = new ProcessBuilder("htpasswd", "-bn", user, password).start();
            byte[] line = p.getInputStream().readAllBytes();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("htpasswd failed (is apache2-utils installed?)");
            }
            Path htpasswd = dir.resolve("htpasswd");
            Files.write(htpasswd, line);
            Files.setPosixFilePermissions(htpasswd, PosixFilePermissions.fromString("rw-r--r--"));
            conf.append("auth_param basic program ").append(NCSA).append(' ').append(htpasswd).append('\n')
                    .append("auth_param basic realm mtc-test\n")
                    .append("acl authed proxy_auth REQUIRED\nhttp_access allow authed\nhttp_access deny all\n");
        } else {
            conf.append("http_access allow all\n");
        }
        Path config = dir.resolve("squid.conf");
        Files.writeString(config, conf.toString());
        Process process = new ProcessBuilder(BINARY.toString(), "-N", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        Squid squid = new Squid(dir, port, process);
        squid.awaitReady();
        return squid;
    }

    private void awaitReady() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("squid exited: " + read("stdout.log") + read("cache.log"));
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("squid did not listen on port " + port);
    }

    private String read(String file) throws IOException {
        Path p = dir.resolve(file);
        return Files.exists(p) ? Files.readString(p) : "";
    }

    /** The proxy URL, with credentials when given. */
    public String url(String user, String password) {
        return "http://" + (user == null ? "" : user + ":" + password + "@") + "127.0.0.1:" + port;
    }

    /** squid writes its access log lines when a request (or CONNECT tunnel) ends. */
    public List<String> accessLog() throws IOException {
        Path log = dir.resolve("access.log");
        return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    }

    /** Stops squid and keeps its logs (it writes a tunnel's line only when the tunnel ends). */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        stop();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp dir is harmless
        }
    }
}
