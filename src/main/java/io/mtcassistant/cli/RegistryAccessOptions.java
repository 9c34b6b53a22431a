package io.mtcassistant.cli;

import io.mtcassistant.mirror.MirrorException;
import io.mtcassistant.mirror.registry.CredentialStore;
import io.mtcassistant.mirror.registry.ProxySettings;
import io.mtcassistant.mirror.registry.RegistryAccess;
import io.mtcassistant.mirror.registry.TransportSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How to reach registries: credentials, CAs, retries and stall timeout. Copy and mirror add TLS verification for
 * source and destination ({@link RegistryOptionsMixin}), install for the mirror only ({@link MirrorRegistryOptions}).
 */
public class RegistryAccessOptions {

    @Option(names = "--authfile", paramLabel = "FILE",
            description = "Credentials file (auth.json / docker config.json / OpenShift pull secret). Default: "
                    + "$XDG_RUNTIME_DIR/containers/auth.json, ~/.config/containers/auth.json, ~/.docker/config.json.")
    Path authFile;

    @Option(names = "--registry-ca", paramLabel = "HOST=FILE",
            description = "Trust this CA file (PEM) for the registry HOST[:PORT]; repeatable.")
    Map<String, Path> registryCa = new LinkedHashMap<>();

    @Option(names = "--retries", paramLabel = "N",
            description = "Tries per request and per blob before giving up (default ${DEFAULT-VALUE}); backoff doubles, with jitter.")
    int retries = TransportSettings.defaults().attempts();

    @Option(names = "--read-timeout", paramLabel = "SECONDS",
            description = "A connection that sends nothing for this long counts as stalled and is retried (default ${DEFAULT-VALUE}).")
    long readTimeoutSeconds = TransportSettings.defaults().readTimeout().toSeconds();

    TransportSettings transport() {
        if (retries < 1 || retries > 100) {
            throw new BadInputException("--retries must be between 1 and 100, got " + retries);
        }
        if (readTimeoutSeconds < 1 || readTimeoutSeconds > 86_400) {
            throw new BadInputException("--read-timeout must be between 1 and 86400 seconds, got " + readTimeoutSeconds);
        }
        return TransportSettings.defaults().withAttempts(retries).withReadTimeout(Duration.ofSeconds(readTimeoutSeconds));
    }

    RegistryAccess access() {
        TransportSettings transport = transport();
        try {
            Map<String, List<Path>> cas = new LinkedHashMap<>();
            registryCa.forEach((host, file) -> cas.put(host, List.of(file)));
            return new RegistryAccess(CredentialStore.system(authFile), ProxySettings.fromEnvironment(System.getenv()), cas, Map.of(),
                    transport);
        } catch (MirrorException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }
}
