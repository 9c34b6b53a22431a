package io.mtcassistant.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.mtcassistant.install.plan.KubeObjects;
import io.mtcassistant.mirror.ImageReference;
import io.mtcassistant.mirror.catalog.LegacyOperatorImages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The legacy rewrite on the real upstream operator.yml files: afterwards only the mirror is referenced. */
class LegacyOperatorRewriterTest {

    private static final String MIRROR = "mirror.example.com:5000";

    @ParameterizedTest
    @ValueSource(strings = {"legacy-operator-1.7/operator.yml", "non-olm-1.4.7/operator.yml", "non-olm-1.2.5/operator.yml"})
    void everyImageAndStringFieldPointsAtTheMirrorByDigest(String fixture, @TempDir Path dir) throws Exception {
        String yml = Files.readString(SharedFixtures.mtc(fixture));
        writeMirrorResults(dir, yml);

        LegacyOperatorRewriter.Result result = LegacyOperatorRewriter.rewrite(yml, fixture, MirrorResults.read(dir));

        assertThat(result.missing()).isEmpty();
        List<String> strings = new ArrayList<>();
        result.objects().forEach(o -> collectStrings(KubeObjects.asMap(o), strings));
        assertThat(strings).noneMatch(s -> s.contains("quay.io") || s.contains("registry.redhat.io"));
        // anything shaped like an image reference (host/path:tag or @digest) is a mirror reference
        assertThat(strings).filteredOn(s -> s.matches("[a-z0-9-]+(\\.[a-z0-9-]+)+(:[0-9]+)?/[a-z0-9._/-]+(:[\\w.-]+|@sha256:[0-9a-f]{64})"))
                .isNotEmpty().allMatch(s -> s.startsWith(MIRROR + "/"));
        GenericKubernetesResource deployment = result.objects().stream().filter(o -> o.getKind().equals("Deployment"))
                .findFirst().orElseThrow();
        List<Map<String, Object>> containers = list(KubeObjects.asMap(deployment), "spec", "template", "spec", "containers");
        assertThat(containers).isNotEmpty().allSatisfy(c -> assertThat((String) c.get("image"))
                .startsWith(MIRROR + "/mtc/konveyor/").contains("@sha256:"));
        Map<String, String> env = env(containers);
        assertThat(env).containsEntry("REGISTRY", MIRROR).containsEntry("PROJECT", "mtc/konveyor");
        assertThat(env.get("VELERO_REPO")).isEqualTo("velero@sha256");
        assertThat(env.get("VELERO_TAG")).matches("[0-9a-f]{64}");
        // the role's REGISTRY/PROJECT/REPO:TAG is the mirrored image by digest
        String velero = env.get("REGISTRY") + "/" + env.get("PROJECT") + "/" + env.get("VELERO_REPO") + ":" + env.get("VELERO_TAG");
        assertThat(ImageReference.parseRegistry(velero).digest()).isEqualTo("sha256:" + env.get("VELERO_TAG"));
        assertThat(result.rewrites()).anySatisfy(r -> {
            assertThat(r.field()).startsWith("env REGISTRY");
            assertThat(r.before()).isEqualTo("quay.io");
            assertThat(r.after()).isEqualTo(MIRROR);
        });
        if (fixture.startsWith("non-olm-1.2.5")) {
            assertThat(containers).extracting(c -> c.get("name")).containsExactly("ansible", "operator");
        }
    }

    @org.junit.jupiter.api.Test
    void imagesMissingFromTheMirrorAreListed(@TempDir Path dir) throws Exception {
        String yml = Files.readString(SharedFixtures.mtc("legacy-operator-1.7/operator.yml"));
        Files.writeString(dir.resolve("mapping.txt"), "quay.io/konveyor/velero:release-1.7.14=" + MIRROR + "/konveyor/velero:x\n");

        LegacyOperatorRewriter.Result result = LegacyOperatorRewriter.rewrite(yml, "operator.yml", MirrorResults.read(dir));

        assertThat(result.missing()).anyMatch(m -> m.startsWith("quay.io/konveyor/mig-legacy-operator-container:release-1.7.14"))
                .anyMatch(m -> m.startsWith("quay.io/konveyor/mig-controller:release-1.7.14"))
                .noneMatch(m -> m.startsWith("quay.io/konveyor/velero:"));
    }

    /** mapping.txt by tag (as our mirror writes it for tag sources) plus summary.json with each image's digest. */
    static void writeMirrorResults(Path dir, String yml) throws Exception {
        List<String> sources = new ArrayList<>();
        LegacyOperatorImages.fromOperatorYml(yml.getBytes(StandardCharsets.UTF_8), "operator.yml")
                .forEach(r -> sources.add(r.image()));
        yml.lines().map(String::strip).filter(l -> l.startsWith("image: ")).map(l -> l.substring(7).strip())
                .distinct().forEach(sources::add);
        StringBuilder mapping = new StringBuilder();
        StringBuilder summary = new StringBuilder("{\"images\":[");
        for (String source : sources) {
            ImageReference ref = ImageReference.parseRegistry(source);
            String dest = MIRROR + "/mtc/" + ref.repository() + ":" + ref.tag();
            mapping.append(source).append('=').append(dest).append('\n');
            String digest = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(source.getBytes(StandardCharsets.UTF_8)));
            summary.append(summary.charAt(summary.length() - 1) == '[' ? "" : ",")
                    .append("{\"source\":\"").append(source).append("\",\"destination\":\"").append(dest)
                    .append("\",\"digest\":\"").append(digest).append("\"}");
        }
        Files.writeString(dir.resolve("mapping.txt"), mapping);
        Files.writeString(dir.resolve("summary.json"), summary.append("]}"));
    }

    @SuppressWarnings("unchecked")
    private static void collectStrings(Object node, List<String> out) {
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(v -> collectStrings(v, out));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collectStrings(v, out));
        } else if (node instanceof String s) {
            out.add(s);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> root, String... path) {
        Object node = root;
        for (String p : path) {
            node = ((Map<String, Object>) node).get(p);
        }
        return (List<Map<String, Object>>) node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> env(List<Map<String, Object>> containers) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        for (Map<String, Object> c : containers) {
            Object list = c.get("env");
            if (list instanceof List<?> items) {
                for (Object item : items) {
                    Map<String, Object> e = (Map<String, Object>) item;
                    if (e.get("value") != null) {
                        env.put((String) e.get("name"), String.valueOf(e.get("value")));
                    }
                }
            }
        }
        return env;
    }
}
