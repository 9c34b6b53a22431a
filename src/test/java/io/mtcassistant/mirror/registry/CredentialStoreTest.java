package io.mtcassistant.mirror.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mtcassistant.mirror.MirrorException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialStoreTest {

    @TempDir
    Path home;

    @Test
    void longestPathPrefixWinsAndDockerConfigIsAFallback() throws Exception {
        Files.createDirectories(home.resolve(".docker"));
        // user:pw / org:orgpw / hub:hubpw
        Files.writeString(home.resolve(".docker/config.json"), "{\"auths\":{"
                + "\"quay.io\":{\"auth\":\"dXNlcjpwdw==\"},"
                + "\"quay.io/org\":{\"auth\":\"b3JnOm9yZ3B3\"},"
                + "\"https://index.docker.io/v1/\":{\"auth\":\"aHViOmh1YnB3\"}}}");
        CredentialStore store = CredentialStore.load(null, Map.of(), home);
        assertThat(store.find("quay.io", "org/app").orElseThrow().username()).isEqualTo("org");
        assertThat(store.find("quay.io", "organization/app").orElseThrow().username()).isEqualTo("user");
        assertThat(store.find("docker.io", "library/ubuntu").orElseThrow().password()).isEqualTo("hubpw");
        assertThat(store.find("registry.redhat.io", "x/y")).isEmpty();
    }

    @Test
    void runtimeAuthJsonComesFirst() throws Exception {
        Path runtime = Files.createDirectories(home.resolve("run/containers"));
        Files.writeString(runtime.resolve("auth.json"), "{\"auths\":{\"quay.io\":{\"auth\":\"b3JnOm9yZ3B3\"}}}");
        Files.createDirectories(home.resolve(".config/containers"));
        Files.writeString(home.resolve(".config/containers/auth.json"), "{\"auths\":{\"quay.io\":{\"auth\":\"dXNlcjpwdw==\"}}}");
        CredentialStore store = CredentialStore.load(null, Map.of("XDG_RUNTIME_DIR", home.resolve("run").toString()), home);
        assertThat(store.find("quay.io", "a/b").orElseThrow().username()).isEqualTo("org");
    }

    @Test
    void aMissingOrMalformedAuthFileIsBadInput() throws Exception {
        assertThatThrownBy(() -> CredentialStore.load(home.resolve("nope.json"), Map.of(), home))
                .isInstanceOf(MirrorException.class).hasMessageContaining("nope.json does not exist")
                .matches(e -> ((MirrorException) e).isBadInput());
        Path bad = Files.writeString(home.resolve("bad.json"), "{not json");
        assertThatThrownBy(() -> CredentialStore.load(bad, Map.of(), home)).hasMessageContaining("not valid JSON");
    }

    @Test
    void credentialsNeverPrintTheirSecret() {
        assertThat(new Credentials("u", "topsecret").toString()).doesNotContain("topsecret");
    }
}
