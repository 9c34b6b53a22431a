package io.mtcassistant.install.plan;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a change plan to one cluster, action by action, and stops at the first failure. Every action first looks
 * at the cluster, so applying the same plan again after a failure or an app restart moves past what is already there
 * and resumes at the first action that is not; nothing is deleted except by DELETE actions (Uninstall plans).
 */
public final class ChangePlanApplier {

    private static final Logger LOG = LoggerFactory.getLogger(ChangePlanApplier.class);
    private static final String OLM_API = "operators.coreos.com/v1alpha1";

    private final KubernetesClient client;
    private final Duration pollInterval;
    private final Clock clock;
    /** Each object as it was just before this applier merge-patched it, for waits that need a newer reconciliation. */
    private final Map<ObjectRef, GenericKubernetesResource> beforePatch = new java.util.concurrent.ConcurrentHashMap<>();

    private final RolloutBaselines keptBaselines;

    public ChangePlanApplier(KubernetesClient client) {
        this(client, Duration.ofSeconds(2), Clock.systemUTC());
    }

    public ChangePlanApplier(KubernetesClient client, Duration pollInterval, Clock clock) {
        this(client, pollInterval, clock, RolloutBaselines.inStateDirectory());
    }

    public ChangePlanApplier(KubernetesClient client, Duration pollInterval, Clock clock, RolloutBaselines keptBaselines) {
        this.client = client;
        this.pollInterval = pollInterval;
        this.clock = clock;
        this.keptBaselines = keptBaselines;
    }

    public ApplyResult apply(ChangePlan plan, ApplyListener listener) {
        Instant start = clock.instant();
        List<ActionOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < plan.actions().size(); i++) {
            outcomes.add(ActionOutcome.waiting(i, plan.actions().get(i)));
        }
        outcomes.forEach(listener::changed);
        Map<Integer, String> baselines = baselines(plan);
        // from an earlier apply of this plan that changed the cluster and was stopped before its rollout waits passed
        Map<String, String> kept = keptBaselines.load(server(), plan);
        boolean changed = false;
        for (int i = 0; i < plan.actions().size(); i++) {
            ChangeAction action = plan.actions().get(i);
            Instant began = clock.instant();
            int index = i;
            Progress progress = message -> listener.changed(new ActionOutcome(index, action, ActionState.RUNNING, message,
                    Duration.between(began, clock.instant())));
            progress.report("");
            ActionOutcome outcome;
            try {
                // a rollout is awaited only when this apply (or a stopped earlier one) changed something before it;
                // otherwise it happened earlier
                Step step = action.kind() == ActionKind.WAIT_FOR
                        ? waitFor(action, progress, baselineFor(action, changed ? baselines.get(i) : null, kept))
                        : run(action, progress);
                outcome = new ActionOutcome(i, action, step.state(), step.message(), Duration.between(began, clock.instant()));
            } catch (RuntimeException e) {
                LOG.warn("{}: {} failed", plan.cluster(), action.title(), e);
                outcome = new ActionOutcome(i, action, ActionState.FAILED, ServerErrors.describe(e),
                        Duration.between(began, clock.instant()));
            }
            LOG.info("{}: {}: {} {}", plan.cluster(), action.title(), outcome.state().label(), outcome.message());
            outcomes.set(i, outcome);
            boolean changedNow = outcome.state() == ActionState.DONE && action.kind() != ActionKind.WAIT_FOR;
            if (changedNow && !changed) {
                keep(plan, baselines, kept);
            }
            changed |= changedNow;
            if (action.kind() == ActionKind.WAIT_FOR && outcome.state() != ActionState.FAILED
                    && kept.remove(RolloutBaselines.key(action)) != null) {
                keptBaselines.save(server(), plan, kept);
            }
            listener.changed(outcome);
            if (outcome.state() == ActionState.FAILED) {
                break;
            }
        }
        return new ApplyResult(plan.cluster(), outcomes, Duration.between(start, clock.instant()));
    }

    private String server() {
        return String.valueOf(client.getMasterUrl());
    }

    private static String baselineFor(ChangeAction wait, String readByThisApply, Map<String, String> kept) {
        String key = wait.condition().baselinePath() == null ? null : RolloutBaselines.key(wait);
        return key != null && kept.containsKey(key) ? kept.get(key) : readByThisApply;
    }

    /** The first change of this apply: its rollout waits' baselines are kept until those waits pass. */
    private void keep(ChangePlan plan, Map<Integer, String> baselines, Map<String, String> kept) {
        int before = kept.size();
        baselines.forEach((index, value) -> kept.putIfAbsent(RolloutBaselines.key(plan.actions().get(index)), value));
        if (kept.size() != before) {
            keptBaselines.save(server(), plan, kept);
        }
    }

    /**
     * Before anything changes: the value at each rollout wait's baseline path (an absent object or field has none),
     * so that the wait can tell the rollout the plan starts from the state the cluster was already in.
     */
    private Map<Integer, String> baselines(ChangePlan plan) {
        Map<Integer, String> baselines = new java.util.HashMap<>();
        for (int i = 0; i < plan.actions().size(); i++) {
            ChangeAction action = plan.actions().get(i);
            if (action.kind() != ActionKind.WAIT_FOR || action.condition().baselinePath() == null) {
                continue;
            }
            try {
                GenericKubernetesResource live = resource(action.target()).get();
                Optional<String> value = live == null ? Optional.empty()
                        : KubeObjects.valueAt(live, action.condition().baselinePath());
                if (value.isPresent()) {
                    baselines.put(i, value.get());
                }
            } catch (KubernetesClientException e) {
                // the first action will meet the same trouble and report it; without a baseline the wait is a plain one
                LOG.debug("{}: no baseline for {}: {}", plan.cluster(), action.title(), e.getMessage());
            }
        }
        return baselines;
    }

    private interface Progress {
        void report(String message);
    }

    private record Step(ActionState state, String message) {
    }

    private Step run(ChangeAction action, Progress progress) {
        return switch (action.kind()) {
            case CREATE -> create(action);
            case CREATE_IF_ABSENT -> createIfAbsent(action);
            case MERGE_PATCH -> mergePatch(action);
            case APPROVE -> approve(action, progress);
            case WAIT_FOR -> waitFor(action, progress, null);
            case DELETE -> delete(action);
        };
    }

    private Resource<GenericKubernetesResource> resource(ObjectRef ref) {
        var operation = client.genericKubernetesResources(ref.apiVersion(), ref.kind());
        return ref.namespace() == null ? operation.withName(ref.name())
                : operation.inNamespace(ref.namespace()).withName(ref.name());
    }

    private Step create(ChangeAction action) {
        try {
            createObject(action);
            return new Step(ActionState.DONE, "created");
        } catch (KubernetesClientException e) {
            if (ServerErrors.isAlreadyExists(e)) {
                return new Step(ActionState.ALREADY_PRESENT, "already present (expected, the procedure says to ignore it)");
            }
            throw e;
        }
    }

    private void createObject(ChangeAction action) {
        ObjectRef ref = action.target();
        var operation = client.genericKubernetesResources(ref.apiVersion(), ref.kind());
        if (ref.namespace() == null) {
            operation.resource(action.object()).create();
        } else {
            operation.inNamespace(ref.namespace()).resource(action.object()).create();
        }
    }

    private Step createIfAbsent(ChangeAction action) {
        if (resource(action.target()).get() != null) {
            return new Step(ActionState.ALREADY_PRESENT, "already present (kept as it is)");
        }
        return create(action);
    }

    private Step mergePatch(ChangeAction action) {
        Resource<GenericKubernetesResource> resource = resource(action.target());
        GenericKubernetesResource live = resource.get();
        if (live == null) {
            return new Step(ActionState.FAILED, action.target() + " is not on the cluster, so it cannot be patched");
        }
        Map<String, Object> patch = patchBody(action.object());
        Map<String, Object> liveMap = KubeObjects.asMap(live);
        if (KubeObjects.merge(liveMap, patch).equals(liveMap)) {
            return new Step(ActionState.ALREADY_PRESENT, "already set (the cluster has these values)");
        }
        resource.patch(PatchContext.of(PatchType.JSON_MERGE), KubeObjects.json(patch));
        beforePatch.put(action.target(), live);
        return new Step(ActionState.DONE, "patched");
    }

    /** The patch without the identity fields that only name the target. */
    static Map<String, Object> patchBody(GenericKubernetesResource patch) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(KubeObjects.asMap(patch));
        body.remove("apiVersion");
        body.remove("kind");
        if (body.get("metadata") instanceof Map<?, ?> metadata) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            metadata.forEach((k, v) -> m.put(String.valueOf(k), v));
            m.remove("name");
            m.remove("namespace");
            if (m.isEmpty()) {
                body.remove("metadata");
            } else {
                body.put("metadata", m);
            }
        }
        return body;
    }

    private Step approve(ChangeAction action, Progress progress) {
        String namespace = action.target().namespace();
        Instant deadline = clock.instant().plus(action.condition().timeout());
        List<String> others = List.of();
        while (true) {
            List<GenericKubernetesResource> plans = client.genericKubernetesResources(OLM_API, "InstallPlan")
                    .inNamespace(namespace).list().getItems();
            Optional<GenericKubernetesResource> match = plans.stream()
                    .filter(p -> KubeObjects.valueAt(p, "spec.clusterServiceVersionNames").orElse("")
                            .contains("\"" + action.csvName() + "\""))
                    .findFirst();
            if (match.isPresent()) {
                String name = match.get().getMetadata().getName();
                if ("true".equals(KubeObjects.valueAt(match.get(), "spec.approved").orElse("false"))) {
                    return new Step(ActionState.ALREADY_PRESENT, "InstallPlan " + name + " is already approved");
                }
                resource(new ObjectRef(OLM_API, "InstallPlan", namespace, name))
                        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"approved\":true}}");
                return new Step(ActionState.DONE, "approved InstallPlan " + name + " for " + action.csvName());
            }
            others = plans.stream().map(p -> p.getMetadata().getName() + " ("
                    + KubeObjects.valueAt(p, "spec.clusterServiceVersionNames").orElse("no CSV") + ")").toList();
            if (!clock.instant().isBefore(deadline)) {
                return new Step(ActionState.FAILED, "no InstallPlan for " + action.csvName() + " appeared in "
                        + seconds(action.condition().timeout()) + " in " + namespace
                        + (others.isEmpty() ? " (none at all: check that the CatalogSource is READY and the Subscription"
                                + " names it, its channel and startingCSV)"
                                : "; found only: " + String.join(", ", others) + " (not approved: another version)"));
            }
            progress.report("waiting for OLM to make the InstallPlan for " + action.csvName());
            pause();
        }
    }

    /** {@code baseline}: the value before the plan changed the cluster, which must move on; null for a plain wait. */
    private Step waitFor(ChangeAction action, Progress progress, String baseline) {
        WaitCondition condition = action.condition();
        Instant deadline = clock.instant().plus(condition.timeout());
        Freshness freshness = new Freshness(condition, beforePatch.get(action.target()));
        String last = "";
        String message = "";
        boolean seenUnmet = false;
        boolean stale = false;
        while (true) {
            GenericKubernetesResource live = resource(action.target()).get();
            stale = false;
            if (live != null) {
                last = KubeObjects.valueAt(live, condition.path()).orElse("");
                message = condition.messagePath() == null ? "" : KubeObjects.valueAt(live, condition.messagePath()).orElse("");
                String now = baseline == null ? null : KubeObjects.valueAt(live, condition.baselinePath()).orElse("");
                boolean success = condition.success().contains(last);
                if (success) {
                    stale = baseline != null && !seenUnmet && baseline.equals(now);
                    if (!stale && freshness.reached(live)) {
                        String shown = condition.progressOf(live);
                        return new Step(ActionState.DONE, condition.path() + " is " + last + (shown.isEmpty() ? "" : ", " + shown)
                                + (baseline == null || baseline.equals(now) ? "" : ", " + baseline + " -> " + now));
                    }
                } else {
                    seenUnmet = true;
                }
                String failed = KubeObjects.valueAt(live, condition.failureAt()).orElse("");
                boolean failure = condition.failure().contains(failed);
                freshness.saw(success || failure);
                if (failure && freshness.reached(live)) {
                    return new Step(ActionState.FAILED, action.target() + ": " + condition.failureAt() + " is " + failed
                            + (message.isEmpty() ? "" : ": " + message));
                }
            }
            if (!clock.instant().isBefore(deadline)) {
                if (stale) {
                    return new Step(ActionState.FAILED, "timed out after " + seconds(condition.timeout()) + " waiting for the"
                            + " rollout on " + action.target() + " to start: " + condition.baselinePath() + " is still "
                            + baseline + " and " + condition.path() + " is the " + last + " from before the change");
                }
                String state = live == null ? "does not exist" : condition.path() + " is "
                        + (last.isEmpty() ? "not set" : last) + freshness.stale(live);
                return new Step(ActionState.FAILED, "timed out after " + seconds(condition.timeout()) + " waiting for "
                        + condition.describe() + " on " + action.target() + ": it " + state
                        + (message.isEmpty() ? "" : " (" + message + ")"));
            }
            String shown = live == null ? "" : condition.progressOf(live);
            progress.report(stale ? "waiting for the rollout to start (" + condition.baselinePath() + " is still " + baseline
                    + "; " + condition.path() + " is " + last + " from before the change)"
                    : live == null ? "waiting for " + action.target() + " to appear"
                    : condition.path() + " is " + (last.isEmpty() ? "not set yet" : last) + freshness.stale(live)
                    + (shown.isEmpty() ? "" : ", " + shown) + (message.isEmpty() ? "" : ": " + message));
            pause();
        }
    }

    /**
     * Whether the object's state is newer than the merge patch this applier made: without it, the condition the
     * controller wrote before the patch (Successful, Failure) would end the wait before the change was reconciled.
     */
    private static final class Freshness {
        private final List<String> paths;
        private final List<String> before;
        private boolean sawReconciling;

        Freshness(WaitCondition condition, GenericKubernetesResource beforePatch) {
            this.paths = beforePatch == null ? List.of() : condition.changedPaths();
            this.before = paths.stream().map(p -> KubeObjects.valueAt(beforePatch, p).orElse("")).toList();
        }

        /** An outcome seen after a state that was neither success nor failure belongs to a newer reconciliation. */
        void saw(boolean settled) {
            sawReconciling |= !settled;
        }

        boolean reached(GenericKubernetesResource live) {
            if (paths.isEmpty() || sawReconciling) {
                return true;
            }
            for (int i = 0; i < paths.size(); i++) {
                String now = KubeObjects.valueAt(live, paths.get(i)).orElse("");
                if (!now.isEmpty() && !now.equals(before.get(i))) {
                    return true;
                }
            }
            return false;
        }

        String stale(GenericKubernetesResource live) {
            return live == null || reached(live) ? "" : " from before the change (not reconciled yet: "
                    + paths.get(0) + " is still " + (before.get(0).isEmpty() ? "not set" : before.get(0)) + ")";
        }
    }

    private Step delete(ChangeAction action) {
        Resource<GenericKubernetesResource> resource = resource(action.target());
        if (resource.get() == null) {
            return new Step(ActionState.ALREADY_PRESENT, "already gone");
        }
        resource.delete();
        return new Step(ActionState.DONE, "deleted");
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }

    private void pause() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
