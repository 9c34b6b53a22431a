package io.mtcassistant.ui.steps.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.mtcassistant.storage.BucketClaim;
import io.mtcassistant.storage.BucketClaimPending;
import io.mtcassistant.storage.ObjectGateway;
import io.mtcassistant.storage.S3Keys;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClaimOutcomeTest {

    private static final S3Keys KEYS = new S3Keys("AKIACLAIMKEY00000000", "claim-secret-access-key");
    private static final ObjectGateway GATEWAY = new ObjectGateway("sim-target", "openshift-storage", "noobaa", "Ready",
            List.of("https://s3-openshift-storage.apps.example.com"), List.of("https://s3.openshift-storage.svc:443"),
            Optional.of("openshift-storage/noobaa-admin"), Optional.empty(), List.of());

    private static BucketClaim bound(String host, int port) {
        return new BucketClaim("sim-target", "openshift-migration", "repo", "Bound", Optional.of("repo-bucket"),
                Optional.ofNullable(host), Optional.of(port), Optional.of(KEYS), List.of());
    }

    @Test
    void aBoundClaimFillsBucketKeysAndTheGatewaysRouteForItsInClusterHost() {
        ClaimOutcome outcome = ClaimOutcome.bound(bound("s3.openshift-storage.svc", 443), List.of(GATEWAY));
        assertThat(outcome.fill()).hasValueSatisfying(fill -> {
            assertThat(fill.endpoint()).hasValue("https://s3-openshift-storage.apps.example.com");
            assertThat(fill.bucket()).isEqualTo("repo-bucket");
            assertThat(fill.keys()).isEqualTo(KEYS);
        });
        assertThat(outcome.status()).startsWith("ObjectBucketClaim openshift-migration/repo is Bound: bucket "
                + "repo-bucket, access key " + KEYS.maskedAccessKeyId())
                .contains("the gateway's route instead", "next, Check repository and plan")
                .doesNotContain(KEYS.accessKeyId()).doesNotContain(KEYS.secretAccessKey());
    }

    @Test
    void aBoundClaimWithoutHostKeepsTheEndpointThatIsThere() {
        ClaimOutcome outcome = ClaimOutcome.bound(bound(null, 443), List.of(GATEWAY));
        assertThat(outcome.fill()).hasValueSatisfying(fill -> assertThat(fill.endpoint()).isEmpty());
        assertThat(outcome.status()).contains("no BUCKET_HOST in its ConfigMap: enter the gateway's S3 endpoint above");
    }

    @Test
    void aPendingClaimFillsNothingAndSaysWhyAndWhatNext() {
        BucketClaimPending pending = BucketClaimPending.of("openshift-migration", "repo", "gold", Optional.empty(),
                List.of("storage class gold does not exist"), "press Apply again");
        ClaimOutcome outcome = ClaimOutcome.notUsable(pending, Optional.of("Step 2 failed: timed out after 180 s"));
        assertThat(outcome.fill()).isEmpty();
        assertThat(outcome.status()).isEqualTo("ObjectBucketClaim openshift-migration/repo is missing, not Bound.\n"
                + "Step 2 failed: timed out after 180 s\n"
                + "Why: storage class gold does not exist\n"
                + "Next: " + pending.next());
    }
}
