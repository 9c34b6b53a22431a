package io.mtcassistant.cli;

import picocli.CommandLine.Option;

/** Registry options of copy and mirror: access, plus TLS verification of the source and the destination registry. */
public class RegistryOptionsMixin extends RegistryAccessOptions {

    @Option(names = "--src-tls-verify", arity = "0..1", fallbackValue = "true", defaultValue = "true", paramLabel = "BOOL",
            description = "Verify TLS of source registries (default true; false also allows plain HTTP).")
    boolean srcTlsVerify = true;

    @Option(names = "--dest-tls-verify", arity = "0..1", fallbackValue = "true", defaultValue = "true", paramLabel = "BOOL",
            description = "Verify TLS of the destination registry (default true; false also allows plain HTTP).")
    boolean destTlsVerify = true;
}
