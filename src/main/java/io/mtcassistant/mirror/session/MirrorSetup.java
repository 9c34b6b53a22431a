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

    private static final java.util.regex.Pattern HOST = java.util.regex.Pattern.compile(
            "([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*|\\[[0-9A-Fa-f:.]+]");
    private static final java.util.regex.Pattern PATH = java.util.regex.Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*(/[a-z0-9]+([._-][a-z0-9]+)*)*");

    /**
     * What is wrong with a mirror registry as typed (host[:port][/path]); empty when it is well formed or empty (an empty
     * field is asked for when it is needed, not while typing).
     */
    public static java.util.Optional<String> registryProblem(String text) {
        String value = text == null ? "" : text.trim().replaceFirst("^docker://", "").replaceAll("/+$", "");
        if (value.isEmpty()) {
            return java.util.Optional.empty();
        }
        if (value.contains("://")) {
            return java.util.Optional.of("Give host[:port][/path] without a scheme, for example mirror.example.com:8443/mtc.");
        }
        int slash = value.indexOf('/');
        String hostPort = slash < 0 ? value : value.substring(0, slash);
        String path = slash < 0 ? "" : value.substring(slash + 1);
        int colon = hostPort.lastIndexOf(':');
        String host = colon > hostPort.lastIndexOf(']') && colon >= 0 ? hostPort.substring(0, colon) : hostPort;
        String port = colon > hostPort.lastIndexOf(']') && colon >= 0 ? hostPort.substring(colon + 1) : null;
        if (!HOST.matcher(host).matches()) {
            return java.util.Optional.of("\"" + host + "\" is not a host name: use letters, digits, dots and dashes "
                    + "(for example mirror.example.com).");
        }
        if (port != null) {
            int number = port.matches("[0-9]{1,5}") ? Integer.parseInt(port) : -1;
            if (number < 1 || number > 65535) {
                return java.util.Optional.of("Port \"" + port + "\" is not a port: use a number from 1 to 65535.");
            }
        }
        if (!path.isEmpty() && !PATH.matcher(path).matches()) {
            return java.util.Optional.of("Path \"" + path + "\" is not a repository path: use lower-case letters, digits, "
                    + "and . _ - / between them.");
        }
        return java.util.Optional.empty();
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
