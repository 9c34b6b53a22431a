package io.mtcassistant.ui.steps.repository;

import io.mtcassistant.storage.BucketClaim;
import io.mtcassistant.storage.BucketClaimEndpoint;
import io.mtcassistant.storage.BucketClaimPending;
import io.mtcassistant.storage.ObjectGateway;
import io.mtcassistant.storage.S3Keys;
import java.util.List;
import java.util.Optional;

/**
 * What applying a bucket claim gave the Repository page: from a Bound claim, the bucket and keys (and the endpoint
 * when its ConfigMap names a host) that fill the repository fields; otherwise why the claim is not usable and the
 * next step. The status never holds a key, only the masked access key id.
 */
record ClaimOutcome(Optional<Fill> fill, String status) {

    /** What goes into the page's fields; an empty endpoint leaves the one there. */
    record Fill(Optional<String> endpoint, String bucket, S3Keys keys) {
    }

    static ClaimOutcome bound(BucketClaim claim, List<ObjectGateway> gateways) {
        String bucket = claim.bucket().orElseThrow(() -> new IllegalArgumentException("a Bound claim names its bucket"));
        S3Keys keys = claim.keys().orElseThrow(() -> new IllegalArgumentException("a Bound claim has its keys"));
        Optional<BucketClaimEndpoint> endpoint = BucketClaimEndpoint.of(claim, gateways);
        String status = "ObjectBucketClaim " + claim.namespace() + "/" + claim.name() + " is Bound: bucket " + bucket
                + ", access key " + keys.maskedAccessKeyId() + " (keys from its Secret), "
                + endpoint.map(e -> "endpoint " + e.endpoint() + " (" + e.why() + ")")
                        .orElse("no BUCKET_HOST in its ConfigMap: enter the gateway's S3 endpoint above")
                + ". The repository fields are filled in: next, Check repository and plan.";
        return new ClaimOutcome(Optional.of(new Fill(endpoint.map(BucketClaimEndpoint::endpoint), bucket, keys)),
                status);
    }

    static ClaimOutcome notUsable(BucketClaimPending pending, Optional<String> applyFailure) {
        StringBuilder status = new StringBuilder(pending.headline() + ".");
        applyFailure.ifPresent(f -> status.append("\n").append(f));
        pending.reasons().forEach(r -> status.append("\nWhy: ").append(r));
        status.append("\nNext: ").append(pending.next());
        return new ClaimOutcome(Optional.empty(), status.toString());
    }
}
