package io.mtcassistant.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BucketClaimPendingTest {

    private static BucketClaim claim(String phase, List<String> problems) {
        return new BucketClaim("sim-target", "openshift-migration", "c1", phase, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), problems);
    }

    @Test
    void aPendingClaimGivesTheProvisionersWordsAndHowToRetry() {
        BucketClaimPending pending = BucketClaimPending.of("openshift-migration", "c1", "gold",
                Optional.of(claim("Pending", List.of("ObjectBucketClaim openshift-migration/c1 is Pending, not Bound yet"))),
                List.of("storage class gold does not exist"), "press Apply again");
        assertThat(pending.headline()).isEqualTo("ObjectBucketClaim openshift-migration/c1 is Pending, not Bound");
        assertThat(pending.reasons()).as("a Pending claim's own problem only repeats the headline")
                .containsExactly("storage class gold does not exist");
        assertThat(pending.next()).startsWith("fix that, then press Apply again: the claim is kept")
                .contains("oc describe objectbucketclaim c1 -n openshift-migration");
    }

    @Test
    void whenNobodyAnsweredTheStorageClassAndItsProvisionerAreNamed() {
        BucketClaimPending pending = BucketClaimPending.of("ns", "c1", StorageApis.NOOBAA_STORAGE_CLASS,
                Optional.empty(), List.of(), "run the same command again");
        assertThat(pending.phase()).isEqualTo("missing");
        assertThat(pending.reasons()).singleElement().asString().startsWith("no bucket provisioner answered")
                .contains("storage class openshift-storage.noobaa.io", "noobaa-operator in openshift-storage");
    }

    @Test
    void aBoundClaimWithoutItsSecretSaysWhatIsMissing() {
        BucketClaimPending pending = BucketClaimPending.of("ns", "c1", "sc",
                Optional.of(claim("Bound", List.of("its Secret ns/c1 has no AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"))),
                List.of(), "press Apply again");
        assertThat(pending.headline()).isEqualTo("ObjectBucketClaim ns/c1 is Bound but incomplete");
        assertThat(pending.reasons()).containsExactly("its Secret ns/c1 has no AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
    }
}
