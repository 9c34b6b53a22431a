package io.mtcassistant.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The repository's inputs as a person types them: each mistake named with the input. */
class RepositoryTargetTest {

    @Test
    void anEndpointWithoutSchemeSaysTheSchemeIsMissing() {
        for (String typed : new String[] {"127.0.0.1:9000", "s3.apps.example.com", "s3.apps.example.com:443"}) {
            assertThatThrownBy(() -> RepositoryTarget.of(typed, "migration", null, null, false))
                    .hasMessage("endpoint " + typed + ": must start with https:// or http://");
        }
    }

    @Test
    void aFullEndpointIsKeptWithoutTrailingSlashAndGetsTheDefaultRegion() {
        RepositoryTarget target = RepositoryTarget.of(" https://s3.apps.example.com/ ", "migration", "", null, false);
        assertThat(target.endpoint()).hasToString("https://s3.apps.example.com");
        assertThat(target.port()).isEqualTo(443);
        assertThat(target.region()).isEqualTo(RepositoryTarget.DEFAULT_REGION);
    }
}
