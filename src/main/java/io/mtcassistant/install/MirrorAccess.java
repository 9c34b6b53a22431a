package io.mtcassistant.install;

import io.mtcassistant.mirror.registry.RegistryAccess;

/** How the Operators step reads the mirror registry (legacy operator files, completeness HEADs): credentials, CA, TLS. */
public record MirrorAccess(RegistryAccess access, boolean tlsVerify) {
}
