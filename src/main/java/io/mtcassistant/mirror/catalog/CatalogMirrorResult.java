package io.mtcassistant.mirror.catalog;

import io.mtcassistant.mirror.MirrorReport;
import java.nio.file.Path;

/**
 * The outcome of a catalog mirror run.
 *
 * @param report              per-image results (the catalog included) and counters
 * @param catalogImage        the pushed filtered catalog, host/repo:tag (null when none or failed)
 * @param catalogDigest       its digest
 * @param legacyOperatorImage the legacy operator in the mirror, host/repo@sha256:... (null when not mirrored)
 * @param catalogSourceFile   the written CatalogSource YAML (null when none)
 */
public record CatalogMirrorResult(MirrorReport report, String catalogImage, String catalogDigest, String legacyOperatorImage,
                                  Path catalogSourceFile) {

    public boolean ok() {
        return report.ok();
    }
}
