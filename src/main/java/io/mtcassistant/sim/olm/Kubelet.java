package io.mtcassistant.sim.olm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The workload controllers and the kubelet, for namespace openshift-migration only: a pod per Deployment (one per
 * template, replacing pods of an old template) and per DaemonSet (one simulated node), pods whose owner is gone are
 * deleted, and every pod there (created by a workload or directly) starts: ContainerCreating for one step, then
 * Running and Ready when each container's image can be pulled, else ErrImagePull with the runtime's message (and a
 * Warning event) followed by ImagePullBackOff, re-pulled every recheck interval. Workload status counts ready pods.
 */
final class Kubelet implements Reconciler {

    static final String TEMPLATE_HASH = "pod-template-hash";

    @Override
    public void reconcile(Pass pass) {
        String namespace = Api.MIGRATION_NAMESPACE;
        List<ObjectNode> deployments = pass.api.list(Api.DEPLOYMENT, namespace);
        List<ObjectNode> daemonSets = pass.api.list(Api.DAEMON_SET, namespace);
        List<ObjectNode> pods = pass.api.list(Api.POD, namespace);
        Set<String> owners = new HashSet<>();
        boolean changed = false;
        for (ObjectNode deployment : deployments) {
            owners.add(Api.uid(deployment));
            changed |= ensurePod(pass, Api.DEPLOYMENT, deployment, pods, true);
        }
        for (ObjectNode daemonSet : daemonSets) {
            owners.add(Api.uid(daemonSet));
            changed |= ensurePod(pass, Api.DAEMON_SET, daemonSet, pods, false);
        }
        for (ObjectNode pod : pods) {
            JsonNode owner = pod.path("metadata").path("ownerReferences").path(0);
            boolean workload = "Deployment".equals(owner.path("kind").asText()) || "DaemonSet".equals(owner.path("kind").asText());
            if (workload && !owners.contains(owner.path("uid").asText())) {
                pass.api.delete(Api.POD, pod);
                changed = true;
            }
        }
        if (changed) {
            pods = pass.api.list(Api.POD, namespace);
        }
        for (ObjectNode pod : pods) {
            start(pass, pod);
        }
        for (ObjectNode deployment : deployments) {
            workloadStatus(pass, Api.DEPLOYMENT, deployment, pods);
        }
        for (ObjectNode daemonSet : daemonSets) {
            workloadStatus(pass, Api.DAEMON_SET, daemonSet, pods);
        }
    }

    /** @return whether pods were created or deleted */
    private boolean ensurePod(Pass pass, ResourceDefinitionContext kind, ObjectNode workload, List<ObjectNode> pods,
            boolean deployment) {
        JsonNode template = workload.path("spec").path("template");
        String hash = hash(template);
        boolean current = false;
        boolean changed = false;
        for (ObjectNode pod : ownedBy(workload, pods)) {
            if (hash.equals(pod.path("metadata").path("labels").path(TEMPLATE_HASH).asText())) {
                current = true;
            } else {
                pass.api.delete(Api.POD, pod);
                changed = true;
            }
        }
        if (current) {
            return changed;
        }
        String name = Api.name(workload) + "-" + (deployment ? hash + "-" : "") + Api.suffix();
        ObjectNode pod = Api.named(name, Api.namespace(workload));
        ObjectNode metadata = pod.with("metadata");
        ObjectNode labels = metadata.putObject("labels");
        template.path("metadata").path("labels").fields().forEachRemaining(e -> labels.set(e.getKey(), e.getValue()));
        labels.put(TEMPLATE_HASH, hash);
        metadata.putArray("ownerReferences").add(Api.ownerReference(kind, workload));
        ObjectNode spec = template.path("spec").deepCopy();
        spec.put("nodeName", pass.clusterName + "-worker-0");
        pod.set("spec", spec);
        pod.putObject("status").put("phase", "Pending");
        pass.api.create(Api.POD, pod);
        return true;
    }

    private static List<ObjectNode> ownedBy(JsonNode workload, List<ObjectNode> pods) {
        String uid = Api.uid(workload);
        return pods.stream().filter(p -> uid.equals(p.path("metadata").path("ownerReferences").path(0)
                .path("uid").asText())).toList();
    }

    private void start(Pass pass, ObjectNode pod) {
        if (pod.path("metadata").hasNonNull("deletionTimestamp")) {
            return;
        }
        String uid = Api.uid(pod);
        ObjectNode status = Api.object();
        ArrayNode containers = status.putArray("containerStatuses");
        boolean creating = !pass.elapsed("pod-created/" + uid, 1);
        boolean allReady = !creating;
        String failedPull = null;
        for (JsonNode container : pod.path("spec").path("containers")) {
            String image = container.path("image").asText("");
            ObjectNode containerStatus = containers.addObject();
            containerStatus.put("name", container.path("name").asText()).put("image", image).put("restartCount", 0);
            if (creating) {
                containerStatus.put("ready", false).put("started", false).put("imageID", "");
                containerStatus.putObject("state").putObject("waiting").put("reason", "ContainerCreating");
                continue;
            }
            ImagePuller.Pull pull = pass.pull(image);
            if (pull.found()) {
                pass.state.forget("pod-pull-failed/" + uid + "/" + image);
                containerStatus.put("ready", true).put("started", true).put("imageID", pull.resolved());
                containerStatus.putObject("state").putObject("running").put("startedAt", Api.now());
            } else {
                allReady = false;
                boolean backOff = pass.elapsed("pod-pull-failed/" + uid + "/" + image, 1);
                containerStatus.put("ready", false).put("started", false).put("imageID", "");
                ObjectNode waiting = containerStatus.putObject("state").putObject("waiting");
                if (backOff) {
                    waiting.put("reason", "ImagePullBackOff").put("message", "Back-off pulling image \"" + image
                            + "\": " + pull.message());
                } else {
                    waiting.put("reason", "ErrImagePull").put("message", pull.message());
                    failedPull = "Failed to pull image \"" + image + "\": " + pull.message();
                }
                pass.wakeAt(pass.now().plus(pass.speed().recheck()));
            }
        }
        status.put("phase", allReady ? "Running" : "Pending");
        status.put("hostIP", "10.0.0.10").put("podIP", "10.128.0." + (Math.abs(uid.hashCode()) % 250 + 2));
        ArrayNode conditions = status.putArray("conditions");
        conditions.add(Api.newCondition("Initialized", true, null, null));
        conditions.add(Api.newCondition("Ready", allReady, allReady ? null : "ContainersNotReady", null));
        conditions.add(Api.newCondition("ContainersReady", allReady, allReady ? null : "ContainersNotReady", null));
        conditions.add(Api.newCondition("PodScheduled", true, null, null));
        if (Api.sameIgnoringTimes(status, pod.path("status"))) {
            return;
        }
        status.put("startTime", pod.path("status").path("startTime").asText(Api.now()));
        pod.set("status", status);
        pass.api.writeStatus(Api.POD, pod);
        if (failedPull != null) {
            event(pass, pod, failedPull);
        }
    }

    private static void event(Pass pass, ObjectNode pod, String message) {
        ObjectNode event = Api.named(Api.name(pod) + "." + Api.suffix(), Api.namespace(pod));
        event.putObject("involvedObject").put("kind", "Pod").put("name", Api.name(pod))
                .put("namespace", Api.namespace(pod)).put("uid", Api.uid(pod)).put("apiVersion", "v1");
        event.put("reason", "Failed").put("message", message).put("type", "Warning").put("count", 1)
                .put("firstTimestamp", Api.now()).put("lastTimestamp", Api.now());
        event.putObject("source").put("component", "kubelet").put("host", pass.clusterName + "-worker-0");
        try {
            pass.api.create(Api.EVENT, event);
        } catch (KubernetesClientException e) {
            // events are best effort, as on a real node
        }
    }

    private static void workloadStatus(Pass pass, ResourceDefinitionContext kind, ObjectNode workload,
            List<ObjectNode> pods) {
        int ready = 0;
        int total = 0;
        for (ObjectNode pod : ownedBy(workload, pods)) {
            total++;
            if ("Running".equals(pod.path("status").path("phase").asText())) {
                ready++;
            }
        }
        ObjectNode status = Api.object();
        if (kind == Api.DEPLOYMENT) {
            status.put("observedGeneration", workload.path("metadata").path("generation").asLong(1));
            status.put("replicas", total).put("updatedReplicas", total).put("readyReplicas", ready)
                    .put("availableReplicas", ready).put("unavailableReplicas", Math.max(0, 1 - ready));
            ArrayNode conditions = status.putArray("conditions");
            conditions.add(Api.newCondition("Available", ready > 0,
                    ready > 0 ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                    ready > 0 ? "Deployment has minimum availability." : "Deployment does not have minimum availability."));
            conditions.add(Api.newCondition("Progressing", true, "NewReplicaSetAvailable",
                    "ReplicaSet \"" + Api.name(workload) + "\" has successfully progressed."));
        } else {
            status.put("desiredNumberScheduled", 1).put("currentNumberScheduled", total).put("numberReady", ready)
                    .put("numberAvailable", ready).put("updatedNumberScheduled", total).put("numberMisscheduled", 0)
                    .put("observedGeneration", workload.path("metadata").path("generation").asLong(1));
        }
        if (!Api.sameIgnoringTimes(status, workload.path("status"))) {
            workload.set("status", status);
            pass.api.writeStatus(kind, workload);
        }
    }

    private static String hash(JsonNode template) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(template.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 5).substring(0, 9).replace('0', 'b').replace('1', 'c');
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
