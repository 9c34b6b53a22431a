package io.mtcassistant.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns MigPlans, MigMigrations and DirectVolumeMigrationProgresses into what the admin reads, following the MTC web
 * console's rules (mig-ui release-1.8: table status by condition priority, current step, pipeline summary title,
 * plan status text) so the two never disagree, and adding what the console lacks: real progress from the progress
 * lines and what a wait phase waits for.
 */
public final class MonitorModel {

    private static final List<String> CATEGORY_ORDER = List.of("Critical", "Error", "Warn", "Advisory", "Required");
    /** Newest first; the name decides between equal times, so the order never depends on the order objects came in. */
    static final Comparator<MigrationView> NEWEST_FIRST = Comparator.comparing(MigrationView::created,
            Comparator.nullsLast(Comparator.<Instant>reverseOrder())).thenComparing(MigrationView::name,
            Comparator.nullsLast(Comparator.naturalOrder()));

    private final Clock clock;

    public MonitorModel(Clock clock) {
        this.clock = clock;
    }

    /** Builds the snapshot from objects of any of the watched kinds (others are ignored). */
    public MonitorSnapshot build(List<JsonNode> objects) {
        List<MigPlanObject> plans = new ArrayList<>();
        List<MigMigrationObject> migrations = new ArrayList<>();
        List<JsonNode> progresses = new ArrayList<>();
        Map<String, String> dvmToMigration = new LinkedHashMap<>();
        for (JsonNode object : objects) {
            switch (object.path("kind").asText("")) {
                case "MigPlan" -> plans.add(MigPlanObject.from(object));
                case "MigMigration" -> migrations.add(MigMigrationObject.from(object));
                case "DirectVolumeMigrationProgress" -> progresses.add(object);
                case "DirectVolumeMigration" -> {
                    String owner = ownerName(object, "MigMigration");
                    if (owner != null) {
                        dvmToMigration.put(object.path("metadata").path("name").asText(), owner);
                    }
                }
                default -> {
                }
            }
        }
        return build(plans, migrations, VolumeProgresses.from(progresses, dvmToMigration));
    }

    public MonitorSnapshot build(List<MigPlanObject> plans, List<MigMigrationObject> migrations,
            Map<String, List<VolumeProgress>> volumesByMigration) {
        Instant now = clock.instant();
        List<MigrationView> views = new ArrayList<>(migrations.size());
        for (MigMigrationObject m : migrations) {
            views.add(migration(m, now, volumesByMigration.getOrDefault(m.name(), List.of())));
        }
        Map<String, List<MigrationView>> byPlan = byPlan(views);
        List<PlanView> planViews = new ArrayList<>();
        List<MigPlanObject> sortedPlans = new ArrayList<>(plans);
        sortedPlans.sort(Comparator.comparing(MigPlanObject::name, PLAN_ORDER));
        for (MigPlanObject plan : sortedPlans) {
            planViews.add(plan(plan, byPlan.getOrDefault(plan.name(), List.of())));
            byPlan.remove(plan.name());
        }
        List<MigrationView> orphans = byPlan.values().stream().flatMap(List::stream).toList();
        return new MonitorSnapshot(now, List.copyOf(planViews), orphans);
    }

    /** The order of the plans list: by name. */
    static final Comparator<String> PLAN_ORDER = Comparator.nullsLast(Comparator.naturalOrder());

    /**
     * Migrations grouped by the plan they name, each group newest first; the groups in the order of their newest
     * migration (which is how migrations without a plan are listed).
     */
    static Map<String, List<MigrationView>> byPlan(Collection<MigrationView> migrations) {
        List<MigrationView> sorted = new ArrayList<>(migrations);
        sorted.sort(NEWEST_FIRST);
        Map<String, List<MigrationView>> byPlan = new LinkedHashMap<>();
        for (MigrationView migration : sorted) {
            byPlan.computeIfAbsent(planKey(migration.planName()), k -> new ArrayList<>()).add(migration);
        }
        return byPlan;
    }

    /** The group a migration belongs to: its plan's name (a migration without a plan reference: "null"). */
    static String planKey(String planName) {
        return String.valueOf(planName);
    }

    /** A plan as the admin reads it, from its migrations' views, newest first. */
    PlanView plan(MigPlanObject plan, List<MigrationView> newestFirst) {
        List<MigrationView> views = List.copyOf(newestFirst);
        return new PlanView(plan.name(), plan.sourceCluster(), plan.targetCluster(), plan.storage(),
                plan.namespaces(), planStatusText(plan, views), plan.ready(), plan.closed() || plan.has("Closed"),
                plan.conditions().stream().filter(Condition::status).toList(), views);
    }

    public MigrationView migration(MigMigrationObject m, Instant now, List<VolumeProgress> volumes) {
        StateDecision decision = state(m);
        MigrationState state = decision.state();
        PipelineStep current = currentStep(m.pipeline());
        List<StepView> steps = new ArrayList<>();
        for (PipelineStep step : m.pipeline()) {
            steps.add(step(step, step == current, state, now));
        }
        Map<String, List<Condition>> byCategory = new LinkedHashMap<>();
        for (String category : CATEGORY_ORDER) {
            List<Condition> group = m.conditions().stream().filter(c -> c.status() && c.isCategory(category)).toList();
            if (!group.isEmpty()) {
                byCategory.put(category, group);
            }
        }
        List<Condition> other = m.conditions().stream()
                .filter(c -> c.status() && CATEGORY_ORDER.stream().noneMatch(c::isCategory)).toList();
        if (!other.isEmpty()) {
            byCategory.put("Other", other);
        }
        Instant end = endOf(m);
        WaitHint waiting = null;
        if (!state.terminal() && current != null) {
            String phase = current.phase() != null ? current.phase() : m.phase();
            Condition running = m.condition("Running");
            Instant since = running != null && phase != null && phase.equals(running.reason())
                    && running.lastTransitionTime() != null ? running.lastTransitionTime() : current.started();
            waiting = WaitPhases.hint(phase, since, now);
        }
        List<VolumeProgress> volumeList = volumes.isEmpty() ? VolumeProgresses.fromLines(m.name(), steps) : volumes;
        return new MigrationView(m.name(), m.planName(), m.action(), state, decision.detail(),
                current == null ? null : current.name(), summaryTitle(m, state, current), m.phase(), m.itinerary(),
                List.copyOf(steps), byCategory, m.errors(), m.created(), m.startTimestamp(), end,
                overallPercent(steps), waiting, Boolean.TRUE.equals(m.quiescePods()), List.copyOf(volumeList));
    }

    private record StateDecision(MigrationState state, String detail) {
    }

    /** The console's table status: the first matching condition in its priority order decides. */
    static StateDecision state(MigMigrationObject m) {
        for (Condition c : m.conditions()) {
            if (c.status() && c.isCategory("Critical")) {
                return new StateDecision(MigrationState.FAILED, c.message());
            }
        }
        if (m.has("Failed")) {
            return new StateDecision(MigrationState.FAILED, m.condition("Failed").message());
        }
        if (m.has("Canceling")) {
            return new StateDecision(MigrationState.CANCELING, m.condition("Canceling").message());
        }
        if (m.has("Canceled")) {
            return new StateDecision(MigrationState.CANCELED, m.condition("Canceled").message());
        }
        if (m.has("PlanNotReady")) {
            return new StateDecision(MigrationState.FAILED, m.condition("PlanNotReady").message());
        }
        if (m.has("DirectVolumeMigrationBlocked")) {
            return new StateDecision(MigrationState.PAUSED, m.condition("DirectVolumeMigrationBlocked").message());
        }
        boolean withWarnings = m.has("SucceededWithWarnings");
        if (m.hasCategory("Warn")) {
            String warning = m.conditions().stream().filter(c -> c.status() && c.isCategory("Warn"))
                    .map(Condition::message).findFirst().orElse(null);
            return new StateDecision(withWarnings ? MigrationState.SUCCEEDED_WITH_WARNINGS : MigrationState.WARNING,
                    warning);
        }
        if (withWarnings) {
            return new StateDecision(MigrationState.SUCCEEDED_WITH_WARNINGS,
                    m.condition("SucceededWithWarnings").message());
        }
        if (m.has("Succeeded")) {
            return new StateDecision(MigrationState.SUCCEEDED, m.condition("Succeeded").message());
        }
        boolean started = m.has("Running") || m.startTimestamp() != null
                || m.pipeline().stream().anyMatch(s -> s.started() != null)
                || m.phase() != null && !m.phase().isEmpty() && !"Completed".equals(m.phase());
        if (started) {
            Condition running = m.condition("Running");
            return new StateDecision(MigrationState.RUNNING, running == null ? null : running.message());
        }
        return new StateDecision(MigrationState.NOT_STARTED, null);
    }

    /** The console's current step: the last step that started and did not complete. */
    static PipelineStep currentStep(List<PipelineStep> pipeline) {
        PipelineStep current = null;
        for (PipelineStep step : pipeline) {
            if (step.started() != null && step.completed() == null) {
                current = step;
            }
        }
        return current;
    }

    static String summaryTitle(MigMigrationObject m, MigrationState state, PipelineStep current) {
        if ("Completed".equals(m.phase())) {
            return switch (state) {
                case SUCCEEDED_WITH_WARNINGS -> "Completed with warnings";
                case CANCELED -> "Canceled";
                case FAILED -> "Failed";
                case PAUSED -> "Paused";
                default -> "Completed";
            };
        }
        if (current != null) {
            return (m.errors().isEmpty() ? "" : "Error - ") + current.name();
        }
        return "NotStarted";
    }

    private static StepView step(PipelineStep step, boolean current, MigrationState state, Instant now) {
        StepState stepState;
        String title;
        if (step.skipped()) {
            stepState = StepState.SKIPPED;
            title = "Skipped";
        } else if (step.failed() || current && state == MigrationState.FAILED) {
            stepState = StepState.FAILED;
            title = "Failed";
        } else if (step.completed() != null) {
            stepState = StepState.COMPLETED;
            title = "Complete";
        } else if (step.started() != null) {
            stepState = StepState.RUNNING;
            title = step.message() != null && !step.message().isBlank() ? step.message()
                    : step.phase() != null ? step.phase() : "Running";
        } else {
            stepState = StepState.NOT_STARTED;
            title = "Not Started";
        }
        Duration elapsed = null;
        if (step.started() != null) {
            Instant until = step.completed() != null ? step.completed() : now;
            elapsed = until.isBefore(step.started()) ? Duration.ZERO : Duration.between(step.started(), until);
        }
        List<ProgressLine> lines = step.progress().stream().map(ProgressLineParser::parse).toList();
        Double percent = stepState == StepState.COMPLETED ? Double.valueOf(100.0) : stepPercent(step.name(), lines);
        return new StepView(step.name(), stepState, title, step.phase(), step.started(), step.completed(), elapsed,
                lines, percent);
    }

    /** Backup and Restore steps: one bar from the first line (like the console); per-PVC lines: their mean. */
    private static Double stepPercent(String name, List<ProgressLine> lines) {
        if (lines.isEmpty()) {
            return null;
        }
        if (name != null && (name.endsWith("Backup") || name.endsWith("Restore"))) {
            return lines.get(0).percent();
        }
        List<ProgressLine> perVolume = lines.stream().filter(l -> l.pvc() != null && l.percent() != null).toList();
        if (!perVolume.isEmpty()) {
            return perVolume.stream().mapToDouble(ProgressLine::percent).average().orElse(0);
        }
        return lines.stream().map(ProgressLine::percent).filter(p -> p != null).findFirst().orElse(null);
    }

    /** Each step counts the same (as "Step n/total" would) but a running step counts by its real progress. */
    private static Double overallPercent(List<StepView> steps) {
        List<StepView> counted = steps.stream().filter(s -> s.state() != StepState.SKIPPED).toList();
        if (counted.isEmpty()) {
            return null;
        }
        double done = 0;
        for (StepView step : counted) {
            if (step.state() == StepState.COMPLETED) {
                done += 1;
            } else if (step.state() == StepState.RUNNING && step.percent() != null) {
                done += step.percent() / 100.0;
            }
        }
        return Math.round(done * 1000.0 / counted.size()) / 10.0;
    }

    private static Instant endOf(MigMigrationObject m) {
        for (String type : List.of("Succeeded", "SucceededWithWarnings", "Failed", "Canceled")) {
            Condition condition = m.condition(type);
            if (condition != null && condition.lastTransitionTime() != null) {
                return condition.lastTransitionTime();
            }
        }
        return null;
    }

    /**
     * The console's plan status text, first match wins. A succeeded rollback resets the history: migrations before
     * it no longer count for "succeeded".
     */
    static String planStatusText(MigPlanObject plan, List<MigrationView> newestFirst) {
        MigrationView latest = newestFirst.isEmpty() ? null : newestFirst.get(0);
        String latestWord = latest == null ? "" : latest.action().consoleWord();
        if (latest != null && latest.state() == MigrationState.FAILED) {
            return latestWord + " failed";
        }
        Condition conflict = plan.condition("PlanConflict");
        if (conflict != null) {
            return conflict.message();
        }
        if (plan.closed() || plan.has("Closed")) {
            return "Closed";
        }
        if (latest != null && latest.state() == MigrationState.CANCELING) {
            return "Canceling " + latestWord;
        }
        for (MigrationView migration : newestFirst) {
            if (migration.active() && migration.state() != MigrationState.NOT_STARTED
                    || migration.conditionsByCategory().values().stream().flatMap(List::stream)
                            .anyMatch(c -> "Running".equals(c.type()))) {
                return migration.action().consoleWord() + " in progress";
            }
        }
        if (latest != null && latest.state() == MigrationState.CANCELED) {
            return latestWord + " canceled";
        }
        if (!plan.ready()) {
            return "Not Ready";
        }
        List<MigrationView> history = new ArrayList<>();
        for (MigrationView migration : newestFirst) {
            boolean succeeded = migration.state() == MigrationState.SUCCEEDED
                    || migration.state() == MigrationState.SUCCEEDED_WITH_WARNINGS;
            if (migration.action() == MigrationAction.ROLLBACK && succeeded) {
                if (history.isEmpty()) {
                    return "Rollback succeeded";
                }
                break;
            }
            history.add(migration);
        }
        if (history.stream().anyMatch(m -> m.action() == MigrationAction.CUTOVER && succeeded(m))) {
            return "Migration succeeded";
        }
        if (history.stream().anyMatch(m -> m.action() == MigrationAction.STAGE && succeeded(m))) {
            return "Stage succeeded";
        }
        return "Ready";
    }

    private static boolean succeeded(MigrationView m) {
        return m.state() == MigrationState.SUCCEEDED || m.state() == MigrationState.SUCCEEDED_WITH_WARNINGS;
    }

    static String ownerName(JsonNode object, String kind) {
        for (JsonNode owner : object.path("metadata").path("ownerReferences")) {
            if (kind.equals(owner.path("kind").asText())) {
                return owner.path("name").asText(null);
            }
        }
        return null;
    }
}
