package io.mtcassistant.mirror.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.mirror.outputs.ResultsWriter;
import io.mtcassistant.mirror.testsupport.LocalRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo into a real registry (docker-registry on 127.0.0.1 with a password): directly, and through an archive. The
 * results folder gets mapping.txt, ICSP/IDMS and the CatalogSource; the facts name the catalog and the legacy operator.
 */
class MirroringSessionRegistryTest {

    @TempDir
    Path tmp;

    @Test
    void demoIntoARegistryDirectlyAndThroughAnArchive() throws Exception {
        LocalRegistry.assumeRegistryInstalled();
        ProgressTracker tracker = new ProgressTracker();
        try (LocalRegistry registry = LocalRegistry.builder(tmp).htpasswd("admin", "s3cret").start();
             MirroringSession session = new MirroringSession(tmp.resolve("cache"), true, tracker)) {
            MirrorSetup direct = new MirrorSetup(MirrorMode.MIRROR_TO_MIRROR, MirroringSession.demoIndexImage(), "release-v1.7", true,
                    registry.host() + "/direct", "admin", "s3cret", null, true, null, tmp.resolve("results-direct"));
            MirroringSession.Outcome first = session.run(session.plan(direct));
            assertThat(first.ok()).isTrue();
            assertResults(first, registry.host() + "/direct");

            MirrorSetup toArchive = new MirrorSetup(MirrorMode.MIRROR_TO_ARCHIVE, MirroringSession.demoIndexImage(), "release-v1.7",
                    true, "", "", "", null, false, tmp.resolve("archive"), tmp.resolve("results-archive"));
            assertThat(session.run(session.plan(toArchive)).ok()).isTrue();
            MirrorSetup fromArchive = new MirrorSetup(MirrorMode.ARCHIVE_TO_MIRROR, "", null, false, registry.host() + "/airgap",
                    "admin", "s3cret", null, true, tmp.resolve("archive"), tmp.resolve("results-airgap"));
            MirroringSession.Outcome second = session.run(session.plan(fromArchive));
            assertThat(second.ok()).isTrue();
            assertThat(tracker.snapshot().allFinished()).as("every row of the archive's plan, the catalog too").isTrue();
            assertThat(tracker.snapshot().fraction()).isEqualTo(1.0);
            assertResults(second, registry.host() + "/airgap");
        }
    }

    private static void assertResults(MirroringSession.Outcome outcome, String root) throws Exception {
        assertThat(outcome.files()).extracting(p -> p.getFileName().toString())
                .contains(ResultsWriter.MAPPING, ResultsWriter.ICSP, ResultsWriter.IDMS, ResultsWriter.SUMMARY)
                .anyMatch(name -> name.startsWith("catalogSource-"));
        assertThat(outcome.catalogImage()).isEqualTo(root + "/redhat/redhat-operator-index:v4.12");
        assertThat(outcome.legacyOperatorImage()).startsWith(root + "/rhmtc/openshift-migration-legacy-rhel8-operator@sha256:");
        assertThat(Files.readString(outcome.catalogSourceFile())).contains("image: " + outcome.catalogImage());
        assertThat(Files.readString(outcome.resultsDir().resolve(ResultsWriter.MAPPING)))
                .contains("registry.redhat.io/rhmtc/openshift-migration-controller-rhel8@sha256:");
    }
}
