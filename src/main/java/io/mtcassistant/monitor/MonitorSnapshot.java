package io.mtcassistant.monitor;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Everything the monitor shows at one moment: plans (with their migrations) and migrations without a plan. */
public record MonitorSnapshot(Instant at, List<PlanView> plans, List<MigrationView> orphanMigrations) {

    public static MonitorSnapshot empty(Instant at) {
        return new MonitorSnapshot(at, List.of(), List.of());
    }

    public Optional<PlanView> plan(String name) {
        return plans.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<MigrationView> migration(String name) {
        return allMigrations().stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public List<MigrationView> allMigrations() {
        List<MigrationView> all = new java.util.ArrayList<>();
        plans.forEach(p -> all.addAll(p.migrations()));
        all.addAll(orphanMigrations);
        return all;
    }
}
