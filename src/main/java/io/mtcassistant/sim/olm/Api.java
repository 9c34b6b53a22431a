package io.mtcassistant.sim.olm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated controllers' view of the API: objects as JSON trees (status writes go to the status subresource),
 * the resource kinds they work on, and the small JSON helpers they share.
 */
final class Api {

    static final ObjectMapper JSON = Serialization.jsonMapper();
    static final String MIGRATION_NAMESPACE = "openshift-migration";
    static final String MARKETPLACE_NAMESPACE = "openshift-marketplace";

    static final ResourceDefinitionContext CATALOG_SOURCE = namespaced("operators.coreos.com", "v1alpha1",
            "CatalogSource", "catalogsources");
    static final ResourceDefinitionContext SUBSCRIPTION = namespaced("operators.coreos.com", "v1alpha1",
            "Subscription", "subscriptions");
    static final ResourceDefinitionContext INSTALL_PLAN = namespaced("operators.coreos.com", "v1alpha1",
            "InstallPlan", "installplans");
    static final ResourceDefinitionContext CSV = namespaced("operators.coreos.com", "v1alpha1",
            "ClusterServiceVersion", "clusterserviceversions");
    static final ResourceDefinitionContext OPERATOR_GROUP = namespaced("operators.coreos.com", "v1", "OperatorGroup",
            "operatorgroups");
    static final ResourceDefinitionContext PACKAGE_MANIFEST = namespaced("packages.operators.coreos.com", "v1",
            "PackageManifest", "packagemanifests");
    static final ResourceDefinitionContext MIGRATION_CONTROLLER = namespaced("migration.openshift.io", "v1alpha1",
            "MigrationController", "migrationcontrollers");
    static final ResourceDefinitionContext OPERATOR_HUB = cluster("config.openshift.io", "v1", "OperatorHub",
            "operatorhubs");
    static final ResourceDefinitionContext ICSP = cluster("operator.openshift.io", "v1alpha1",
            "ImageContentSourcePolicy", "imagecontentsourcepolicies");
    static final ResourceDefinitionContext IDMS = cluster("config.openshift.io", "v1", "ImageDigestMirrorSet",
            "imagedigestmirrorsets");
    static final ResourceDefinitionContext MACHINE_CONFIG_POOL = cluster("machineconfiguration.openshift.io", "v1",
            "MachineConfigPool", "machineconfigpools");
    static final ResourceDefinitionContext DEPLOYMENT = namespaced("apps", "v1", "Deployment", "deployments");
    static final ResourceDefinitionContext DAEMON_SET = namespaced("apps", "v1", "DaemonSet", "daemonsets");
    static final ResourceDefinitionContext POD = namespaced("", "v1", "Pod", "pods");
    static final ResourceDefinitionContext CONFIG_MAP = namespaced("", "v1", "ConfigMap", "configmaps");
    static final ResourceDefinitionContext EVENT = namespaced("", "v1", "Event", "events");
    static final ResourceDefinitionContext IMAGE_REGISTRY_CONFIG = cluster("imageregistry.operator.openshift.io", "v1",
            "Config", "configs");
    static final ResourceDefinitionContext ROUTE = namespaced("route.openshift.io", "v1", "Route", "routes");
    static final ResourceDefinitionContext CRD = cluster("apiextensions.k8s.io", "v1", "CustomResourceDefinition",
            "customresourcedefinitions");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SUFFIX_CHARS = "bcdfghjklmnpqrstvwxz2456789";

    private final KubernetesClient client;
    /** Lists read in this round, until the round writes something: the shared machine is slow, requests count. */
    private final java.util.Map<String, List<ObjectNode>> lists = new java.util.HashMap<>();

    Api(KubernetesClient client) {
        this.client = client;
    }

    /** Every object of a kind (in one namespace, or all when namespace is null); empty when the kind is unknown. */
    List<ObjectNode> list(ResourceDefinitionContext kind, String namespace) {
        String key = kind.getPlural() + "." + kind.getGroup() + "/" + namespace;
        List<ObjectNode> cached = lists.get(key);
        if (cached == null) {
            cached = listNow(kind, namespace);
            lists.put(key, cached);
        }
        List<ObjectNode> copies = new ArrayList<>();
        cached.forEach(node -> copies.add(node.deepCopy()));
        return copies;
    }

    private List<ObjectNode> listNow(ResourceDefinitionContext kind, String namespace) {
        List<GenericKubernetesResource> items;
        try {
            items = namespace == null ? client.genericKubernetesResources(kind).inAnyNamespace().list().getItems()
                    : client.genericKubernetesResources(kind).inNamespace(namespace).list().getItems();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return List.of();
            }
            throw e;
        }
        List<ObjectNode> nodes = new ArrayList<>();
        for (GenericKubernetesResource item : items) {
            nodes.add(JSON.valueToTree(item));
        }
        return nodes;
    }

    ObjectNode get(ResourceDefinitionContext kind, String namespace, String name) {
        for (String scope : new String[] {namespace, null}) {
            List<ObjectNode> cached = lists.get(kind.getPlural() + "." + kind.getGroup() + "/" + scope);
            if (cached != null) {
                return cached.stream().filter(o -> name.equals(name(o))
                        && (namespace == null || namespace.equals(namespace(o)))).findFirst()
                        .map(ObjectNode::deepCopy).orElse(null);
            }
        }
        GenericKubernetesResource found = namespace == null
                ? client.genericKubernetesResources(kind).withName(name).get()
                : client.genericKubernetesResources(kind).inNamespace(namespace).withName(name).get();
        return found == null ? null : JSON.valueToTree(found);
    }

    /** Creates the object, then writes its status (a create ignores the status of kinds with a status subresource). */
    ObjectNode create(ResourceDefinitionContext kind, ObjectNode object) {
        lists.clear();
        JsonNode status = object.get("status");
        object.put("apiVersion", apiVersion(kind)).put("kind", kind.getKind());
        GenericKubernetesResource created = resource(kind, object).create();
        ObjectNode node = JSON.valueToTree(created);
        if (status != null && !status.isNull() && !status.equals(node.get("status"))) {
            node.set("status", status);
            return writeStatus(kind, node);
        }
        return node;
    }

    /** Replaces the status (not the spec) of an object; unconditional, the simulation owns the status. */
    ObjectNode writeStatus(ResourceDefinitionContext kind, ObjectNode object) {
        lists.clear();
        ObjectNode copy = object.deepCopy();
        ((ObjectNode) copy.path("metadata")).remove("resourceVersion");
        return JSON.valueToTree(resource(kind, copy).updateStatus());
    }

    /** Replaces the whole object (metadata and spec), unconditional. */
    ObjectNode update(ResourceDefinitionContext kind, ObjectNode object) {
        lists.clear();
        ObjectNode copy = object.deepCopy();
        ((ObjectNode) copy.path("metadata")).remove("resourceVersion");
        return JSON.valueToTree(resource(kind, copy).update());
    }

    void delete(ResourceDefinitionContext kind, ObjectNode object) {
        lists.clear();
        resource(kind, object).delete();
    }

    private io.fabric8.kubernetes.client.dsl.Resource<GenericKubernetesResource> resource(ResourceDefinitionContext kind,
            ObjectNode object) {
        GenericKubernetesResource value = JSON.convertValue(object, GenericKubernetesResource.class);
        String namespace = object.path("metadata").path("namespace").asText(null);
        return namespace == null || !kind.isNamespaceScoped()
                ? client.genericKubernetesResources(kind).resource(value)
                : client.genericKubernetesResources(kind).inNamespace(namespace).resource(value);
    }

    static String apiVersion(ResourceDefinitionContext kind) {
        return kind.getGroup() == null || kind.getGroup().isEmpty() ? kind.getVersion()
                : kind.getGroup() + "/" + kind.getVersion();
    }

    // ------------------------------------------------------------------ JSON helpers

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static ArrayNode array() {
        return JSON.createArrayNode();
    }

    /** A new object with its metadata name and namespace (namespace may be null). */
    static ObjectNode named(String name, String namespace) {
        ObjectNode node = object();
        ObjectNode metadata = node.putObject("metadata");
        metadata.put("name", name);
        if (namespace != null) {
            metadata.put("namespace", namespace);
        }
        return node;
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    static String namespace(JsonNode object) {
        return object.path("metadata").path("namespace").asText(null);
    }

    static String uid(JsonNode object) {
        return object.path("metadata").path("uid").asText(name(object));
    }

    static ObjectNode status(ObjectNode object) {
        JsonNode status = object.get("status");
        return status instanceof ObjectNode node ? node : object.putObject("status");
    }

    static ObjectNode spec(ObjectNode object) {
        JsonNode spec = object.get("spec");
        return spec instanceof ObjectNode node ? node : object.putObject("spec");
    }

    /** A spec flag as the Ansible role reads it: true, "true" or "True". */
    static boolean flag(JsonNode value) {
        return value.isBoolean() ? value.asBoolean() : "true".equalsIgnoreCase(value.asText(""));
    }

    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Five characters like the random suffix Kubernetes gives generated names. */
    static String suffix() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            s.append(SUFFIX_CHARS.charAt(RANDOM.nextInt(SUFFIX_CHARS.length())));
        }
        return s.toString();
    }

    /** An owner reference to the object, marked as its controller. */
    static ObjectNode ownerReference(ResourceDefinitionContext kind, JsonNode owner) {
        ObjectNode reference = object();
        reference.put("apiVersion", apiVersion(kind));
        reference.put("kind", kind.getKind());
        reference.put("name", name(owner));
        reference.put("uid", uid(owner));
        reference.put("controller", true);
        reference.put("blockOwnerDeletion", true);
        return reference;
    }

    /** The condition of a type in a conditions array, or null. */
    static ObjectNode condition(JsonNode conditions, String type) {
        for (JsonNode condition : conditions) {
            if (type.equals(condition.path("type").asText())) {
                return (ObjectNode) condition;
            }
        }
        return null;
    }

    private static final java.util.Set<String> TIME_FIELDS = java.util.Set.of("lastTransitionTime", "lastUpdated",
            "lastUpdateTime", "lastConnect", "createdAt", "lastHeartbeatTime", "startedAt", "startTime",
            "lastProbeTime");

    /** Equal once timestamps are left out: a status that only differs in them is not worth a write. */
    static boolean sameIgnoringTimes(JsonNode a, JsonNode b) {
        return withoutTimes(a).equals(withoutTimes(b));
    }

    private static JsonNode withoutTimes(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return JSON.createObjectNode();
        }
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(TIME_FIELDS);
            object.forEach(Api::strip);
        } else if (node instanceof ArrayNode array) {
            array.forEach(Api::strip);
        }
    }

    static ObjectNode newCondition(String type, boolean status, String reason, String message) {
        ObjectNode condition = object();
        condition.put("type", type);
        condition.put("status", status ? "True" : "False");
        if (reason != null) {
            condition.put("reason", reason);
        }
        if (message != null) {
            condition.put("message", message);
        }
        condition.put("lastTransitionTime", now());
        return condition;
    }

    private static ResourceDefinitionContext namespaced(String group, String version, String kind, String plural) {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
                .withPlural(plural).withNamespaced(true).build();
    }

    private static ResourceDefinitionContext cluster(String group, String version, String kind, String plural) {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
                .withPlural(plural).withNamespaced(false).build();
    }
}
