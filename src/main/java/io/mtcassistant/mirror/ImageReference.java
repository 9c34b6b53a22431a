package io.mtcassistant.mirror;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where an image is: {@code docker://HOST[:PORT]/REPO[:TAG|@sha256:...]} (a registry) or
 * {@code oci:DIR[:TAG]} (an OCI image layout, as skopeo reads and writes it). References without a
 * transport (as written in an image set) are registry references.
 */
public final class ImageReference {

    public enum Transport { DOCKER, OCI }

    private static final Pattern REPO = Pattern.compile("[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*(/[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*)*");
    private static final Pattern TAG = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}");
    private static final String DOCKER_HUB = "docker.io";

    private final Transport transport;
    private final String registry;
    private final String repository;
    private final String tag;
    private final String digest;
    private final Path layoutDir;

    private ImageReference(Transport transport, String registry, String repository, String tag, String digest, Path layoutDir) {
        this.transport = transport;
        this.registry = registry;
        this.repository = repository;
        this.tag = tag;
        this.digest = digest;
        this.layoutDir = layoutDir;
    }

    /** Parses a reference with a transport prefix ({@code docker://} or {@code oci:}). */
    public static ImageReference parse(String text) {
        if (text == null || text.isBlank()) {
            throw MirrorException.badInput("empty image reference");
        }
        if (text.startsWith("docker://")) {
            return parseRegistry(text.substring("docker://".length()), text);
        }
        if (text.startsWith("oci:")) {
            return parseLayout(text.substring("oci:".length()), text);
        }
        throw MirrorException.badInput("bad image reference '" + text + "': start it with docker:// or oci:");
    }

    /** Parses a registry reference without transport, as in an image set ({@code registry.redhat.io/ubi9/ubi:latest}). */
    public static ImageReference parseRegistry(String text) {
        String plain = text.startsWith("docker://") ? text.substring("docker://".length()) : text;
        return parseRegistry(plain, text);
    }

    private static ImageReference parseRegistry(String rest, String original) {
        String name = rest;
        String digest = null;
        int at = name.indexOf('@');
        if (at >= 0) {
            digest = name.substring(at + 1);
            name = name.substring(0, at);
            if (!Digests.isValid(digest)) {
                throw MirrorException.badInput("bad image reference '" + original + "': the digest must be sha256:<64 hex>");
            }
        }
        String tag = null;
        int slash = name.lastIndexOf('/');
        int colon = name.lastIndexOf(':');
        if (colon > slash) {
            tag = name.substring(colon + 1);
            name = name.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw MirrorException.badInput("bad image reference '" + original + "': invalid tag '" + tag + "'");
            }
        }
        String registry;
        String repository;
        int first = name.indexOf('/');
        String head = first < 0 ? name : name.substring(0, first);
        if (first >= 0 && (head.contains(".") || head.contains(":") || head.equals("localhost"))) {
            registry = head;
            repository = name.substring(first + 1);
        } else {
            registry = DOCKER_HUB;
            repository = first < 0 ? "library/" + name : name;
        }
        if (repository.isEmpty() || !REPO.matcher(repository).matches()) {
            throw MirrorException.badInput("bad image reference '" + original + "': invalid repository name '" + repository
                    + "' (lower-case letters, digits, separators . _ - and /)");
        }
        if (registry.isEmpty()) {
            throw MirrorException.badInput("bad image reference '" + original + "': no registry host");
        }
        return new ImageReference(Transport.DOCKER, registry, repository, tag, digest, null);
    }

    private static ImageReference parseLayout(String rest, String original) {
        if (rest.isEmpty()) {
            throw MirrorException.badInput("bad image reference '" + original + "': give a directory after oci:");
        }
        String dir = rest;
        String ref = null;
        // Split at the first colon, as skopeo does, so a ref may itself hold colons (host:port/repo:tag).
        int colon = rest.indexOf(':');
        if (colon > 0) {
            dir = rest.substring(0, colon);
            ref = rest.substring(colon + 1);
            if (ref.isEmpty()) {
                ref = null;
            }
        }
        String digest = null;
        if (ref != null && ref.startsWith("@")) {
            digest = ref.substring(1);
            ref = null;
            if (!Digests.isValid(digest)) {
                throw MirrorException.badInput("bad image reference '" + original + "': the digest must be sha256:<64 hex>");
            }
        }
        return new ImageReference(Transport.OCI, null, null, ref, digest, Path.of(dir));
    }

    /** A registry reference built from parts (used when naming destinations). */
    public static ImageReference of(String registry, String repository, String tag, String digest) {
        return new ImageReference(Transport.DOCKER, registry, repository, tag, digest, null);
    }

    public static ImageReference layout(Path dir, String tag) {
        return new ImageReference(Transport.OCI, null, null, tag, null, dir);
    }

    public Transport transport() {
        return transport;
    }

    public boolean isRegistry() {
        return transport == Transport.DOCKER;
    }

    /** Host[:port] as written; {@code docker.io} for Docker Hub. */
    public String registry() {
        return registry;
    }

    /** The host to talk HTTP to (Docker Hub's API lives on registry-1.docker.io). */
    public String registryEndpoint() {
        return DOCKER_HUB.equals(registry) ? "registry-1.docker.io" : registry;
    }

    public String repository() {
        return repository;
    }

    public String tag() {
        return tag;
    }

    public String digest() {
        return digest;
    }

    public Path layoutDir() {
        return layoutDir;
    }

    /** What to ask for: the digest when given (it pins the content), else the tag, else latest. */
    public String manifestReference() {
        if (digest != null) {
            return digest;
        }
        return tag != null ? tag : "latest";
    }

    public ImageReference withTag(String newTag) {
        return new ImageReference(transport, registry, repository, newTag, digest, layoutDir);
    }

    /** host/repo, the repository's full name (used in ICSP/IDMS and mapping.txt). */
    public String repositoryPath() {
        return registry + "/" + repository;
    }

    /** The reference without transport: host/repo[:tag][@digest], or DIR[:tag] for a layout. */
    public String plain() {
        StringBuilder s = new StringBuilder(isRegistry() ? repositoryPath() : layoutDir.toString());
        if (tag != null) {
            s.append(':').append(tag);
        }
        if (digest != null) {
            s.append(isRegistry() ? "@" : ":@").append(digest);
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return (isRegistry() ? "docker://" : "oci:") + plain();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageReference other && other.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
