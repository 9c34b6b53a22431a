package io.mtcassistant.sim.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated controller's PV discovery and source-side plan checks (a simulation of mig-controller's): for an open
 * MigPlan it looks at the selected namespaces on the simulated SOURCE cluster, writes one spec.persistentVolumes entry
 * per claim (keeping entries it wrote before, with their selections), lists the target's storage classes in
 * status.destStorageClasses (and the source's in srcStorageClasses), and reports the Critical conditions whose cause
 * is there: NamespaceNotFoundOnSourceCluster, NamespaceLimitExceeded, PodLimitExceeded, PvLimitExceeded and
 * SourceClusterNoRegistryPath (direct image migration without the source MigCluster's exposedRegistryPath). Limits
 * come from the MigrationController on the control cluster (mig_namespace_limit, mig_pod_limit, mig_pv_limit;
 * 10 / 100 / 100). It also reports PlanConflict ({@link PlanConflicts}), PvCapacityAdjustmentRequired (a claim
 * whose bound volume is larger than it asks for gets a proposedCapacity, until capacityConfirmed), and the Warn
 * conditions of {@link SourceCompatibility}: GVKsIncompatible with status.incompatibleNamespaces, and
 * ClusterVersionMismatch. What it looked at is kept a few seconds per plan so the 100 ms ticks do not flood the
 * servers.
 */
public final class PvDiscovery implements PlanCheck, AutoCloseable {

    private static final ObjectMapper JSON = Serialization.jsonMapper();
    private static final Duration REFRESH = Duration.ofSeconds(3);

    private final KubernetesClient source;
    private final KubernetesClient control;
    private final Map<String, Seen> seen = new HashMap<>();
    private Map<String, JsonNode> storageClasses;
    private Instant storageClassesAt;

    private final PlanConflicts conflicts;
    private final SourceCompatibility compatibility;

    /** What the source held for a plan's namespaces when last looked at. */
    private record Seen(String key, Instant at, List<String> missing, int pods, List<PersistentVolumeClaim> claims,
            ArrayNode incompatible) {
    }

    /** Owns both clients (closes them). */
    public PvDiscovery(KubernetesClient source, KubernetesClient control) {
        this.source = java.util.Objects.requireNonNull(source);
        this.control = java.util.Objects.requireNonNull(control);
        this.conflicts = new PlanConflicts(control);
        this.compatibility = new SourceCompatibility(source, control);
    }

    @Override
    public List<PlanCondition> check(JsonNode plan, Objects objects) {
        JsonNode spec = plan.path("spec");
        List<PlanCondition> found = new ArrayList<>();
        if (spec.path("closed").asBoolean(false)) {
            return found;
        }
        List<String> namespaces = new ArrayList<>();
        spec.path("namespaces").forEach(n -> namespaces.add(n.asText().split(":", 2)[0]));
        String name = plan.path("metadata").path("name").asText();
        Seen source = look(name, namespaces);
        int[] limits = limits();
        if (!source.missing().isEmpty()) {
            found.add(new PlanCondition("NamespaceNotFoundOnSourceCluster", "NotFound", "Critical",
                    "Namespaces [" + String.join(",", source.missing()) + "] not found on the source cluster."));
        }
        if (namespaces.size() > limits[0]) {
            found.add(new PlanCondition("NamespaceLimitExceeded", "LimitExceeded", "Critical",
                    "Namespace limit: " + limits[0] + " exceeded, found: " + namespaces.size() + "."));
        }
        if (source.pods() > limits[1]) {
            found.add(new PlanCondition("PodLimitExceeded", "LimitExceeded", "Critical",
                    "Pod limit: " + limits[1] + " exceeded, found: " + source.pods() + "."));
        }
        if (source.claims().size() > limits[2]) {
            found.add(new PlanCondition("PvLimitExceeded", "LimitExceeded", "Critical",
                    "PV limit: " + limits[2] + " exceeded, found: " + source.claims().size() + "."));
        }
        String sourceCluster = spec.path("srcMigClusterRef").path("name").asText("");
        JsonNode cluster = sourceCluster.isEmpty() ? null : objects.migCluster(sourceCluster);
        if (!spec.path("indirectImageMigration").asBoolean(false) && cluster != null
                && cluster.path("spec").path("exposedRegistryPath").asText("").isEmpty()) {
            found.add(new PlanCondition("SourceClusterNoRegistryPath", "NotSet", "Critical",
                    "Direct image migration is selected and the source cluster " + sourceCluster
                            + " is missing the exposedRegistryPath field"));
        }
        found.addAll(conflicts.check(plan, objects));
        capacityAdjustments(plan).ifPresent(found::add);
        if (!source.incompatible().isEmpty()) {
            found.add(new PlanCondition("GVKsIncompatible", null, "Warn",
                    SourceCompatibility.GVKS_INCOMPATIBLE_MESSAGE));
        }
        String mismatch = compatibility.versionMismatch();
        if (mismatch != null) {
            found.add(new PlanCondition("ClusterVersionMismatch", null, "Warn", mismatch));
        }
        if (writeVolumes(plan, source.claims()) && plan.path("spec").path("persistentVolumes").isEmpty()) {
            // written now, so the stored plan the other rules saw has none: say it with the Ready it gets
            found.add(new PlanCondition("PvsDiscovered", "Done", "Required",
                    "The `persistentVolumes` list has been updated with discovered PVs."));
        }
        return found;
    }

    private synchronized Seen look(String plan, List<String> namespaces) {
        String key = String.join(",", namespaces);
        Seen last = seen.get(plan);
        Instant now = Instant.now();
        if (last != null && last.key().equals(key) && Duration.between(last.at(), now).compareTo(REFRESH) < 0) {
            return last;
        }
        List<String> missing = new ArrayList<>();
        int pods = 0;
        List<PersistentVolumeClaim> claims = new ArrayList<>();
        for (String namespace : namespaces) {
            if (source.namespaces().withName(namespace).get() == null) {
                missing.add(namespace);
                continue;
            }
            pods += source.pods().inNamespace(namespace).list().getItems().size();
            claims.addAll(source.persistentVolumeClaims().inNamespace(namespace).list().getItems());
        }
        List<String> present = namespaces.stream().filter(n -> !missing.contains(n)).toList();
        Seen fresh = new Seen(key, now, missing, pods, claims, compatibility.incompatibleNamespaces(present));
        seen.put(plan, fresh);
        return fresh;
    }

    private int[] limits() {
        int[] limits = {10, 100, 100};
        try {
            GenericKubernetesResource controller = control.genericKubernetesResources(MigrationKinds.API_VERSION,
                    "MigrationController").inNamespace(MigrationKinds.NAMESPACE).withName("migration-controller").get();
            if (controller != null) {
                JsonNode spec = JSON.valueToTree(controller).path("spec");
                String[] keys = {"mig_namespace_limit", "mig_pod_limit", "mig_pv_limit"};
                for (int i = 0; i < keys.length; i++) {
                    if (spec.hasNonNull(keys[i])) {
                        limits[i] = Integer.parseInt(spec.get(keys[i]).asText().trim());
                    }
                }
            }
        } catch (KubernetesClientException | NumberFormatException e) {
            // no MigrationController kind, or a value the real role would reject too: the defaults apply
        }
        return limits;
    }

    /** @return whether it wrote a new list */
    private boolean writeVolumes(JsonNode plan, List<PersistentVolumeClaim> claims) {
        Map<String, JsonNode> existing = new LinkedHashMap<>();
        plan.path("spec").path("persistentVolumes").forEach(pv -> existing.put(pv.path("name").asText(), pv));
        ArrayNode volumes = JsonNodeFactory.instance.arrayNode();
        for (PersistentVolumeClaim claim : claims) {
            String pvName = volumeName(claim);
            JsonNode kept = existing.get(pvName);
            volumes.add(kept != null ? kept : discovered(pvName, claim));
        }
        java.util.Set<String> before = new java.util.HashSet<>(existing.keySet());
        java.util.Set<String> after = new java.util.HashSet<>();
        volumes.forEach(v -> after.add(v.path("name").asText()));
        if (before.equals(after)) {
            return false;
        }
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        patch.putObject("spec").set("persistentVolumes", volumes);
        control.genericKubernetesResources(MigrationKinds.MIG_PLAN.context()).inNamespace(MigrationKinds.NAMESPACE)
                .withName(plan.path("metadata").path("name").asText())
                .patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString());
        return !after.isEmpty();
    }

    /** Volumes whose proposed capacity nobody has confirmed yet. */
    private static java.util.Optional<PlanCondition> capacityAdjustments(JsonNode plan) {
        List<String> volumes = new ArrayList<>();
        for (JsonNode pv : plan.path("spec").path("persistentVolumes")) {
            if (pv.hasNonNull("proposedCapacity") && !pv.path("capacityConfirmed").asBoolean(false)
                    && !"skip".equals(pv.path("selection").path("action").asText())) {
                volumes.add(pv.path("name").asText());
            }
        }
        return volumes.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(new PlanCondition(
                "PvCapacityAdjustmentRequired", null, "Warn", "Migrating data of following volumes may result in a "
                        + "failure either due to mismatch in their requested and actual capacities or disk usage being "
                        + "close to 100%: [" + String.join(",", volumes) + "]"));
    }

    static String volumeName(PersistentVolumeClaim claim) {
        String bound = claim.getSpec() == null ? null : claim.getSpec().getVolumeName();
        return bound != null && !bound.isEmpty() ? bound : "pvc-" + claim.getMetadata().getUid();
    }

    private ObjectNode discovered(String pvName, PersistentVolumeClaim claim) {
        ObjectNode pv = JsonNodeFactory.instance.objectNode();
        pv.put("name", pvName);
        Quantity size = claim.getStatus() != null && claim.getStatus().getCapacity() != null
                ? claim.getStatus().getCapacity().get("storage") : null;
        if (size == null && claim.getSpec().getResources() != null && claim.getSpec().getResources().getRequests() != null) {
            size = claim.getSpec().getResources().getRequests().get("storage");
        }
        pv.put("capacity", size == null ? "1Gi" : size.toString());
        Quantity requested = claim.getSpec().getResources() == null || claim.getSpec().getResources().getRequests()
                == null ? null : claim.getSpec().getResources().getRequests().get("storage");
        if (size != null && requested != null
                && size.getNumericalAmount().compareTo(requested.getNumericalAmount()) > 0) {
            // the bound volume is larger than the claim asks for: the target claim would be too small
            pv.put("proposedCapacity", size.toString());
        }
        String storageClass = claim.getSpec().getStorageClassName() == null ? "" : claim.getSpec().getStorageClassName();
        pv.put("storageClass", storageClass);
        String namespace = claim.getMetadata().getNamespace();
        ObjectNode pvc = pv.putObject("pvc");
        pvc.put("namespace", namespace);
        pvc.put("name", claim.getMetadata().getName());
        ArrayNode modes = pvc.putArray("accessModes");
        claim.getSpec().getAccessModes().forEach(modes::add);
        pvc.put("volumeMode", claim.getSpec().getVolumeMode() == null ? "Filesystem" : claim.getSpec().getVolumeMode());
        ObjectNode supported = pv.putObject("supported");
        ArrayNode actions = supported.putArray("actions");
        actions.add("copy");
        if (isShared(storageClass)) {
            actions.add("move");
        }
        actions.add("skip");
        ArrayNode methods = supported.putArray("copyMethods");
        methods.add("filesystem");
        if (snapshots(storageClass)) {
            methods.add("snapshot");
        }
        pv.putObject("selection").put("action", "copy").put("copyMethod", "filesystem");
        return pv;
    }

    /** NFS-like storage both clusters can mount: the only kind MTC offers "move" for. */
    private boolean isShared(String storageClass) {
        return provisioner(source, storageClass).contains("nfs");
    }

    /** Cloud block storage with a Velero snapshot plugin. */
    private boolean snapshots(String storageClass) {
        String provisioner = provisioner(source, storageClass);
        return provisioner.contains("aws-ebs") || provisioner.contains("ebs.csi") || provisioner.contains("gce-pd")
                || provisioner.contains("azure-disk") || provisioner.contains("cinder");
    }

    private static String provisioner(KubernetesClient client, String storageClass) {
        if (storageClass.isEmpty()) {
            return "";
        }
        StorageClass found = client.storage().v1().storageClasses().withName(storageClass).get();
        return found == null || found.getProvisioner() == null ? "" : found.getProvisioner();
    }

    /** The storage classes of both clusters (looked at again after a few seconds), for every open plan. */
    @Override
    public Map<String, JsonNode> statusFields(JsonNode plan) {
        if (plan.path("spec").path("closed").asBoolean(false)) {
            return Map.of();
        }
        synchronized (this) {
            Instant now = Instant.now();
            if (storageClasses == null || Duration.between(storageClassesAt, now).compareTo(REFRESH) >= 0) {
                storageClasses = Map.of("destStorageClasses", classes(control), "srcStorageClasses", classes(source));
                storageClassesAt = now;
            }
            Seen last = seen.get(plan.path("metadata").path("name").asText());
            // written when there are some, and once as [] to clear the ones a plan had before
            if (last == null || (last.incompatible().isEmpty()
                    && plan.path("status").path("incompatibleNamespaces").isEmpty())) {
                return storageClasses;
            }
            Map<String, JsonNode> fields = new LinkedHashMap<>(storageClasses);
            fields.put("incompatibleNamespaces", last.incompatible());
            return fields;
        }
    }

    private static ArrayNode classes(KubernetesClient client) {
        ArrayNode classes = JsonNodeFactory.instance.arrayNode();
        for (StorageClass storageClass : client.storage().v1().storageClasses().list().getItems()) {
            ObjectNode entry = classes.addObject();
            entry.put("name", storageClass.getMetadata().getName());
            entry.put("provisioner", storageClass.getProvisioner());
            Map<String, String> annotations = storageClass.getMetadata().getAnnotations();
            if (annotations != null && "true".equals(annotations.get("storageclass.kubernetes.io/is-default-class"))) {
                entry.put("default", true);
            }
            ObjectNode modes = entry.putArray("volumeAccessModes").addObject();
            modes.put("volumeMode", "Filesystem");
            ArrayNode accessModes = modes.putArray("accessModes");
            boolean shared = storageClass.getProvisioner() != null && (storageClass.getProvisioner().contains("nfs")
                    || storageClass.getProvisioner().contains("cephfs") || storageClass.getProvisioner().contains("glusterfs"));
            if (shared) {
                accessModes.add("ReadWriteMany");
            }
            accessModes.add("ReadWriteOnce");
        }
        return classes;
    }

    @Override
    public void close() {
        source.close();
        control.close();
    }
}
