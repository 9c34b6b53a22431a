package io.mtcassistant.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtcassistant.mirror.archive.ArchiveMetadata;
import io.mtcassistant.mirror.archive.MirrorArchive;
import io.mtcassistant.mirror.catalog.demo.DemoCatalog;
import io.mtcassistant.mirror.layout.OciLayout;
import io.mtcassistant.mirror.registry.CredentialStore;
import io.mtcassistant.mirror.registry.ProxySettings;
import io.mtcassistant.mirror.registry.RegistryAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * operator.yml and controller.yml come out of the demo legacy operator image (our own template, pushed by the transfer
 * engine) from the simulated mirror registry and from a mirror archive, and the mirror completeness check HEADs what
 * the install pulls.
 */
class LegacyOperatorFilesTest {

    @TempDir
    static Path dir;
    static TestMirror mirror;
    static MirrorResults results;
    static MirrorAccess access;

    @BeforeAll
    static void start() {
        mirror = new TestMirror(dir);
        results = MirrorResults.read(mirror.results);
        access = new MirrorAccess(new RegistryAccess(CredentialStore.empty(), ProxySettings.none(),
                Map.of(mirror.registry.endpoint(), List.of(mirror.registry.caFile()))), true);
    }

    @AfterAll
    static void stop() {
        if (mirror != null) {
            mirror.close();
        }
    }

    @Test
    void bothFilesComeOutOfTheMirroredImage() {
        LegacyOperatorFiles files = LegacyOperatorFiles.fromMirror(results, access);

        assertThat(files.image()).startsWith(mirror.registry.endpoint() + "/" + DemoCatalog.LEGACY_REPOSITORY);
        assertThat(files.operatorYml()).contains(DemoCatalog.DEMO_TEXT).contains("kind: Deployment")
                .contains("VELERO_REPO");
        assertThat(files.controllerYml()).contains("kind: MigrationController").contains("migration_velero: true");
    }

    private static Path archive() {
        Path archive = dir.resolve("archive");
        if (!Files.exists(archive)) {
            OciLayout layout = OciLayout.open(mirror.contents.layoutDir());
            List<ArchiveMetadata.Image> images = layout.entries().stream().map(e -> new ArchiveMetadata.Image(e.refName(),
                    e.refName(), e.descriptor().digest(), e.descriptor().mediaType(), e.descriptor().size())).toList();
            MirrorArchive.pack(layout, ArchiveMetadata.now(images), archive, 1L << 30, false);
        }
        return archive;
    }

    @Test
    void bothFilesComeOutOfAMirrorArchive() {
        Path archive = archive();

        LegacyOperatorFiles files = LegacyOperatorFiles.fromArchive(archive);

        assertThat(files.image()).contains(DemoCatalog.LEGACY_REPOSITORY).contains("in " + archive);
        assertThat(files.operatorYml()).contains(DemoCatalog.DEMO_TEXT);
        assertThat(files.controllerYml()).contains("kind: MigrationController");
    }

    @Test
    void theCommandAndThePageTakeTheArchiveWhenGivenElseTheMirror() throws Exception {
        Path only = dir.resolve("results-without-legacy");
        Files.createDirectories(only);
        Files.writeString(only.resolve("mapping.txt"), "registry.redhat.io/a/b:1=" + mirror.registry.endpoint() + "/a/b:1\n");
        Path archive = archive();

        LegacyOperatorFiles fromArchive = LegacyOperatorFiles.fromArchiveOrMirror(archive, MirrorResults.read(only), access);
        LegacyOperatorFiles fromMirror = LegacyOperatorFiles.fromArchiveOrMirror(null, results, access);

        assertThat(fromArchive.image()).endsWith(" in " + archive);
        assertThat(fromMirror.image()).startsWith(mirror.registry.endpoint() + "/");
        assertThat(fromArchive.operatorYml()).isEqualTo(fromMirror.operatorYml());
        assertThat(fromArchive.controllerYml()).isEqualTo(fromMirror.controllerYml());
    }

    @Test
    void resultsWithoutTheLegacyOperatorSayToMirrorIt() throws Exception {
        Path only = dir.resolve("olm-only");
        Files.createDirectories(only);
        Files.writeString(only.resolve("mapping.txt"), "registry.redhat.io/a/b:1=" + mirror.registry.endpoint() + "/a/b:1\n");

        assertThatThrownBy(() -> LegacyOperatorFiles.fromMirror(MirrorResults.read(only), access))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(LegacyOperatorFiles.REPOSITORY_NAME)
                .hasMessageContaining("mirror it");
    }

    @Test
    void theDemoLegacyInstallPullsOnlyWhatTheMirrorHas() {
        LegacyOperatorFiles files = LegacyOperatorFiles.fromMirror(results, access);
        LegacyInstallPlanner.Planned planned = LegacyInstallPlanner.plan(new LegacyInstallPlanner.Request("sim-source",
                "1.7.18", files.operatorYml(), files.controllerYml(), false, java.time.Duration.ofMinutes(1)), results);

        MirrorCompleteness.Result check = new MirrorCompleteness(results, access).legacy(planned.rewrite());

        assertThat(check.complete()).as(check.missing().toString()).isTrue();
        // operator, four REPO/TAG images and rsync by digest
        assertThat(check.checked()).isEqualTo(6);
        assertThat(planned.rewrite().pulled()).allMatch(image -> image.startsWith(mirror.registry.endpoint() + "/"));
    }

    @Test
    void theOlmInstallChecksBundlesAndRelatedImagesAndBlocksOnAMissingOne() {
        MirrorCompleteness completeness = new MirrorCompleteness(results, access);
        MirrorCompleteness.Result before = completeness.olm("1.8.8");
        assertThat(before.complete()).as(before.missing().toString()).isTrue();
        // the MTC bundle and its six operands, the OADP bundle and its four
        assertThat(before.checked()).isEqualTo(12);

        String velero = "rhmtc/openshift-migration-velero-rhel8";
        String digest = completeness.olmImages("1.8.8").stream().filter(i -> i.contains(velero + "@")).findFirst()
                .orElseThrow().substring(DemoCatalog.DEFAULT_HOST.length() + velero.length() + 2);
        mirror.registry.removeManifest(velero, digest);
        MirrorCompleteness.Result after = completeness.olm("1.8.8");

        assertThat(after.complete()).isFalse();
        assertThat(after.missing()).singleElement().asString().contains(velero + "@" + digest);
        assertThatThrownBy(after::requireComplete).isInstanceOf(MirrorCompleteness.Incomplete.class)
                .hasMessageContaining("not in the mirror").hasMessageContaining("mirror again");
    }

    @Test
    void aVersionTheCatalogLacksIsNamedWithTheOnesItHas() {
        assertThatThrownBy(() -> new MirrorCompleteness(results, access).olm("1.8.99"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mtc-operator.v1.8.99")
                .hasMessageContaining("mtc-operator.v1.8.8");
    }

}
