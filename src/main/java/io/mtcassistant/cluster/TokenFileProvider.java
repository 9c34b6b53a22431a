package io.mtcassistant.cluster;

import io.fabric8.kubernetes.client.OAuthTokenProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** A kubeconfig tokenFile: read when connecting and again at most once a minute, since it may be rotated. */
final class TokenFileProvider implements OAuthTokenProvider {

    private static final Duration REREAD = Duration.ofMinutes(1);

    private final Path file;
    private String token;
    private Instant readAt;

    TokenFileProvider(Path file) throws IOException {
        this.file = file;
        this.token = read(file);
        this.readAt = Instant.now();
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }

    @Override
    public synchronized String getToken() {
        if (Instant.now().isAfter(readAt.plus(REREAD))) {
            try {
                token = read(file);
            } catch (IOException e) {
                // keep the last token; the next request's 401 (if any) tells the user
            }
            readAt = Instant.now();
        }
        return token;
    }
}
