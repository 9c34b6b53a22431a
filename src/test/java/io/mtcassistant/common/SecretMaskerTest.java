package io.mtcassistant.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretMaskerTest {

    @Test
    void masksBearerTokensInHeaders() {
        assertThat(SecretMasker.mask("Authorization: Bearer sha256~abcdefghijklmnopqrstuvwxyz"))
                .doesNotContain("abcdefghijklmnop")
                .contains("Bearer ****");
    }

    @Test
    void masksKeyValueSecrets() {
        String masked = SecretMasker.mask("token: s3cr3tvalue password=hunter22 \"client-key-data\":\"LS0tLS1CRUdJTg\"");
        assertThat(masked).doesNotContain("s3cr3tvalue", "hunter22", "LS0tLS1CRUdJTg");
    }

    @Test
    void masksOpenShiftTokensAndJwtsAnywhere() {
        String masked = SecretMasker.mask("used sha256~AbCdEfGhIjKlMnOp and eyJhbGciOiJSUzI1.eyJzdWIiOiJhZG1p.c2lnbmF0dXJlMTIz");
        assertThat(masked).doesNotContain("AbCdEfGhIjKlMnOp", "eyJzdWIiOiJhZG1p");
    }

    @Test
    void masksPasswordsInUrls() {
        assertThat(SecretMasker.mask("proxy http://user:pa55word@proxy.example:3128"))
                .isEqualTo("proxy http://user:****@proxy.example:3128");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        String text = "Connected to https://api.ocp4.example:6443 as kube:admin (OpenShift 4.12.45)";
        assertThat(SecretMasker.mask(text)).isEqualTo(text);
    }
}
