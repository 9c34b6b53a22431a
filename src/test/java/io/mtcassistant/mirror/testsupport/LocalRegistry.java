package io.mtcassistant.mirror.testsupport;

import io.mtcassistant.mirror.Digests;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real distribution 2.8 registry (Debian's /usr/bin/docker-registry) on 127.0.0.1 and a free
 * port, with its own storage directory, optionally behind htpasswd Basic auth, a token service,
 * or TLS with a generated self-signed certificate. The access log is kept for assertions.
 * Reused by later issues: {@code try (LocalRegistry r = LocalRegistry.builder(tmp).start()) {...}}.
 */
public final class LocalRegistry implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/docker-registry");

    private final Path dir;
    private final int port;
    private final Process process;
    private final Path log;
    private final TestCertificates tls;

    private LocalRegistry(Path dir, int port, Process process, Path log, TestCertificates tls) {
        this.dir = dir;
        this.port = port;
        this.process = process;
        this.log = log;
        this.tls = tls;
    }

    /** Skips the calling test with a clear message when the registry or skopeo is not installed. */
    public static void assumeInstalled() {
        assumeRegistryInstalled();
        Assumptions.assumeTrue(Skopeo.installed(), "integration test skipped: skopeo is not installed (Debian package skopeo)");
    }

    /** Skips the calling test with a clear message when the registry is not installed (for tests that do not need skopeo). */
    public static void assumeRegistryInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(BINARY),
                "integration test skipped: /usr/bin/docker-registry is not installed (Debian package docker-registry)");
    }

    public static Builder builder(Path workDir) {
        return new Builder(workDir);
    }

    public static final class Builder {
        private final Path workDir;
        private String user;
        private String password;
        private TokenServer tokenServer;
        private boolean tls;

        private Builder(Path workDir) {
            this.workDir = workDir;
        }

        public Builder htpasswd(String user, String password) {
            this.user = user;
            this.password = password;
            return this;
        }

        public Builder tokenAuth(TokenServer server) {
            this.tokenServer = server;
            return this;
        }

        public Builder tls() {
            this.tls = true;
            return this;
        }

        public LocalRegistry start() throws Exception {
            assumeRegistryInstalled();
            Path dir = Files.createTempDirectory(workDir, "registry-");
            Path storage = Files.createDirectories(dir.resolve("storage"));
            int port = freePort();
            StringBuilder config = new StringBuilder();
            config.append("version: 0.1\n")
                    .append("log: {level: info, accesslog: {disabled: false}, fields: {service: registry}}\n")
                    .append("storage:\n  filesystem: {rootdirectory: ").append(storage).append("}\n  delete: {enabled: true}\n")
                    .append("  maintenance: {uploadpurging: {enabled: false}}\n")
                    .append("health: {storagedriver: {enabled: false}}\n")
                    .append("http:\n  addr: 127.0.0.1:").append(port).append("\n");
            TestCertificates certs = null;
            if (tls) {
                certs = TestCertificates.create(dir, "registry");
                config.append("  tls: {certificate: ").append(certs.certFile()).append(", key: ").append(certs.keyFile()).append("}\n");
            }
            if (user != null) {
                Path htpasswd = dir.resolve("htpasswd");
                Process p = new ProcessBuilder("htpasswd", "-Bbn", user, password).redirectErrorStream(false).start();
                byte[] line = p.getInputStream().readAllBytes();
                if (p.waitFor() != 0) {
                    throw new IllegalStateException("htpasswd failed (is apache2-utils installed?)");
                }
                Files.write(htpasswd, line);
                config.append("auth: {htpasswd: {realm: basic-realm, path: ").append(htpasswd).append("}}\n");
            } else if (tokenServer != null) {
                config.append("auth:\n  token:\n    realm: ").append(tokenServer.realm()).append("\n    service: ")
                        .append(TokenServer.SERVICE).append("\n    issuer: ").append(TokenServer.ISSUER)
                        .append("\n    rootcertbundle: ").append(tokenServer.rootCertBundle()).append("\n");
            }
            Path configFile = dir.resolve("config.yml");
            Files.writeString(configFile, config.toString());
            Path log = dir.resolve("registry.log");
            Process process = new ProcessBuilder(BINARY.toString(), "serve", configFile.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            LocalRegistry registry = new LocalRegistry(dir, port, process, log, certs);
            registry.awaitReady();
            return registry;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void awaitReady() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("docker-registry exited: " + Files.readString(log));
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("docker-registry did not listen on port " + port);
    }

    /** host:port, as used in docker:// references. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    public String ref(String repositoryAndTag) {
        return "docker://" + host() + "/" + repositoryAndTag;
    }

    public Path storage() {
        return dir.resolve("storage");
    }

    public TestCertificates tls() {
        return tls;
    }

    /** The file distribution serves a blob from (tests corrupt it to simulate a bad registry). */
    public Path blobData(String digest) {
        String hex = Digests.hex(digest);
        return storage().resolve("docker/registry/v2/blobs/sha256").resolve(hex.substring(0, 2)).resolve(hex).resolve("data");
    }

    public boolean hasBlobStored(String digest) {
        return Files.exists(blobData(digest));
    }

    /** Access log lines so far. */
    public List<String> logLines() throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8);
    }

    /** Access-log lines for requests of a method whose path contains the fragment, e.g. ("PUT", "/blobs/uploads/"). */
    public long countRequests(String method, String pathFragment) throws IOException {
        return logLines().stream().filter(l -> l.contains("\"" + method + " ") && l.contains(pathFragment) && l.contains("HTTP/1.1\""))
                .count();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
