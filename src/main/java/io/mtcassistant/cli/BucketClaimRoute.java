package io.mtcassistant.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtcassistant.install.plan.ApplyResult;
import io.mtcassistant.install.plan.ChangePlan;
import io.mtcassistant.install.plan.ChangePlanApplier;
import io.mtcassistant.storage.BucketClaim;
import io.mtcassistant.storage.BucketClaimEndpoint;
import io.mtcassistant.storage.BucketClaimPending;
import io.mtcassistant.storage.BucketClaims;
import io.mtcassistant.storage.KeyValues;
import io.mtcassistant.storage.ObjectGateway;
import io.mtcassistant.storage.ObjectGatewayDiscovery;
import io.mtcassistant.storage.S3Keys;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code repository create --bucket-claim}: the least-privilege route. An ObjectBucketClaim makes the bucket and keys
 * that may use only it; once it is Bound, its ConfigMap gives the host and bucket and its Secret the keys, and the
 * credentials Secret and MigStorage follow as on the other routes.
 * <p>
 * --plan and --export show the claim and, after it, the Secret and MigStorage as they will be: the bucket is the
 * one the claim asks for and the endpoint the gateway's (or --endpoint); the keys are placeholders, since they do not
 * exist before the claim is Bound. --apply binds first, then plans the rest from what the claim gave.
 */
final class BucketClaimRoute {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    /** What the command was asked for. */
    record Request(String context, String storageName, String claim, String namespace, String storageClass,
            String requestedBucket, String explicitEndpoint, Duration timeout, boolean json, boolean exportKeys) {
    }

    /** The parts of the repository plan that the claim decides. */
    interface RepositoryPlan {
        ChangePlan plan(String endpoint, String bucket, S3Keys keys, KeyValues values);
    }

    private BucketClaimRoute() {
    }

    static void validateNames(String claim, String namespace) {
        if (!NAME.matcher(claim).matches()) {
            throw new BadInputException("--bucket-claim " + claim + ": not a valid object name (lower-case letters, "
                    + "digits and hyphens, at most 63, starting and ending with a letter or digit)");
        }
        if (!NAME.matcher(namespace).matches()) {
            throw new BadInputException("--claim-namespace " + namespace + ": not a valid namespace name");
        }
    }

    static int run(Request request, SecretPlanRun.Mode mode, KubernetesClient client, RepositoryPlan repository,
            SecretPlanRun.Goal goal, PrintWriter out) {
        String bucket = request.requestedBucket() != null ? request.requestedBucket() : request.claim();
        ChangePlan claimPlan = BucketClaims.plan(request.context(), request.namespace(), request.claim(), bucket,
                request.storageClass(), request.timeout());
        List<ObjectGateway> gateways = ObjectGatewayDiscovery.find(request.context(), client);
        if (mode.apply) {
            return apply(request, mode, client, repository, goal, out, claimPlan, gateways);
        }
        Optional<BucketClaim> bound = BucketClaims.get(request.context(), client, request.namespace(), request.claim())
                .filter(BucketClaim::bound);
        if (request.exportKeys() && bound.isEmpty()) {
            throw new BadInputException("--export-keys: the ObjectBucketClaim " + request.namespace() + "/"
                    + request.claim() + " is not Bound yet, so its keys do not exist; export without --export-keys, "
                    + "or --apply");
        }
        List<String> header = new ArrayList<>();
        String endpoint;
        if (request.explicitEndpoint() != null) {
            endpoint = request.explicitEndpoint();
        } else if (bound.isPresent()) {
            endpoint = endpoint(bound.get(), gateways, header);
        } else {
            ObjectGateway gateway = gateways.stream().filter(g -> g.recommendedEndpoint().isPresent()).findFirst()
                    .orElseThrow(() -> new BadInputException("--endpoint: missing; the ObjectBucketClaim "
                            + request.namespace() + "/" + request.claim() + " is not Bound yet and no Multicloud Object "
                            + "Gateway on " + request.context() + " names an S3 endpoint: give --endpoint"));
            endpoint = gateway.recommendedEndpoint().get();
            header.add("endpoint " + endpoint + " from NooBaa " + gateway.namespace() + "/" + gateway.name() + ": "
                    + gateway.whyEndpoint());
        }
        String finalBucket = bound.flatMap(BucketClaim::bucket).orElse(bucket);
        boolean real = request.exportKeys();
        S3Keys keys = real ? bound.flatMap(BucketClaim::keys).orElseThrow(() -> new BadInputException(
                "--export-keys: the ObjectBucketClaim's Secret has no AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"))
                : new S3Keys(KeyValues.ACCESS_KEY_PLACEHOLDER, KeyValues.SECRET_KEY_PLACEHOLDER);
        ChangePlan rest = repository.plan(endpoint, finalBucket, keys, real ? KeyValues.REAL : KeyValues.PLACEHOLDERS);
        ChangePlan.Builder combined = ChangePlan.builder(request.context(), claimPlan.title() + "; " + rest.title());
        claimPlan.actions().forEach(combined::add);
        rest.actions().forEach(combined::add);
        claimPlan.notes().forEach(combined::note);
        rest.notes().forEach(combined::note);
        if (bound.isEmpty()) {
            combined.note("The Secret's keys are the ObjectBucketClaim's, which exist once it is Bound: copy them from"
                    + " the Secret " + request.namespace() + "/" + request.claim() + " (AWS_ACCESS_KEY_ID, "
                    + "AWS_SECRET_ACCESS_KEY), or run repository create --bucket-claim " + request.claim()
                    + " --apply, which does that.");
        }
        return SecretPlanRun.run(combined.build(), mode, request.json(), real, header, client, goal, out);
    }

    private static int apply(Request request, SecretPlanRun.Mode mode, KubernetesClient client,
            RepositoryPlan repository, SecretPlanRun.Goal goal, PrintWriter out, ChangePlan claimPlan,
            List<ObjectGateway> gateways) {
        ApplyResult claimed = new ChangePlanApplier(client).apply(claimPlan, o -> {
            if (!request.json() && (o.state().succeeded() || o.state().name().equals("FAILED"))) {
                ClusterCommandSupport.printOutcome(out, o);
            }
        });
        Optional<BucketClaim> claim = BucketClaims.get(request.context(), client, request.namespace(),
                request.claim());
        if (!claimed.succeeded() || claim.isEmpty() || !claim.get().bound() || !claim.get().problems().isEmpty()) {
            return notBound(request, client, claim, claimed, out);
        }
        List<String> header = new ArrayList<>();
        String endpoint = request.explicitEndpoint() != null ? request.explicitEndpoint()
                : endpoint(claim.get(), gateways, header);
        String bucket = claim.get().bucket().orElseThrow();
        header.add(0, "ObjectBucketClaim " + request.namespace() + "/" + request.claim() + " is Bound: bucket "
                + bucket + ", key " + claim.get().keys().orElseThrow().maskedAccessKeyId());
        ChangePlan rest = repository.plan(endpoint, bucket, claim.get().keys().orElseThrow(), KeyValues.REAL);
        return SecretPlanRun.run(rest, mode, request.json(), true, request.json() ? List.of() : header, client, goal,
                out);
    }

    private static String endpoint(BucketClaim claim, List<ObjectGateway> gateways, List<String> header) {
        BucketClaimEndpoint chosen = BucketClaimEndpoint.of(claim, gateways).orElseThrow(() -> new BadInputException(
                "--endpoint: missing; the ObjectBucketClaim's ConfigMap has no BUCKET_HOST: give --endpoint"));
        header.add("endpoint " + chosen.endpoint() + ": " + chosen.why());
        return chosen.endpoint();
    }

    private static int notBound(Request request, KubernetesClient client, Optional<BucketClaim> claim,
            ApplyResult claimed, PrintWriter out) {
        BucketClaimPending pending = BucketClaimPending.explain(client, request.namespace(), request.claim(),
                request.storageClass(), claim, "run the same command again");
        if (request.json()) {
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode node = json.createObjectNode().put("claim", pending.claim()).put("phase", pending.phase())
                    .put("bound", false);
            pending.reasons().forEach(node.putArray("reasons")::add);
            node.put("next", pending.next());
            claimed.failure().ifPresent(f -> node.put("failure", f.message()));
            try {
                out.println(json.writeValueAsString(node));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            out.println(request.context() + ": " + pending.headline());
            pending.reasons().forEach(w -> out.println("  why: " + w));
            out.println("  next: " + pending.next());
        }
        out.flush();
        return ExitCodes.FAILED;
    }
}
