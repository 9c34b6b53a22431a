package io.mtcassistant.cli;

import picocli.CommandLine.Option;

/**
 * Registry options of install, which only reads the mirror registry (the HEADs of the completeness check, the legacy
 * operator image): access, plus TLS verification of that one registry. The option keeps mirror's name for it, since
 * the mirror registry is what mirror wrote to.
 */
public class MirrorRegistryOptions extends RegistryAccessOptions {

    @Option(names = "--dest-tls-verify", arity = "0..1", fallbackValue = "true", defaultValue = "true", paramLabel = "BOOL",
            description = "Verify TLS of the mirror registry (default true; false also allows plain HTTP).")
    boolean destTlsVerify = true;
}
