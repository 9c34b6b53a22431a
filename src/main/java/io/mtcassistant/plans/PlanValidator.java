package io.mtcassistant.plans;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a plan request before anything is created: what the controller would refuse later with a Critical
 * condition (a name it cannot store, clusters or storage that are not Ready, a missing namespace, a limit exceeded,
 * no registry route for direct image migration), what the console warns about, and what direct volume migration
 * needs of the rsync endpoint (warnings: the controller only finds out when a migration's rsync cannot connect).
 */
public final class PlanValidator {

    private PlanValidator() {
    }

    public static List<PlanProblem> validate(PlanRequest request, PlanInventory inventory) {
        List<PlanProblem> problems = new ArrayList<>();
        KubernetesName.problem(request.name()).ifPresent(p -> problems.add(PlanProblem.error("name", p)));
        cluster(problems, "source-cluster", request.sourceCluster(), inventory);
        cluster(problems, "target-cluster", request.targetCluster(), inventory);
        if (request.sourceCluster() != null && request.sourceCluster().equals(request.targetCluster())) {
            problems.add(PlanProblem.warning("target-cluster", "source and target are the same cluster: an "
                    + "intra-cluster migration (namespaces must be renamed with src:dest, or storage converted)"));
        }
        Optional<ReadyChoice> storage = inventory.storage(request.storage() == null ? "" : request.storage());
        if (request.storage() == null || request.storage().isEmpty()) {
            problems.add(PlanProblem.error("storage", "no replication repository (MigStorage) chosen"));
        } else if (storage.isEmpty()) {
            problems.add(PlanProblem.error("storage", "MigStorage '" + request.storage() + "' does not exist"));
        } else if (!storage.get().ready()) {
            problems.add(PlanProblem.error("storage", "MigStorage '" + request.storage() + "' is not Ready: "
                    + storage.get().why()));
        }
        namespaces(problems, request, inventory);
        if (request.directImages()) {
            inventory.cluster(request.sourceCluster() == null ? "" : request.sourceCluster())
                    .filter(c -> c.registryPath() == null || c.registryPath().isEmpty())
                    .ifPresent(c -> problems.add(PlanProblem.error("direct-images", "MigCluster '" + c.name()
                            + "' has no exposed registry route (spec.exposedRegistryPath); direct image migration "
                            + "needs it: expose the source registry and set it, or use indirect image migration")));
        }
        if (request.directVolumes() && inventory.rsync() != null) {
            problems.addAll(inventory.rsync().check(request.sourceCluster(), request.targetCluster()));
        }
        hooks(problems, request);
        return problems;
    }

    /** The first blocking problem, if any: what the command line reports as bad input. */
    public static Optional<PlanProblem> firstBlocking(List<PlanProblem> problems) {
        return problems.stream().filter(PlanProblem::blocking).findFirst();
    }

    private static void cluster(List<PlanProblem> problems, String field, String name, PlanInventory inventory) {
        if (name == null || name.isEmpty()) {
            problems.add(PlanProblem.error(field, "no MigCluster chosen"));
            return;
        }
        Optional<ReadyChoice> cluster = inventory.cluster(name);
        if (cluster.isEmpty()) {
            problems.add(PlanProblem.error(field, "MigCluster '" + name + "' does not exist"));
        } else if (!cluster.get().ready()) {
            problems.add(PlanProblem.error(field, "MigCluster '" + name + "' is not Ready: " + cluster.get().why()));
        }
    }

    private static void namespaces(List<PlanProblem> problems, PlanRequest request, PlanInventory inventory) {
        if (request.namespaces().isEmpty()) {
            problems.add(PlanProblem.error("namespaces", "no namespace chosen"));
            return;
        }
        Set<String> targets = new HashSet<>();
        Set<String> sources = new HashSet<>();
        int pods = 0;
        int claims = 0;
        for (NamespaceMapping mapping : request.namespaces()) {
            KubernetesName.problem(mapping.source())
                    .ifPresent(p -> problems.add(PlanProblem.error("namespaces", "source namespace " + p)));
            KubernetesName.problem(mapping.target())
                    .ifPresent(p -> problems.add(PlanProblem.error("namespaces", "target namespace " + p)));
            if (!sources.add(mapping.source())) {
                problems.add(PlanProblem.error("namespaces", mapping.source() + " is listed twice"));
            }
            if (!targets.add(mapping.target())) {
                problems.add(PlanProblem.error("namespaces", "two namespaces go to " + mapping.target()));
            }
            if (mapping.isSystem()) {
                problems.add(PlanProblem.warning("namespaces", mapping.source() + " is a system namespace; "
                        + "migrating it is not supported"));
            }
            if (inventory.sourceNamespaces() != null) {
                Optional<SourceNamespace> found = inventory.sourceNamespace(mapping.source());
                if (found.isEmpty()) {
                    problems.add(PlanProblem.error("namespaces", mapping.source()
                            + " does not exist on the source cluster"));
                } else {
                    pods += found.get().pods();
                    claims += found.get().persistentVolumeClaims();
                }
            }
        }
        PlanLimits limits = inventory.limits();
        if (request.namespaces().size() > limits.namespaces()) {
            problems.add(PlanProblem.error("namespaces", request.namespaces().size() + " namespaces exceed the "
                    + "controller's limit of " + limits.namespaces() + " (mig_namespace_limit): split the plan"));
        }
        if (pods > limits.pods()) {
            problems.add(PlanProblem.error("namespaces", pods + " pods exceed the controller's limit of "
                    + limits.pods() + " (mig_pod_limit): split the plan or raise the limit"));
        }
        if (claims > limits.persistentVolumes()) {
            problems.add(PlanProblem.error("namespaces", claims + " persistent volumes exceed the controller's limit "
                    + "of " + limits.persistentVolumes() + " (mig_pv_limit): split the plan or raise the limit"));
        }
    }

    private static void hooks(List<PlanProblem> problems, PlanRequest request) {
        Set<String> names = new HashSet<>();
        for (PlanHook hook : request.hooks()) {
            KubernetesName.problem(hook.name()).ifPresent(p -> problems.add(PlanProblem.error("hook", "name " + p)));
            if (!names.add(hook.name())) {
                problems.add(PlanProblem.error("hook", hook.name() + " is listed twice"));
            }
            if (hook.custom() && (hook.image() == null || hook.image().isBlank())) {
                problems.add(PlanProblem.error("hook", hook.name() + ": a custom hook needs an image"));
            }
            if (hook.executionNamespace() == null || hook.executionNamespace().isBlank()) {
                problems.add(PlanProblem.error("hook", hook.name() + ": no execution namespace"));
            }
            if (hook.serviceAccount() == null || hook.serviceAccount().isBlank()) {
                problems.add(PlanProblem.error("hook", hook.name() + ": no service account"));
            }
            if (!hook.targetCluster().equals("source") && !hook.targetCluster().equals("destination")) {
                problems.add(PlanProblem.error("hook", hook.name() + ": the cluster must be source or destination"));
            }
        }
    }
}
