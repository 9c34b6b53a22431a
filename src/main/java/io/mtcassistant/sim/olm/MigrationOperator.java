package io.mtcassistant.sim.olm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MTC operator (its Ansible role, simulated), running once the {@code migration-operator} Deployment in
 * openshift-migration has an available pod (from OLM's CSV or from a legacy operator.yml). For each
 * MigrationController: a Running condition, then the Deployments and DaemonSet its flags ask for (controller, UI
 * with its {@code migration} Route, log reader, velero with restic / node-agent), the {@code migration-cluster-config}
 * ConfigMap with OPERATOR_VERSION, {@code spec.version} written back, and the Successful condition; a missing
 * required key gives the Failure condition with the Ansible error, as the role does. Operand images come from the
 * operator's environment: RELATED_IMAGE_* (OLM) or REGISTRY/PROJECT/*_REPO/*_TAG (legacy).
 */
final class MigrationOperator implements Reconciler {

    /** Version of the demo's legacy operator when its image reference carries none (the newest demo 1.7). */
    static final String LEGACY_VERSION = "1.7.18";

    private record Operand(String name, String workloadKind, String envPrefix, String relatedName, String repository) {
    }

    @Override
    public void reconcile(Pass pass) {
        String namespace = Api.MIGRATION_NAMESPACE;
        pass.api.list(Api.DEPLOYMENT, namespace);
        ObjectNode operator = pass.api.get(Api.DEPLOYMENT, namespace, InstallPlans.OPERATOR_DEPLOYMENT);
        if (operator == null || operator.path("status").path("availableReplicas").asInt(0) < 1) {
            return;
        }
        for (ObjectNode controller : pass.api.list(Api.MIGRATION_CONTROLLER, namespace)) {
            reconcile(pass, operator, controller);
        }
    }

    private void reconcile(Pass pass, ObjectNode operator, ObjectNode controller) {
        JsonNode container = operator.path("spec").path("template").path("spec").path("containers").path(0);
        Map<String, String> env = env(operator);
        boolean legacy = !operator.path("metadata").path("labels").has("olm.owner");
        String version = version(container, legacy);
        JsonNode spec = controller.path("spec");
        String generationKey = "mc/" + Api.uid(controller) + "/" + controller.path("metadata").path("generation").asText()
                + "/" + spec.toString().hashCode();
        List<String> required = legacy ? List.of("migration_velero")
                : List.of("cluster_name", "migration_velero", "migration_controller", "migration_ui");
        String missing = required.stream().filter(k -> !spec.has(k)).findFirst().orElse(null);
        if (!pass.elapsed(generationKey, 1)) {
            conditions(pass, controller, "Running", null);
            return;
        }
        if (missing != null) {
            conditions(pass, controller, "Failure", "The task includes an option with an undefined variable. The error"
                    + " was: '" + missing + "' is undefined");
            return;
        }
        boolean velero = Api.flag(spec.path("migration_velero"));
        boolean controllerOn = !legacy || spec.has("migration_controller")
                ? Api.flag(spec.path("migration_controller")) : false;
        boolean ui = Api.flag(spec.path("migration_ui"));
        boolean logReader = !spec.has("migration_log_reader") || Api.flag(spec.path("migration_log_reader"));
        boolean nodeAgent = !legacy && version.startsWith("1.8");
        List<Operand> wanted = new ArrayList<>();
        List<Operand> unwanted = new ArrayList<>();
        (controllerOn ? wanted : unwanted).add(new Operand("migration-controller", "Deployment", "MIG_CONTROLLER",
                "controller", "openshift-migration-controller-rhel8"));
        (ui ? wanted : unwanted).add(new Operand("migration-ui", "Deployment", "MIG_UI", "ui",
                "openshift-migration-ui-rhel8"));
        (logReader && controllerOn ? wanted : unwanted).add(new Operand("migration-log-reader", "Deployment",
                "MIG_LOG_READER", "log_reader", "openshift-migration-log-reader-rhel8"));
        (velero ? wanted : unwanted).add(new Operand("velero", "Deployment", "VELERO", "velero",
                "openshift-migration-velero-rhel8"));
        (velero ? wanted : unwanted).add(new Operand(nodeAgent ? "node-agent" : "restic", "DaemonSet", "VELERO",
                "velero", "openshift-migration-velero-rhel8"));
        // 1.8 renamed restic to node-agent: an upgrade from 1.7 removes the old DaemonSet
        unwanted.add(new Operand(nodeAgent ? "restic" : "node-agent", "DaemonSet", "VELERO", "velero",
                "openshift-migration-velero-rhel8"));
        MigrationProxy proxy = new MigrationProxy(spec, env);
        for (Operand operand : wanted) {
            apply(pass, controller, operand, image(operand, env, version, container), proxy);
        }
        for (Operand operand : unwanted) {
            ResourceDefinitionContext kind = "DaemonSet".equals(operand.workloadKind()) ? Api.DAEMON_SET : Api.DEPLOYMENT;
            ObjectNode existing = pass.api.get(kind, Api.MIGRATION_NAMESPACE, operand.name());
            if (existing != null) {
                pass.api.delete(kind, existing);
            }
        }
        configMap(pass, controller, version, controllerOn, ui);
        proxy.writeSecret(pass, controller);
        proxy.writeControllerConfig(pass, controller, controllerOn);
        if (ui) {
            route(pass, controller);
        }
        if (!version.equals(spec.path("version").asText())) {
            Api.spec(controller).put("version", version);
            controller = pass.api.update(Api.MIGRATION_CONTROLLER, controller);
        }
        conditions(pass, controller, "Successful", null);
    }

    private static void apply(Pass pass, ObjectNode controller, Operand operand, String image, MigrationProxy proxy) {
        boolean daemonSet = "DaemonSet".equals(operand.workloadKind());
        ResourceDefinitionContext kind = daemonSet ? Api.DAEMON_SET : Api.DEPLOYMENT;
        ObjectNode workload = Api.named(operand.name(), Api.MIGRATION_NAMESPACE);
        workload.with("metadata").putObject("labels").put("app", "migration").put("component", operand.name());
        workload.with("metadata").putArray("ownerReferences").add(
                Api.ownerReference(Api.MIGRATION_CONTROLLER, controller).put("controller", false));
        ObjectNode spec = workload.putObject("spec");
        if (!daemonSet) {
            spec.put("replicas", 1);
        }
        spec.putObject("selector").putObject("matchLabels").put("app", "migration").put("component", operand.name());
        ObjectNode template = spec.putObject("template");
        template.putObject("metadata").putObject("labels").put("app", "migration").put("component", operand.name());
        ArrayNode containers = template.putObject("spec").putArray("containers");
        if (operand.name().equals("migration-controller")) {
            proxy.addEnv(containers.addObject().put("name", "mtc").put("image", image));
            proxy.addEnv(containers.addObject().put("name", "discovery").put("image", image));
        } else {
            containers.addObject().put("name", operand.name().equals("migration-ui") ? "mig-ui" : operand.name())
                    .put("image", image);
        }
        ObjectNode existing = pass.api.get(kind, Api.MIGRATION_NAMESPACE, operand.name());
        if (existing == null) {
            pass.api.create(kind, workload);
        } else if (!existing.path("spec").path("template").equals(template)) {
            existing.set("spec", spec);
            pass.api.update(kind, existing);
        }
    }

    private static void configMap(Pass pass, ObjectNode controller, String version, boolean controllerOn, boolean ui) {
        ObjectNode data = Api.object();
        data.put("OPERATOR_VERSION", version);
        data.put("CLUSTER_NAME", controller.path("spec").path("cluster_name").asText("host"));
        data.put("MIGRATION_CONTROLLER", Boolean.toString(controllerOn));
        data.put("MIGRATION_UI", Boolean.toString(ui));
        String endpointType = MigrationProxy.specValue(controller.path("spec"), "rsync_endpoint_type", "rsyncEndpointType");
        if (endpointType != null && !endpointType.isEmpty()) {
            data.put("RSYNC_ENDPOINT_TYPE", endpointType);
        }
        writeConfigMap(pass, controller, "migration-cluster-config", data);
    }

    /** Creates or updates a ConfigMap in openshift-migration owned by the MigrationController. */
    static void writeConfigMap(Pass pass, ObjectNode controller, String name, ObjectNode data) {
        ObjectNode existing = pass.api.get(Api.CONFIG_MAP, Api.MIGRATION_NAMESPACE, name);
        if (existing == null) {
            ObjectNode map = Api.named(name, Api.MIGRATION_NAMESPACE);
            map.with("metadata").putArray("ownerReferences").add(
                    Api.ownerReference(Api.MIGRATION_CONTROLLER, controller).put("controller", false));
            map.set("data", data);
            pass.api.create(Api.CONFIG_MAP, map);
        } else if (!data.equals(existing.path("data"))) {
            existing.set("data", data);
            pass.api.update(Api.CONFIG_MAP, existing);
        }
    }

    private static void route(Pass pass, ObjectNode controller) {
        if (pass.api.get(Api.ROUTE, Api.MIGRATION_NAMESPACE, "migration") != null) {
            return;
        }
        ObjectNode route = Api.named("migration", Api.MIGRATION_NAMESPACE);
        route.with("metadata").putArray("ownerReferences").add(
                Api.ownerReference(Api.MIGRATION_CONTROLLER, controller).put("controller", false));
        String host = "migration-openshift-migration.apps." + pass.clusterName + ".sim.example";
        ObjectNode spec = route.putObject("spec");
        spec.put("host", host);
        spec.putObject("to").put("kind", "Service").put("name", "migration-ui").put("weight", 100);
        spec.putObject("tls").put("termination", "edge").put("insecureEdgeTerminationPolicy", "Redirect");
        route.putObject("status").putArray("ingress").addObject().put("host", host).put("routerName", "default")
                .putArray("conditions").addObject().put("type", "Admitted").put("status", "True");
        pass.api.create(Api.ROUTE, route);
    }

    /**
     * Running while a reconciliation is under way, then Successful or Failure, like the ansible operator writes: the
     * run's {@code ansibleResult} sits in the Running condition (success) or the Failure condition, and its
     * {@code completion} (to the microsecond, as ansible-runner writes it) is new after every run.
     */
    private static void conditions(Pass pass, ObjectNode controller, String outcome, String message) {
        ArrayNode conditions = Api.array();
        switch (outcome) {
            case "Running" -> conditions.add(Api.newCondition("Running", true, "Running", "Running reconciliation"));
            case "Successful" -> {
                conditions.add(Api.newCondition("Running", true, "Successful", "Awaiting next reconciliation")
                        .set("ansibleResult", ansibleResult(false)));
                conditions.add(Api.newCondition("Successful", true, "Successful", "Last reconciliation succeeded"));
            }
            default -> {
                conditions.add(Api.newCondition("Running", true, "Failed", "Awaiting next reconciliation"));
                conditions.add(Api.newCondition("Failure", true, "Failed", message).set("ansibleResult",
                        ansibleResult(true)));
            }
        }
        if (!Api.sameIgnoringTimes(withoutResults(conditions), withoutResults(controller.path("status").path("conditions")))) {
            ObjectNode status = Api.object();
            status.set("conditions", conditions);
            controller.set("status", status);
            pass.api.writeStatus(Api.MIGRATION_CONTROLLER, controller);
        }
    }

    private static ObjectNode ansibleResult(boolean failed) {
        ObjectNode result = Api.object();
        result.put("changed", 1).put("failures", failed ? 1 : 0).put("ok", 42).put("skipped", 17)
                .put("completion", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString());
        return result;
    }

    /** The conditions without each run's result, so a repeated outcome is not written again. */
    private static JsonNode withoutResults(JsonNode conditions) {
        JsonNode copy = conditions.deepCopy();
        copy.forEach(c -> {
            if (c instanceof ObjectNode o) {
                o.remove("ansibleResult");
            }
        });
        return copy;
    }

    private static Map<String, String> env(JsonNode operator) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode container : operator.path("spec").path("template").path("spec").path("containers")) {
            for (JsonNode variable : container.path("env")) {
                if (variable.has("value")) {
                    env.putIfAbsent(variable.path("name").asText(), variable.path("value").asText());
                }
            }
        }
        return env;
    }

    private static String version(JsonNode container, boolean legacy) {
        String declared = InstallPlans.operatorVersion(container);
        if (declared != null) {
            return declared;
        }
        String image = container.path("image").asText("");
        String lastPart = image.substring(image.lastIndexOf('/') + 1);
        String tag = lastPart.contains("@") || !lastPart.contains(":") ? "" : lastPart.substring(lastPart.indexOf(':') + 1);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+\\.\\d+\\.\\d+)").matcher(tag);
        return m.find() ? m.group(1) : LEGACY_VERSION;
    }

    /** The operand's image: RELATED_IMAGE_ (OLM), else REGISTRY/PROJECT/REPO:TAG or REPO@sha256 + hex (legacy). */
    private static String image(Operand operand, Map<String, String> env, String version, JsonNode container) {
        for (Map.Entry<String, String> e : env.entrySet()) {
            String name = e.getKey();
            if (name.startsWith("RELATED_IMAGE_") && relatedMatches(name.substring("RELATED_IMAGE_".length()),
                    operand.relatedName())) {
                return e.getValue();
            }
        }
        String registry = env.getOrDefault("REGISTRY", registryOf(container.path("image").asText("")));
        String project = env.getOrDefault("PROJECT", "rhmtc");
        String repository = env.getOrDefault(operand.envPrefix() + "_REPO", operand.repository());
        String tag = env.getOrDefault(operand.envPrefix() + "_TAG", "v" + version.substring(0, Math.min(3, version.length())));
        String path = registry + "/" + project + "/";
        return repository.endsWith("@sha256") ? path + repository + ":" + tag : path + repository + ":" + tag;
    }

    private static boolean relatedMatches(String variable, String operand) {
        String upper = operand.toUpperCase(java.util.Locale.ROOT);
        return switch (operand) {
            case "controller" -> variable.endsWith("MIGRATION_CONTROLLER") || variable.equals("CONTROLLER")
                    || variable.endsWith("MIG_CONTROLLER");
            case "ui" -> variable.endsWith("_UI") || variable.equals("UI");
            default -> variable.endsWith(upper) || variable.equals(upper);
        };
    }

    private static String registryOf(String image) {
        int slash = image.indexOf('/');
        return slash > 0 ? image.substring(0, slash) : "registry.redhat.io";
    }

    static boolean exists(Pass pass, ResourceDefinitionContext kind, String name) {
        try {
            return pass.api.get(kind, Api.MIGRATION_NAMESPACE, name) != null;
        } catch (KubernetesClientException e) {
            return false;
        }
    }
}
