package io.mtcassistant.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mtcassistant.common.HttpHeads;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A server that refuses a PUT once it has read the headers and drops the connection before the body arrives: the
 * probe's write must still be reported as what the server decided (access denied), not as a broken connection.
 */
class RefusedPutVerdictTest {

    private static final S3Keys KEYS = new S3Keys("AKIAEXAMPLE", "secret-example");

    private final RefusingServer server = new RefusingServer();

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void anEmptyPutLearnsTheVerdictThatTheDroppedConnectionHid() throws Exception {
        server.emptyPutAnswer = "HTTP/1.1 403 Forbidden";
        try (S3Client s3 = client()) {
            RuntimeException first = put(s3, "probe-content");
            assertThat(S3FailureClassifier.classify(first)).isEqualTo(RepositoryProblem.S3_ERROR);

            RuntimeException verdict;
            try (S3Client bodiless = bodilessClient()) {
                verdict = RepositoryCheck.verdictWithoutBody(bodiless, target(), "probe", first);
            }

            assertThat(S3FailureClassifier.classify(verdict)).isEqualTo(RepositoryProblem.ACCESS_DENIED);
            assertThat(S3FailureClassifier.describe(verdict)).isEqualTo("HTTP 403 AccessDenied");
        }
    }

    @Test
    void whenTheEmptyPutIsAcceptedTheFirstFailureIsReportedAndTheEmptyObjectRemoved() throws Exception {
        server.emptyPutAnswer = "HTTP/1.1 200 OK";
        try (S3Client s3 = client()) {
            RuntimeException first = put(s3, "probe-content");

            try (S3Client bodiless = bodilessClient()) {
                assertThat(RepositoryCheck.verdictWithoutBody(bodiless, target(), "probe", first)).isSameAs(first);
            }
            assertThat(server.deleted).isTrue();
        }
    }

    private static RuntimeException put(S3Client s3, String content) {
        return catchThrowableOfType(RuntimeException.class, () -> s3.putObject(r -> r.bucket("migration").key("probe"),
                RequestBody.fromString(content)));
    }

    private RepositoryTarget target() {
        return RepositoryTarget.of("http://127.0.0.1:" + server.port(), "migration", null, null, false);
    }

    private S3Client client() {
        return S3ClientFactory.client(target(), KEYS, Duration.ofSeconds(30));
    }

    private S3Client bodilessClient() {
        return S3ClientFactory.withoutChunkedEncoding(target(), KEYS, Duration.ofSeconds(30));
    }

    /** One connection at a time: a PUT with a body is dropped (reset) after its headers; the rest is answered. */
    private static final class RefusingServer implements AutoCloseable {
        private final ServerSocket socket;
        private final Thread thread;
        volatile String emptyPutAnswer;
        volatile boolean deleted;

        RefusingServer() {
            try {
                socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            thread = new Thread(this::serve, "refusing-s3");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket connection = socket.accept()) {
                    String head = HttpHeads.read(connection.getInputStream()).toLowerCase(Locale.ROOT);
                    if (head.startsWith("put") && !head.contains("\r\ncontent-length: 0\r\n")) {
                        connection.setSoLinger(true, 0); // reset, as a server closing with the body unread does
                        continue;
                    }
                    if (head.startsWith("delete")) {
                        deleted = true;
                    }
                    String status = head.startsWith("put") ? emptyPutAnswer : "HTTP/1.1 204 No Content";
                    String body = status.contains("403") ? "<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code>"
                            + "<Message>Access Denied</Message></Error>" : "";
                    OutputStream out = connection.getOutputStream();
                    out.write((status + "\r\nETag: \"d41d8cd98f00b204e9800998ecf8427e\"" // MD5 of nothing
                            + "\r\nContent-Type: application/xml\r\nContent-Length: " + body.length()
                            + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } catch (IOException e) {
                    // the client went away or the server is closing
                }
            }
        }

    
        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
