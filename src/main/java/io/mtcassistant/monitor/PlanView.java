package io.mtcassistant.monitor;

import java.util.List;

/**
 * A MigPlan as the admin reads it, with its migrations newest first.
 *
 * @param statusText the console's plan status text ("Ready", "Stage in progress", "Migration succeeded" ...)
 */
public record PlanView(String name, String sourceCluster, String targetCluster, String storage,
        List<String> namespaces, String statusText, boolean ready, boolean closed, List<Condition> conditions,
        List<MigrationView> migrations) {

    public MigrationView latest() {
        return migrations.isEmpty() ? null : migrations.get(0);
    }
}
