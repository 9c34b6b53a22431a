package io.mtcassistant.mirror.plan;

import io.mtcassistant.mirror.ImageReference;

/** One image to mirror: the source as written, parsed, and its tagged destination. */
public record MirrorItem(String sourceText, ImageReference source, ImageReference destination) {

    /** Pulled by digest (IDMS applies) rather than by tag (ITMS applies). */
    public boolean byDigest() {
        return source.digest() != null;
    }

    /** The mapping.txt line: source=destination. */
    public String mappingLine() {
        return source.plain() + "=" + destination.plain();
    }
}
