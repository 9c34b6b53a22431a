package io.mtcassistant.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@link MonitorModel} of a set of objects that changes one object at a time (what a watch delivers): each
 * snapshot re-reads only the objects that changed and rebuilds only their migrations and plans; every other view is
 * the same instance as in the previous snapshot, so the screen can skip it too. At a thousand migrations and a
 * thousand updates a second, rebuilding everything on every update took most of a core.
 *
 * <p>A view that depends on the clock (a running step's elapsed time, how long a phase has waited) is rebuilt when
 * it is older than {@link #CLOCK_REFRESH}, so times on screen move once a second even when nothing changes; at most
 * {@link #CLOCK_REBUILDS} of them per snapshot, oldest first, so hundreds of running migrations do not cost as much
 * as hundreds of updates (theirs then move every few seconds, or when they change). With a clock that has not moved,
 * a snapshot equals {@link MonitorModel#build(List)} of the same objects.
 *
 * <p>Objects are of one namespace, known by kind and name (objects without a name are ignored). Not thread-safe: one
 * thread (the watcher's) uses it.
 */
public final class IncrementalMonitorModel {

    /** How old a clock-dependent view may get before it is rebuilt. */
    public static final Duration CLOCK_REFRESH = Duration.ofSeconds(1);
    /** Clock-dependent views rebuilt per snapshot at most (the watcher takes about four snapshots a second). */
    public static final int CLOCK_REBUILDS = 50;

    private final Clock clock;
    private final MonitorModel model;

    private final Map<String, MigPlanObject> plans = new HashMap<>();
    private final Map<String, MigMigrationObject> migrations = new HashMap<>();
    /** Migration names by {@link MonitorModel#planKey}. */
    private final Map<String, Set<String>> migrationsByPlan = new HashMap<>();
    private final Map<String, JsonNode> progresses = new LinkedHashMap<>();
    private final Map<String, JsonNode> directVolumeMigrations = new HashMap<>();
    private Map<String, List<VolumeProgress>> volumes = Map.of();
    private boolean volumesChanged;

    private final Map<String, MigrationView> views = new HashMap<>();
    /** The clock-dependent views and when they were built, oldest first. */
    private final LinkedHashMap<String, Instant> clockDependent = new LinkedHashMap<>();
    private final Set<String> changedMigrations = new LinkedHashSet<>();
    private final Set<String> changedPlans = new HashSet<>();
    private boolean orphansChanged;

    private final TreeMap<String, PlanView> planViews = new TreeMap<>(MonitorModel.PLAN_ORDER);
    private List<PlanView> planList = List.of();
    private List<MigrationView> orphans = List.of();

    public IncrementalMonitorModel(Clock clock) {
        this.clock = clock;
        this.model = new MonitorModel(clock);
    }

    /** Forgets everything and takes these objects (a fresh list after a reconnect). */
    public void reset(Collection<JsonNode> objects) {
        for (String plan : List.copyOf(plans.keySet())) {
            remove("MigPlan", plan);
        }
        for (String migration : List.copyOf(migrations.keySet())) {
            remove("MigMigration", migration);
        }
        for (String progress : List.copyOf(progresses.keySet())) {
            remove("DirectVolumeMigrationProgress", progress);
        }
        for (String dvm : List.copyOf(directVolumeMigrations.keySet())) {
            remove("DirectVolumeMigration", dvm);
        }
        objects.forEach(this::put);
    }

    /** An object was added or changed (objects of kinds the model does not read are ignored). */
    public void put(JsonNode object) {
        String name = object.path("metadata").path("name").asText(null);
        if (name == null) {
            return;
        }
        switch (object.path("kind").asText("")) {
            case "MigPlan" -> putPlan(name, MigPlanObject.from(object));
            case "MigMigration" -> putMigration(name, MigMigrationObject.from(object));
            case "DirectVolumeMigrationProgress" -> {
                if (!object.equals(progresses.put(name, object))) {
                    volumesChanged = true;
                }
            }
            case "DirectVolumeMigration" -> {
                if (!object.equals(directVolumeMigrations.put(name, object))) {
                    volumesChanged = true;
                }
            }
            default -> {
            }
        }
    }

    /** An object was deleted. */
    public void remove(String kind, String name) {
        switch (kind) {
            case "MigPlan" -> {
                if (plans.remove(name) != null) {
                    changedPlans.add(name);
                    orphansChanged |= migrationsByPlan.containsKey(name);
                }
            }
            case "MigMigration" -> {
                MigMigrationObject removed = migrations.remove(name);
                if (removed != null) {
                    leaveGroup(name, MonitorModel.planKey(removed.planName()));
                    changedMigrations.add(name);
                }
            }
            case "DirectVolumeMigrationProgress" -> volumesChanged |= progresses.remove(name) != null;
            case "DirectVolumeMigration" -> volumesChanged |= directVolumeMigrations.remove(name) != null;
            default -> {
            }
        }
    }

    private void putPlan(String name, MigPlanObject plan) {
        MigPlanObject previous = plans.put(name, plan);
        if (!plan.equals(previous)) {
            changedPlans.add(name);
            orphansChanged |= previous == null && migrationsByPlan.containsKey(name);
        }
    }

    private void putMigration(String name, MigMigrationObject migration) {
        MigMigrationObject previous = migrations.put(name, migration);
        if (migration.equals(previous)) {
            return;
        }
        String group = MonitorModel.planKey(migration.planName());
        if (previous != null && !group.equals(MonitorModel.planKey(previous.planName()))) {
            leaveGroup(name, MonitorModel.planKey(previous.planName()));
        }
        migrationsByPlan.computeIfAbsent(group, k -> new HashSet<>()).add(name);
        changedMigrations.add(name);
    }

    private void leaveGroup(String migration, String group) {
        Set<String> members = migrationsByPlan.get(group);
        if (members != null) {
            members.remove(migration);
            if (members.isEmpty()) {
                migrationsByPlan.remove(group);
            }
        }
        groupChanged(group);
    }

    private void groupChanged(String group) {
        if (plans.containsKey(group)) {
            changedPlans.add(group);
        } else {
            orphansChanged = true;
        }
    }

    /** Whether a clock-dependent view is due to be rebuilt (the screen's times would otherwise stand still). */
    public boolean clockDue() {
        if (clockDependent.isEmpty()) {
            return false;
        }
        Instant oldest = clockDependent.values().iterator().next();
        return !clock.instant().isBefore(oldest.plus(CLOCK_REFRESH));
    }

    /** Whether anything changed since the last snapshot. */
    public boolean changed() {
        return volumesChanged || !changedMigrations.isEmpty() || !changedPlans.isEmpty() || orphansChanged;
    }

    /** The model now, rebuilding what changed since the last call. */
    public MonitorSnapshot snapshot() {
        Instant now = clock.instant();
        if (volumesChanged) {
            refreshVolumes();
        }
        int clockRebuilds = 0;
        for (Iterator<Map.Entry<String, Instant>> due = clockDependent.entrySet().iterator(); due.hasNext()
                && clockRebuilds < CLOCK_REBUILDS; ) {
            Map.Entry<String, Instant> entry = due.next();
            if (now.isBefore(entry.getValue().plus(CLOCK_REFRESH))) {
                break;
            }
            clockRebuilds += changedMigrations.add(entry.getKey()) ? 1 : 0;
        }
        for (String name : changedMigrations) {
            rebuildMigration(name, now);
        }
        changedMigrations.clear();
        if (!changedPlans.isEmpty()) {
            for (String name : changedPlans) {
                rebuildPlan(name);
            }
            changedPlans.clear();
            planList = List.copyOf(planViews.values());
        }
        if (orphansChanged) {
            List<MigrationView> withoutPlan = new ArrayList<>();
            migrationsByPlan.forEach((group, members) -> {
                if (!plans.containsKey(group)) {
                    members.forEach(m -> withoutPlan.add(views.get(m)));
                }
            });
            orphans = MonitorModel.byPlan(withoutPlan).values().stream().flatMap(List::stream).toList();
            orphansChanged = false;
        }
        return new MonitorSnapshot(now, planList, orphans);
    }

    private void refreshVolumes() {
        Map<String, String> dvmToMigration = new HashMap<>();
        directVolumeMigrations.forEach((name, dvm) -> {
            String owner = MonitorModel.ownerName(dvm, "MigMigration");
            if (owner != null) {
                dvmToMigration.put(name, owner);
            }
        });
        Map<String, List<VolumeProgress>> next = VolumeProgresses.from(List.copyOf(progresses.values()),
                dvmToMigration);
        Set<String> affected = new HashSet<>(volumes.keySet());
        affected.addAll(next.keySet());
        for (String migration : affected) {
            if (!Objects.equals(volumes.get(migration), next.get(migration))) {
                changedMigrations.add(migration);
            }
        }
        volumes = next;
        volumesChanged = false;
    }

    private void rebuildMigration(String name, Instant now) {
        clockDependent.remove(name);
        MigMigrationObject migration = migrations.get(name);
        if (migration == null) {
            views.remove(name);
            return;
        }
        MigrationView view = model.migration(migration, now, volumes.getOrDefault(name, List.of()));
        if (dependsOnClock(view)) {
            clockDependent.put(name, now);
        }
        if (!view.equals(views.put(name, view))) {
            groupChanged(MonitorModel.planKey(migration.planName()));
        }
    }

    /** A running step's elapsed time and a wait hint are measured up to now. */
    private static boolean dependsOnClock(MigrationView view) {
        return view.waiting() != null
                || view.steps().stream().anyMatch(step -> step.started() != null && step.completed() == null);
    }

    private void rebuildPlan(String name) {
        MigPlanObject plan = plans.get(name);
        if (plan == null) {
            planViews.remove(name);
            return;
        }
        List<MigrationView> own = new ArrayList<>();
        migrationsByPlan.getOrDefault(name, Set.of()).forEach(m -> own.add(views.get(m)));
        own.sort(MonitorModel.NEWEST_FIRST);
        planViews.put(name, model.plan(plan, own));
    }
}
