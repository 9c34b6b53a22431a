package io.mtcassistant.sim.olm;

import java.util.List;

/**
 * One repository mirror of an ImageContentSourcePolicy or ImageDigestMirrorSet: pulls by digest of images under
 * {@code source} try the mirrors first, then the source unless {@code neverContactSource}.
 */
record MirrorRule(String source, List<String> mirrors, boolean neverContactSource) {

    /** The image under each mirror, in order, when the rule applies to it; empty otherwise. */
    List<String> candidates(String repositoryPath, String digestSuffix) {
        if (!repositoryPath.equals(source) && !repositoryPath.startsWith(source + "/")) {
            return List.of();
        }
        String rest = repositoryPath.substring(source.length());
        return mirrors.stream().map(mirror -> mirror + rest + digestSuffix).toList();
    }
}
