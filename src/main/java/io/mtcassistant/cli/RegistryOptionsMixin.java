package io.mtcassistant.cli;

import io.mtcassistant.mirror.MirrorException;
import io.mtcassistant.mirror.registry.CredentialStore;
import io.mtcassistant.mirror.registry.ProxySettings;
import io.mtcassistant.mirror.registry.RegistryAccess;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Registry access options shared by copy and mirror. */
public class RegistryOptionsMixin {

    @Option(names = "--authfile", paramLabel = "FILE",
            description = "Credentials file (auth.json / docker config.json / OpenShift pull secret). Default: "
                    + "$XDG_RUNTIME_DIR/containers/auth.json, ~/.config/containers/auth.json, ~/.docker/config.json.")
    Path authFile;

    @Option(names = "--src-tls-verify", arity = "0..1", fallbackValue = "true", defaultValue = "true", paramLabel = "BOOL",
            description = "Verify TLS of source registries (default true; false also allows plain HTTP).")
    boolean srcTlsVerify = true;

    @Option(names = "--dest-tls-verify", arity = "0..1", fallbackValue = "true", defaultValue = "true", paramLabel = "BOOL",
            description = "Verify TLS of the destination registry (default true; false also allows plain HTTP).")
    boolean destTlsVerify = true;

    @Option(names = "--registry-ca", paramLabel = "HOST=FILE",
            description = "Trust this CA file (PEM) for the registry HOST[:PORT]; repeatable.")
    Map<String, Path> registryCa = new LinkedHashMap<>();

    RegistryAccess access() {
        try {
            Map<String, List<Path>> cas = new LinkedHashMap<>();
            registryCa.forEach((host, file) -> cas.put(host, List.of(file)));
            return new RegistryAccess(CredentialStore.system(authFile), ProxySettings.fromEnvironment(System.getenv()), cas);
        } catch (MirrorException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }
}
