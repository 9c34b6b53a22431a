package io.mtcassistant.plans;

import com.fasterxml.jackson.databind.JsonNode;
import io.mtcassistant.monitor.Condition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A MigPlan's conditions in plain words, grouped by category (Critical, Error, Warn, Required, Advisory), with what to
 * do about each Critical or Error one. Types the guide does not know keep the controller's message.
 */
public final class PlanConditionGuide {

    /** The categories in the order an admin reads them: what blocks first. */
    public static final List<String> CATEGORIES = List.of("Critical", "Error", "Warn", "Required", "Advisory");

    /** One condition explained. {@code fix} is empty when there is nothing to do. */
    public record Explained(String type, String category, String words, String fix, String controllerMessage) {
    }

    /** @param itemsLabel how the words name the items the controller lists in [...], or null to leave them out */
    private record Entry(String words, String fix, String itemsLabel) {
    }

    /**
     * Warn conditions the controller lets a migration start with, but that fail it or lose data: their fix is
     * shown like a blocking one's.
     */
    private static final java.util.Set<String> ACT_ON = java.util.Set.of("ClusterVersionMismatch",
            "PvCapacityAdjustmentRequired", "GVKsIncompatible");
    private static final java.util.regex.Pattern ITEMS = java.util.regex.Pattern.compile("\\[([^\\]]+)]");

    private static final Map<String, Entry> GUIDE = new LinkedHashMap<>();

    static {
        put("Ready", "The plan is ready: a stage or a cutover can start.", "");
        put("SourceClusterNotReady", "The source MigCluster is not Ready.",
                "Open the Repository step (or oc describe migcluster) and fix the source cluster's connection first.");
        put("DestinationClusterNotReady", "The target MigCluster is not Ready.",
                "Fix the target MigCluster first; the plan re-validates by itself.");
        put("StorageNotReady", "The replication repository (MigStorage) is not Ready.",
                "Check the repository's credentials and S3 endpoint in the Repository step.");
        put("InvalidSourceClusterRef", "The plan names a source MigCluster that does not exist.",
                "Edit the plan to name an existing MigCluster.");
        put("InvalidDestinationClusterRef", "The plan names a target MigCluster that does not exist.",
                "Edit the plan to name an existing MigCluster.");
        put("InvalidStorageRef", "The plan names a MigStorage that does not exist.",
                "Create the replication repository in the Repository step, or name an existing one.");
        put("EmptyNamespaceList", "The plan has no namespaces.", "Edit the plan and choose at least one namespace.");
        put("SourceClusterNoRegistryPath",
                "Direct image migration needs the source cluster's exposed registry route, and its MigCluster has "
                        + "none.",
                "Expose the source's internal registry (OpenShift 4: defaultRoute: true on configs.imageregistry; "
                        + "OpenShift 3: oc expose service docker-registry) and set spec.exposedRegistryPath on the "
                        + "MigCluster, or switch the plan to indirect image migration.");
        put("NamespaceNotFoundOnSourceCluster", "A namespace of the plan does not exist on the source cluster.",
                "Remove it from the plan (Edit → Namespaces) or correct its name.", "Missing");
        put("NamespaceLimitExceeded", "The plan has more namespaces than the controller allows (mig_namespace_limit).",
                "Split the plan, or raise mig_namespace_limit on the MigrationController.");
        put("PodLimitExceeded", "The namespaces hold more pods than the controller allows (mig_pod_limit).",
                "Split the plan, or raise mig_pod_limit on the MigrationController.");
        put("PvLimitExceeded", "The namespaces hold more persistent volumes than the controller allows (mig_pv_limit).",
                "Split the plan, or raise mig_pv_limit on the MigrationController.");
        put("PlanConflict", "Another open plan between the same clusters already migrates one of these namespaces.",
                "Close or delete the other plan, or remove the shared namespace from one of them.",
                "Conflicting plan(s)");
        put("PvNoSupportedAction", "A persistent volume has no action the controller supports.",
                "Set the volume to skip, or check its storage class on the source.");
        put("PvInvalidStorageClass", "A volume's target storage class is not on the target cluster.",
                "Choose one of the target's storage classes for it (Edit → Persistent volumes).");
        put("PvInvalidAccessMode", "A volume's access mode is not offered by its target storage class.",
                "Choose an access mode the target storage class offers, or leave it to the claim's.");
        put("PvCapacityAdjustmentRequired",
                "A volume's claim asks for less than its volume holds; the copy would not fit on the target.",
                "Confirm the proposed capacity for that volume (spec.persistentVolumes[].capacityConfirmed) or "
                        + "resize the claim on the source.", "Volume(s)");
        put("GVKsIncompatible", "Some resources of the namespaces use API versions the target does not serve.",
                "Those resources are not migrated as they are: convert them, or exclude them; the list follows.");
        put("ClusterVersionMismatch",
                "The clusters run different MTC versions; source, target and host must all run the same one.",
                "Install the same MTC version everywhere (Operators step).");
        put("RegistriesHealthy", "The migration registries are running.", "");
        put("PvsDiscovered", "The persistent volumes of the namespaces were found.", "");
        put("SourcePodsNotHealthy", "Some pods of the namespaces are not running on the source.",
                "Fix or scale down the failing pods: their volumes may not copy.");
        put("SourceClusterProxySecretMisconfigured", "The source cluster's proxy secret is misconfigured.",
                "Check the MigrationController proxy settings in the Proxy & network step.");
        put("IntraClusterMigration", "Source and target are the same cluster.", "");
        put("MigrationTypeIdentified", "The controller has worked out what kind of migration this is.", "");
        put("Closed", "The plan is closed: no migration can start from it.", "");
        put("Suspended", "A migration of this plan is running; the plan waits for it.", "");
    }

    private PlanConditionGuide() {
    }

    private static void put(String type, String words, String fix) {
        put(type, words, fix, null);
    }

    private static void put(String type, String words, String fix, String itemsLabel) {
        GUIDE.put(type, new Entry(words, fix, itemsLabel));
    }

    public static Explained explain(Condition condition) {
        Entry entry = GUIDE.get(condition.type());
        String category = condition.category() == null ? "Advisory" : condition.category();
        String message = condition.message() == null ? "" : condition.message();
        if (entry == null) {
            boolean blocking = isBlocking(category);
            return new Explained(condition.type(), category, message.isEmpty() ? condition.type() : message,
                    blocking ? "Read the controller's message; the plan cannot start until it is gone." : "", message);
        }
        java.util.regex.Matcher items = ITEMS.matcher(message);
        String words = entry.itemsLabel() != null && items.find()
                ? entry.words() + " " + entry.itemsLabel() + ": " + items.group(1).replace(",", ", ") + "."
                : entry.words();
        return new Explained(condition.type(), category, words, entry.fix(), message);
    }

    /** Whether the fix goes with the words: a blocking condition, or a warning that would fail the migration. */
    public static boolean showsFix(Explained explained) {
        return !explained.fix().isEmpty() && (isBlocking(explained.category()) || ACT_ON.contains(explained.type()));
    }

    /** Explained conditions by category, in {@link #CATEGORIES} order; only categories that have some. */
    public static Map<String, List<Explained>> grouped(List<Condition> conditions) {
        Map<String, List<Explained>> groups = new LinkedHashMap<>();
        CATEGORIES.forEach(c -> groups.put(c, new ArrayList<>()));
        for (Condition condition : conditions) {
            if (!condition.status()) {
                continue;
            }
            Explained explained = explain(condition);
            groups.computeIfAbsent(canonical(explained.category()), k -> new ArrayList<>()).add(explained);
        }
        groups.values().removeIf(List::isEmpty);
        return groups;
    }

    public static boolean isBlocking(String category) {
        return "Critical".equalsIgnoreCase(category) || "Error".equalsIgnoreCase(category);
    }

    private static String canonical(String category) {
        for (String known : CATEGORIES) {
            if (known.equalsIgnoreCase(category)) {
                return known;
            }
        }
        return category.substring(0, 1).toUpperCase(Locale.ROOT) + category.substring(1);
    }

    /** "GVKsIncompatible" lists the resources at fault in status.incompatibleNamespaces; as lines "ns: gvk, gvk". */
    public static List<String> incompatibleResources(JsonNode plan) {
        List<String> lines = new ArrayList<>();
        for (JsonNode namespace : plan.path("status").path("incompatibleNamespaces")) {
            List<String> gvks = new ArrayList<>();
            for (JsonNode gvk : namespace.path("gvks")) {
                String group = gvk.path("group").asText("");
                gvks.add((group.isEmpty() ? "" : group + "/") + gvk.path("version").asText("") + " "
                        + gvk.path("kind").asText(""));
            }
            lines.add(namespace.path("name").asText() + ": " + String.join(", ", gvks));
        }
        return lines;
    }
}
