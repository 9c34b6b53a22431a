package io.mtcassistant.storage;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Why an ObjectBucketClaim is not usable after its plan ran, and what to do next: the provisioner's Warning Events
 * on the claim, or what a Bound claim lacks (ConfigMap, Secret keys), or, when nobody answered at all, that the
 * storage class or its provisioner is missing. The CLI and the Repository page say the same.
 *
 * @param claim namespace/name
 * @param phase the claim's phase, "missing" when it does not exist
 */
public record BucketClaimPending(String claim, String phase, List<String> reasons, String next) {

    public BucketClaimPending {
        reasons = List.copyOf(reasons);
    }

    /**
     * Reads the provisioner's Events on the claim. Call off the FX thread.
     *
     * @param retry how the admin runs the plan again, e.g. "run the same command again"
     */
    public static BucketClaimPending explain(KubernetesClient client, String namespace, String name,
            String storageClass, Optional<BucketClaim> claim, String retry) {
        return of(namespace, name, storageClass, claim, BucketClaims.pendingReasons(client, namespace, name), retry);
    }

    /** The same from what was read: the claim (if it exists) and the provisioner's Warning Event messages. */
    public static BucketClaimPending of(String namespace, String name, String storageClass,
            Optional<BucketClaim> claim, List<String> warnings, String retry) {
        List<String> why = new ArrayList<>(warnings);
        claim.filter(BucketClaim::bound).ifPresent(c -> why.addAll(c.problems()));
        if (why.isEmpty()) {
            why.add("no bucket provisioner answered: check that the storage class " + storageClass
                    + " exists and that its provisioner runs (for " + StorageApis.NOOBAA_STORAGE_CLASS
                    + ", the Multicloud Object Gateway's noobaa-operator in openshift-storage)");
        }
        String next = "fix that, then " + retry + ": the claim is kept and the plan goes on from it "
                + "(oc describe objectbucketclaim " + name + " -n " + namespace + " shows the provisioner's events)";
        return new BucketClaimPending(namespace + "/" + name, claim.map(BucketClaim::phase).orElse("missing"), why,
                next);
    }

    /** One line: "ObjectBucketClaim ns/name is Pending, not Bound" (or "is Bound but incomplete"). */
    public String headline() {
        return "ObjectBucketClaim " + claim + " is " + ("Bound".equals(phase) ? "Bound but incomplete"
                : phase + ", not Bound");
    }
}
