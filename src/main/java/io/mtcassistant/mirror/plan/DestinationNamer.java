package io.mtcassistant.mirror.plan;

import io.mtcassistant.mirror.ImageReference;
import io.mtcassistant.mirror.MirrorException;
import java.nio.charset.StandardCharsets;

/**
 * Names mirrored images as {@code oc adm catalog mirror} does: the registry host is replaced, the
 * path is kept behind an optional prefix, and the destination is always tagged (so the registry
 * cannot garbage-collect it): the source tag, or for a digest-only source the FNV-32a hash
 * (lower-case hex) of the source reference.
 */
public final class DestinationNamer {

    private final String registry;
    private final String prefix;

    public DestinationNamer(String registry, String prefix) {
        this.registry = registry;
        this.prefix = prefix == null || prefix.isBlank() ? "" : trimSlashes(prefix);
    }

    /** From {@code docker://HOST[:PORT][/PREFIX]}. */
    public static DestinationNamer parse(String target) {
        if (target == null || !target.startsWith("docker://")) {
            throw MirrorException.badInput("bad destination '" + target + "': use docker://HOST[:PORT][/PREFIX]");
        }
        String rest = trimSlashes(target.substring("docker://".length()));
        if (rest.isEmpty()) {
            throw MirrorException.badInput("bad destination '" + target + "': no registry host");
        }
        if (rest.contains("@") || rest.substring(rest.indexOf('/') + 1).contains(":") && rest.indexOf('/') > 0) {
            throw MirrorException.badInput("bad destination '" + target + "': give a registry and optional path, without tag or digest");
        }
        int slash = rest.indexOf('/');
        String host = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (!prefix.isEmpty()) {
            // Validate the prefix with the repository grammar.
            ImageReference.parseRegistry(host + "/" + prefix + "/x");
        }
        return new DestinationNamer(host, prefix);
    }

    public String registry() {
        return registry;
    }

    public String prefix() {
        return prefix;
    }

    /** host[/prefix], the destination as the user gave it. */
    public String root() {
        return prefix.isEmpty() ? registry : registry + "/" + prefix;
    }

    public String repositoryFor(ImageReference source) {
        return prefix.isEmpty() ? source.repository() : prefix + "/" + source.repository();
    }

    /** The tagged destination for a source reference as written in the image set. */
    public ImageReference destinationFor(ImageReference source, String sourceText) {
        String tag = source.tag() != null ? source.tag() : fnv32a(plain(sourceText));
        return ImageReference.of(registry, repositoryFor(source), tag, null);
    }

    private static String plain(String text) {
        return text.startsWith("docker://") ? text.substring("docker://".length()) : text;
    }

    /** FNV-1a, 32 bit, lower-case hex without padding (Go's fmt "%x"). */
    public static String fnv32a(String text) {
        int hash = 0x811c9dc5;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        return Integer.toHexString(hash);
    }

    private static String trimSlashes(String s) {
        String r = s;
        while (r.endsWith("/")) {
            r = r.substring(0, r.length() - 1);
        }
        while (r.startsWith("/")) {
            r = r.substring(1);
        }
        return r;
    }
}
