package io.mtcassistant.cluster;

import io.fabric8.kubernetes.client.OAuthTokenProvider;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands fabric8 the token of an exec plugin and runs the plugin again when the token has expired, so a long
 * session (the migration monitor) survives token rotation.
 */
final class ExecTokenProvider implements OAuthTokenProvider {

    private static final Logger LOG = LoggerFactory.getLogger(ExecTokenProvider.class);
    private static final Duration EARLY = Duration.ofSeconds(30);

    private final ExecCredentialPlugin plugin;
    private String token;
    private Instant expires;

    ExecTokenProvider(ExecCredentialPlugin plugin, ExecCredentialPlugin.Credential first) {
        this.plugin = plugin;
        this.token = first.token();
        this.expires = first.expires();
    }

    @Override
    public synchronized String getToken() {
        if (expires != null && Instant.now().plus(EARLY).isAfter(expires)) {
            try {
                ExecCredentialPlugin.Credential fresh = plugin.run();
                if (fresh.token() != null) {
                    token = fresh.token();
                    expires = fresh.expires();
                }
            } catch (ExecCredentialPlugin.Failure e) {
                LOG.warn("Exec plugin {} could not refresh its token: {} {}", plugin.commandName(), e.getMessage(),
                        e.stderr());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return token;
    }
}
