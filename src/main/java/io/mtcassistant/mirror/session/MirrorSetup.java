package io.mtcassistant.mirror.session;

import java.nio.file.Path;

/**
 * What the admin chose on the Mirroring step.
 *
 * @param mode            registry to registry, registry to archive, or archive to registry
 * @param indexImage      the operator index image (for example registry.redhat.io/redhat/redhat-operator-index:v4.14)
 * @param channel         the mtc-operator channel (release-v1.7); null when only the legacy operator is needed
 * @param legacyOperator  true when a cluster installs MTC with the legacy operator (OpenShift 3)
 * @param registry        the mirror registry host[:port] with an optional path prefix (mirror.example.com:8443/mtc)
 * @param username        for the mirror registry; empty for none or the standard auth files
 * @param password        never logged or saved
 * @param caFile          CA bundle for the mirror registry; null for the system trust store
 * @param insecure        TLS verification off for the mirror registry (explicit choice only)
 * @param archiveDir      the archive folder written (registry to archive) or read (archive to registry)
 * @param resultsDir      where mapping.txt, ICSP/IDMS and the CatalogSource are written
 */
public record MirrorSetup(MirrorMode mode, String indexImage, String channel, boolean legacyOperator, String registry,
                          String username, String password, Path caFile, boolean insecure, Path archiveDir, Path resultsDir) {

    public MirrorSetup {
        username = username == null ? "" : username.trim();
        password = password == null ? "" : password;
        registry = registry == null ? "" : registry.trim().replaceFirst("^docker://", "").replaceAll("/+$", "");
        indexImage = indexImage == null ? "" : indexImage.trim();
    }

    /** host[:port] of the mirror registry, without the path prefix. */
    public String registryHost() {
        int slash = registry.indexOf('/');
        return slash < 0 ? registry : registry.substring(0, slash);
    }

    @Override
    public String toString() {
        return "MirrorSetup[mode=" + mode + ", index=" + indexImage + ", channel=" + channel + ", legacy=" + legacyOperator
                + ", registry=" + registry + ", user=" + username + ", password=" + (password.isEmpty() ? "" : "****")
                + ", archive=" + archiveDir + ", results=" + resultsDir + "]";
    }
}
