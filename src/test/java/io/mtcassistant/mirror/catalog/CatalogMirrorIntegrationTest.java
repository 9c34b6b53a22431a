package io.mtcassistant.mirror.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mtcassistant.mirror.MirrorOptions;
import io.mtcassistant.mirror.catalog.demo.DemoCatalog;
import io.mtcassistant.mirror.engine.RegistryStore;
import io.mtcassistant.mirror.journal.MirrorJournal;
import io.mtcassistant.mirror.plan.DestinationNamer;
import io.mtcassistant.mirror.registry.RegistryAccess;
import io.mtcassistant.mirror.testsupport.LocalRegistry;
import io.mtcassistant.mirror.testsupport.Skopeo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole catalog path against a real registry on loopback: the synthetic index and its images
 * are pushed to it, then mtc-operator release-v1.8 (+ OADP, + legacy operator) is mirrored under
 * /mirror, and the mirror, the rebuilt catalog and the result files are checked.
 */
class CatalogMirrorIntegrationTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path tmp;

    @Test
    void mirrorsTheFilteredCatalogWithEveryImageAndWritesTheClusterResources() throws Exception {
        LocalRegistry.assumeInstalled();
        try (LocalRegistry registry = LocalRegistry.builder(tmp).start()) {
            String host = registry.host();
            RegistryAccess access = RegistryAccess.anonymous();
            DemoCatalog.Contents demo = DemoCatalog.write(tmp.resolve("demo"), host);
            DemoCatalog.push(demo, access, host, false, null);

            CatalogMirror mirror = new CatalogMirror(access, new MirrorOptions(4, false, false, 0), null);
            CatalogRequest request = CatalogRequest.mtc(demo.indexReference(), "release-v1.8", null, true)
                    .withLegacyOperatorImage(demo.legacyOperatorReference());
            CatalogPlan plan = mirror.plan(request, "docker://" + host + "/mirror", tmp.resolve("work"));

            Map<ImagePurpose, Long> counts = plan.images().stream().collect(Collectors.groupingBy(PlannedImage::purpose, Collectors.counting()));
            assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(ImagePurpose.CATALOG, 1L, ImagePurpose.MTC_BUNDLE, 3L,
                    ImagePurpose.MTC_OPERAND, 18L, ImagePurpose.OADP_DEPENDENCY, 5L, ImagePurpose.LEGACY_OPERATOR, 6L));
            assertThat(plan.notes()).isEmpty();
            assertThat(plan.images()).noneMatch(p -> p.item().source().repository().contains("other-operator"));
            assertThat(plan.images()).noneMatch(p -> p.item().sourceText().contains("v1.7.1") || p.detail().contains("1.2.4"));

            CatalogPlan measured = mirror.measure(plan);
            assertThat(measured.images()).allMatch(p -> p.sizeBytes() > 0);

            Path results = tmp.resolve("results");
            CatalogMirrorResult result = mirror.run(measured, results, MirrorJournal.open(tmp.resolve("journal.jsonl")));
            assertThat(result.ok()).as(result.report().images().toString()).isTrue();

            // Every bundle and related image is in the mirror with its digest, under its tagged name.
            for (PlannedImage p : plan.contentImages()) {
                String expected = p.item().source().digest() != null ? p.item().source().digest()
                        : Skopeo.rawDigest("docker://" + p.item().source().plain());
                assertThat(Skopeo.rawDigest("docker://" + p.item().destination().plain())).as(p.item().sourceText()).isEqualTo(expected);
            }
            for (PlannedImage p : measured.contentImages()) {
                assertThat(result.report().images()).filteredOn(r -> r.source().equals(p.item().source().plain()))
                        .singleElement().matches(r -> r.size() == p.sizeBytes(), "size " + p.sizeBytes());
            }
            assertThat(Skopeo.run("inspect", "--tls-verify=false", "--raw", "docker://" + host + "/mirror/demo/other-operator-bundle:v0.1.0")
                    .exitCode()).isNotZero();
            String legacySourceDigest = Skopeo.rawDigest("docker://" + demo.legacyOperatorReference());
            assertThat(result.legacyOperatorImage())
                    .isEqualTo(host + "/mirror/rhmtc/openshift-migration-legacy-rhel8-operator@" + legacySourceDigest);

            // The pushed catalog: tagged like the source, /configs holds exactly the filtered catalog, label kept.
            String catalogRef = host + "/mirror/redhat/redhat-operator-index:v4.12";
            assertThat(result.catalogImage()).isEqualTo(catalogRef);
            assertThat(Skopeo.rawDigest("docker://" + catalogRef)).isEqualTo(result.catalogDigest()).isEqualTo(plan.catalogImage().digest());
            RegistryStore mirrored = new RegistryStore(access.client(host, host, true), "mirror/redhat/redhat-operator-index");
            CatalogImage back = CatalogImage.read(mirrored, "v4.12", catalogRef);
            FileBasedCatalog read = FbcReader.read(ConfigsExtractor.extract(mirrored, back.preferred(), tmp.resolve("back/configs"), catalogRef),
                    catalogRef);
            assertThat(read.packageNames()).containsExactly("mtc-operator", "redhat-oadp-operator");
            assertThat(read.channels("mtc-operator")).extracting(FbcChannel::name).containsExactly("release-v1.8");
            assertThat(read.channels("redhat-oadp-operator")).extracting(FbcChannel::name).containsExactly("stable-1.2");
            assertThat(read.allBundles()).hasSize(4);
            JsonNode inspect = new ObjectMapper().readTree(Skopeo.ok("inspect", "--tls-verify=false", "docker://" + catalogRef));
            assertThat(inspect.path("Labels").path(CatalogImage.CONFIGS_LABEL).asText()).isEqualTo("/configs");
            assertThat(inspect.path("Labels").path(FilteredCatalogImage.FILTERED_LABEL).asText()).isEqualTo("mtc-operator,redhat-oadp-operator");

            // mapping.txt, line by line, as oc adm catalog mirror writes it: source=tagged destination.
            List<String> expectedLines = new ArrayList<>();
            for (PlannedImage p : plan.images()) {
                String src = p.item().source().plain();
                String repo = p.item().source().repository();
                String tag = p.item().source().digest() != null ? DestinationNamer.fnv32a(src) : p.item().source().tag();
                expectedLines.add(src + "=" + host + "/mirror/" + repo + ":" + tag);
            }
            List<String> mapping = Files.readAllLines(results.resolve("mapping.txt"));
            assertThat(mapping).containsExactlyElementsOf(expectedLines);
            assertThat(mapping).contains(demo.indexReference() + "=" + catalogRef);
            assertThat(mapping).allMatch(l -> l.matches("[^=]+(@sha256:[0-9a-f]{64}=[^=]+:[0-9a-f]{1,8}|:v[0-9.]+=[^=@]+:v[0-9.]+)"));

            JsonNode idms = YAML.readTree(results.resolve("imageDigestMirrorSet.yaml").toFile());
            assertThat(idms.path("apiVersion").asText()).isEqualTo("config.openshift.io/v1");
            assertThat(idms.path("kind").asText()).isEqualTo("ImageDigestMirrorSet");
            Map<String, String> digestMirrors = new java.util.LinkedHashMap<>();
            idms.path("spec").path("imageDigestMirrors").forEach(m -> digestMirrors.put(m.path("source").asText(), m.path("mirrors").get(0).asText()));
            assertThat(digestMirrors).containsEntry(host + "/rhmtc/openshift-migration-controller-rhel8",
                    host + "/mirror/rhmtc/openshift-migration-controller-rhel8");
            assertThat(digestMirrors).containsEntry(host + "/oadp/oadp-velero-rhel8", host + "/mirror/oadp/oadp-velero-rhel8");
            assertThat(digestMirrors).doesNotContainKey(host + "/redhat/redhat-operator-index");
            JsonNode icsp = YAML.readTree(results.resolve("imageContentSourcePolicy.yaml").toFile());
            assertThat(icsp.path("apiVersion").asText()).isEqualTo("operator.openshift.io/v1alpha1");
            assertThat(icsp.path("kind").asText()).isEqualTo("ImageContentSourcePolicy");
            assertThat(icsp.path("spec").path("repositoryDigestMirrors")).hasSize(digestMirrors.size());

            assertThat(result.catalogSourceFile()).isEqualTo(results.resolve("catalogSource-cs-redhat-operator-index-v4-12.yaml"));
            JsonNode cs = YAML.readTree(result.catalogSourceFile().toFile());
            assertThat(cs.path("apiVersion").asText()).isEqualTo("operators.coreos.com/v1alpha1");
            assertThat(cs.path("kind").asText()).isEqualTo("CatalogSource");
            assertThat(cs.path("metadata").path("name").asText()).isEqualTo("cs-redhat-operator-index-v4-12");
            assertThat(cs.path("metadata").path("namespace").asText()).isEqualTo("openshift-marketplace");
            assertThat(cs.path("spec").path("sourceType").asText()).isEqualTo("grpc");
            assertThat(cs.path("spec").path("image").asText()).isEqualTo(catalogRef);
            try (Stream<Path> files = Files.list(results)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("mapping.txt",
                        "imageContentSourcePolicy.yaml", "imageDigestMirrorSet.yaml", "imageTagMirrorSet.yaml", "summary.json",
                        "catalogSource-cs-redhat-operator-index-v4-12.yaml");
            }
        }
    }

    @Test
    void catalogIsNotPushedWhenOneOfItsImagesIsMissing() throws Exception {
        LocalRegistry.assumeInstalled();
        try (LocalRegistry registry = LocalRegistry.builder(tmp).start()) {
            String host = registry.host();
            RegistryAccess access = RegistryAccess.anonymous();
            DemoCatalog.Contents demo = DemoCatalog.write(tmp.resolve("demo"), host);
            DemoCatalog.push(demo, access, host, false, null);
            CatalogMirror mirror = new CatalogMirror(access, new MirrorOptions(4, false, false, 0), null);
            CatalogPlan plan = mirror.plan(CatalogRequest.mtc(demo.indexReference(), "release-v1.8", "1.8.8", false),
                    "docker://" + host + "/mirror", tmp.resolve("work"));
            PlannedImage ui = plan.images().stream().filter(p -> p.item().source().repository().equals("rhmtc/openshift-migration-ui-rhel8"))
                    .findFirst().orElseThrow();
            Skopeo.ok("delete", "--tls-verify=false", "docker://" + ui.item().source().plain());

            Path results = tmp.resolve("results");
            CatalogMirrorResult result = mirror.run(plan, results, MirrorJournal.none());
            assertThat(result.ok()).isFalse();
            assertThat(result.catalogImage()).isNull();
            assertThat(result.report().images()).filteredOn(r -> r.source().equals(demo.indexReference())).singleElement()
                    .matches(r -> r.error().startsWith("not pushed: 1 of its images failed"));
            assertThat(Skopeo.run("inspect", "--tls-verify=false", "--raw", "docker://" + host + "/mirror/redhat/redhat-operator-index:v4.12")
                    .exitCode()).isNotZero();
            assertThat(results.resolve("catalogSource-cs-redhat-operator-index-v4-12.yaml")).doesNotExist();
            assertThat(Files.readAllLines(results.resolve("mapping.txt"))).hasSize(plan.images().size() - 2)
                    .noneMatch(l -> l.startsWith(ui.item().source().plain()) || l.startsWith(demo.indexReference()));
        }
    }
}
