package io.mtcassistant.network.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * A real reverse proxy (Debian's nginx) on 127.0.0.1 and a free port, in front of an HTTPS backend, from a temporary
 * config; with {@code passUpgrade} it forwards the Upgrade and Connection headers (what exec through a proxy needs),
 * without it nginx drops them, as a default reverse proxy does.
 */
public final class Nginx implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/sbin/nginx");

    private final Path dir;
    private final int port;
    private final Process process;

    private Nginx(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    public static Nginx start(String backendUrl, boolean passUpgrade) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(BINARY), "nginx test skipped: nginx is not installed (Debian package nginx)");
        Path dir = Files.createTempDirectory("nginx-");
        int port = LocalDaemon.freePort();
        String upgrade = passUpgrade ? "      proxy_http_version 1.1;\n      proxy_set_header Upgrade $http_upgrade;\n"
                + "      proxy_set_header Connection \"upgrade\";\n" : "";
        String conf = "daemon off;\nmaster_process off;\nworker_processes 1;\npid " + dir.resolve("nginx.pid") + ";\n"
                + "error_log " + dir.resolve("error.log") + " info;\n"
                + "events { worker_connections 64; }\n"
                + "http {\n  access_log " + dir.resolve("access.log") + ";\n"
                + "  client_body_temp_path " + dir.resolve("body") + ";\n  proxy_temp_path " + dir.resolve("proxy") + ";\n"
                + "  fastcgi_temp_path " + dir.resolve("fastcgi") + ";\n  uwsgi_temp_path " + dir.resolve("uwsgi") + ";\n"
                + "  scgi_temp_path " + dir.resolve("scgi") + ";\n"
                + "  server {\n    listen 127.0.0.1:" + port + ";\n    location / {\n"
                + "      proxy_pass " + backendUrl + ";\n      proxy_ssl_verify off;\n      proxy_read_timeout 60s;\n"
                + upgrade + "    }\n  }\n}\n";
        Path config = dir.resolve("nginx.conf");
        Files.writeString(config, conf);
        Process process = new ProcessBuilder(BINARY.toString(), "-p", dir.toString(), "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        LocalDaemon.awaitListening("nginx", process, port, () -> LocalDaemon.read(dir.resolve("stdout.log")));
        return new Nginx(dir, port, process);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        LocalDaemon.stop(process, dir);
    }
}
