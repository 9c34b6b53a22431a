package io.mtcassistant.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigFilesTest {

    @TempDir
    Path dir;

    private final KubeconfigFiles loader = new KubeconfigFiles();

    private Path write(String relative, String yaml) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
        return file;
    }

    private static String config(String current, String cluster, String server, String context, String user) {
        return """
                apiVersion: v1
                kind: Config
                current-context: %s
                clusters:
                - name: %s
                  cluster:
                    server: %s
                users:
                - name: %s
                  user:
                    token: t-%s
                contexts:
                - name: %s
                  context:
                    cluster: %s
                    user: %s
                    namespace: ns-%s
                """.formatted(current, cluster, server, user, user, context, cluster, user, context);
    }

    @Test
    void mergesSeveralFilesAndTheFirstFileWins() throws Exception {
        Path first = write("a/config", config("one", "c1", "https://first:6443", "one", "u1")
                + """
                - name: shared
                  context:
                    cluster: c1
                    user: u1
                """);
        Path second = write("b/config", config("two", "c2", "https://second:6443", "two", "u2")
                + """
                - name: shared
                  context:
                    cluster: c2
                    user: u2
                """);
        KubeconfigSet set = loader.load(List.of(first, second));

        assertThat(set.files()).containsExactly(first, second);
        assertThat(set.contexts()).extracting(ContextEntry::name).containsExactly("one", "shared", "two");
        assertThat(set.currentContext()).contains("one");
        ContextEntry shared = set.context("shared").orElseThrow();
        assertThat(shared.file()).isEqualTo(first);
        assertThat(shared.server()).isEqualTo("https://first:6443");
        assertThat(shared.user()).isEqualTo("u1");
        ContextEntry two = set.context("two").orElseThrow();
        assertThat(two.file()).isEqualTo(second);
        assertThat(two.clusterName()).isEqualTo("c2");
        assertThat(two.server()).isEqualTo("https://second:6443");
        assertThat(two.namespace()).isEqualTo("ns-two");
    }

    @Test
    void duplicateClusterNamesAcrossFilesResolveToTheFirstFile() throws Exception {
        Path first = write("a/config", config("x", "same", "https://from-first:6443", "x", "ux"));
        Path second = write("b/config", config("y", "same", "https://from-second:6443", "y", "uy"));
        KubeconfigSet set = loader.load(List.of(first, second));
        // like kubectl: context y (second file) points at cluster "same", which the first file defines
        assertThat(set.context("y").orElseThrow().server()).isEqualTo("https://from-first:6443");
        assertThat(set.currentContext()).contains("x");
    }

    @Test
    void theSameFileTwiceCountsOnce() throws Exception {
        Path file = write("config", config("x", "c", "https://h:6443", "x", "u"));
        assertThat(loader.load(List.of(file, file)).files()).containsExactly(file);
    }

    @Test
    void relativeCertificatePathsResolveAgainstTheFilesFolder() throws Exception {
        write("kube/certs/ca.crt", "not checked here");
        Path file = write("kube/config", """
                clusters:
                - name: c
                  cluster:
                    server: https://h:6443
                    certificate-authority: certs/ca.crt
                users:
                - name: u
                  user:
                    client-certificate: certs/client.crt
                    client-key: certs/client.key
                contexts:
                - name: ctx
                  context:
                    cluster: c
                    user: u
                """);
        Path other = write("elsewhere/config", "current-context: ctx\n");
        List<io.fabric8.kubernetes.api.model.Config> parsed = loader.parse(List.of(other, file));
        Config config = Config.empty();
        KubeConfigUtils.merge(config, "ctx", parsed.toArray(io.fabric8.kubernetes.api.model.Config[]::new));
        assertThat(config.getCaCertFile()).isEqualTo(dir.resolve("kube/certs/ca.crt").toString());
        assertThat(config.getClientCertFile()).isEqualTo(dir.resolve("kube/certs/client.crt").toString());
        assertThat(config.getClientKeyFile()).isEqualTo(dir.resolve("kube/certs/client.key").toString());
    }

    @Test
    void extensionsAreReadAsPlainValues() throws Exception {
        // as minikube and some oc versions write them: an arbitrary object under each extension
        Path file = write("config", config("x", "c", "https://h:6443", "x", "u") + """
                extensions:
                - name: cluster_info
                  extension:
                    provider: minikube.sigs.k8s.io
                    version: v1.30.1
                """);
        io.fabric8.kubernetes.api.model.Config parsed = loader.parse(List.of(file)).get(0);
        assertThat(parsed.getExtensions()).singleElement().satisfies(e -> {
            assertThat(e.getName()).isEqualTo("cluster_info");
            assertThat(e.getExtension()).isEqualTo(java.util.Map.of("provider", "minikube.sigs.k8s.io", "version", "v1.30.1"));
        });
        assertThat(loader.load(List.of(file)).contexts()).extracting(ContextEntry::name).containsExactly("x");
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nope/config");
        assertThatThrownBy(() -> loader.load(List.of(missing))).isInstanceOfSatisfying(KubeconfigException.class, e -> {
            assertThat(e.file()).isEqualTo(missing);
            assertThat(e.getMessage()).isEqualTo(missing + ": file not found");
        });
    }

    @Test
    void malformedYamlNamesFileAndLine() throws Exception {
        Path file = write("config", """
                apiVersion: v1
                clusters:
                - name: c
                  cluster:
                    server: "https://h:6443
                contexts: []
                """);
        assertThatThrownBy(() -> loader.load(List.of(file))).isInstanceOfSatisfying(KubeconfigException.class, e -> {
            assertThat(e.file()).isEqualTo(file);
            assertThat(e.line()).isNotNull().isBetween(5, 7);
            assertThat(e.getMessage()).startsWith(file + ":" + e.line() + ": malformed YAML");
        });
    }

    @Test
    void wrongStructureNamesTheLine() throws Exception {
        Path file = write("config", """
                apiVersion: v1
                contexts:
                - context:
                    cluster: c
                """);
        assertThatThrownBy(() -> loader.load(List.of(file))).isInstanceOfSatisfying(KubeconfigException.class, e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.problem()).isEqualTo("a context entry has no name");
        });
    }

    @Test
    void topLevelListIsNotAKubeconfig() throws Exception {
        Path file = write("config", "- a\n- b\n");
        assertThatThrownBy(() -> loader.load(List.of(file))).isInstanceOf(KubeconfigException.class)
                .hasMessageContaining("not a kubeconfig");
    }

    @Test
    void contextWithoutUserIsListedWithNullUser() throws Exception {
        Path file = write("config", """
                clusters:
                - name: c
                  cluster:
                    server: https://h:6443
                contexts:
                - name: anonymous
                  context:
                    cluster: c
                """);
        ContextEntry entry = loader.load(List.of(file)).context("anonymous").orElseThrow();
        assertThat(entry.user()).isNull();
        assertThat(entry.server()).isEqualTo("https://h:6443");
    }

    @Test
    void unknownContextIsAbsent() throws Exception {
        Path file = write("config", config("x", "c", "https://h:6443", "x", "u"));
        assertThat(loader.load(List.of(file)).context("other")).isEmpty();
    }

    @Test
    void emptyFileIsAnEmptyKubeconfig() throws Exception {
        Path file = write("config", "");
        assertThat(loader.load(List.of(file)).contexts()).isEmpty();
    }

    @Test
    void noFilesIsAnError() {
        assertThatThrownBy(() -> loader.load(List.of())).isInstanceOf(KubeconfigException.class)
                .hasMessageContaining("no kubeconfig file");
    }

    @Test
    void aTokenMisplacedWhereAMappingBelongsIsNotQuotedInTheError() throws Exception {
        Path file = write("config", """
                users:
                - name: u
                  user: averysecrettokenvalue0123456789
                """);
        assertThatThrownBy(() -> new KubeconfigFiles().load(List.of(file)))
                .isInstanceOf(KubeconfigException.class)
                .hasMessageStartingWith(file.toAbsolutePath().toString())
                .hasMessageNotContaining("averysecrettokenvalue");
    }
}
