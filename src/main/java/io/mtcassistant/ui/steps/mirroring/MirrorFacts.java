package io.mtcassistant.ui.steps.mirroring;

import java.nio.file.Path;

/**
 * What the later steps need from a finished mirror run.
 *
 * @param catalogImage        the mirrored catalog in the mirror registry (host/repo:tag); null when the run wrote an archive
 * @param catalogDigest       its digest
 * @param legacyOperatorImage the legacy operator image in the mirror by digest; null when not mirrored
 * @param catalogSourceFile   the CatalogSource YAML; null when none was written
 * @param resultsDir          mapping.txt, ICSP/IDMS and the rest
 * @param archiveDir          the archive written (registry to archive); null otherwise
 */
public record MirrorFacts(String catalogImage, String catalogDigest, String legacyOperatorImage, Path catalogSourceFile,
                          Path resultsDir, Path archiveDir) {
}
