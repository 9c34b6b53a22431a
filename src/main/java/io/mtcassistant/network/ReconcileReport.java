package io.mtcassistant.network;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.mtcassistant.common.SecretMasker;
import io.mtcassistant.install.MigrationControllers;
import io.mtcassistant.install.plan.KubeObjects;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the operator made of the settings: the MigrationController's conditions; for each proxy setting on the spec
 * whether it reached the {@code migration-proxy} Secret and the controller's env (http_proxy, https_proxy,
 * no_proxy) or the {@code migration-controller} ConfigMap (stunnel_tcp_proxy); the Secret's keys (never its values)
 * and the {@code migration-cluster-config} values (masked).
 */
public final class ReconcileReport {

    static final String PROXY_SECRET = "migration-proxy";
    static final String CONTROLLER_CONFIG = "migration-controller";
    private static final Map<String, String> PROXY_VARIABLES = Map.of(ProxySettings.HTTP_FIELD, "HTTP_PROXY",
            ProxySettings.HTTPS_FIELD, "HTTPS_PROXY", NoProxyList.FIELD, "NO_PROXY");

    private ReconcileReport() {
    }

    public static List<String> read(KubernetesClient client) {
        List<String> lines = new ArrayList<>();
        GenericKubernetesResource controller = NetworkPlanner.liveController(client);
        if (controller == null) {
            lines.add("no MigrationController in " + MigrationControllers.NAMESPACE);
            return lines;
        }
        for (String type : List.of("Running", "Successful", "Failure")) {
            KubeObjects.valueAt(controller, "status.conditions[type=" + type + "].status").ifPresent(status ->
                    lines.add("MigrationController condition " + type + "=" + status + " "
                            + KubeObjects.valueAt(controller, "status.conditions[type=" + type + "].message").orElse("")));
        }
        Map<String, Object> spec = NetworkPlanner.spec(controller);
        String namespace = MigrationControllers.NAMESPACE;
        Map<String, String> secret = decoded(client.secrets().inNamespace(namespace).withName(PROXY_SECRET).get());
        Map<String, String> env = controllerEnv(client.apps().deployments().inNamespace(namespace)
                .withName(MigrationControllers.NAME).get());
        for (String key : List.of(ProxySettings.HTTP_FIELD, ProxySettings.HTTPS_FIELD, NoProxyList.FIELD)) {
            String wanted = MigrationControllerPatch.effective(spec, key);
            String variable = PROXY_VARIABLES.get(key);
            if (wanted != null && !wanted.isEmpty()) {
                lines.add(proxyLine(key, variable, wanted, secret, env));
            } else if (secret != null && secret.containsKey(variable)) {
                lines.add(key + ": not on the MigrationController; " + variable + "=" + SecretMasker.mask(
                        secret.get(variable)) + " comes from the operator's environment (the cluster-wide proxy)");
            }
        }
        lines.add(secret == null ? "Secret " + PROXY_SECRET + ": not present"
                : "Secret " + PROXY_SECRET + " keys: " + String.join(", ", new TreeMap<>(secret).keySet()));
        ConfigMap controllerConfig = client.configMaps().inNamespace(namespace).withName(CONTROLLER_CONFIG).get();
        String stunnel = MigrationControllerPatch.effective(spec, ControllerSettings.STUNNEL_FIELD);
        if (stunnel != null && !stunnel.isEmpty()) {
            lines.add(stunnelLine(stunnel, controllerConfig));
        }
        ConfigMap config = client.configMaps().inNamespace(namespace).withName("migration-cluster-config").get();
        if (config == null || config.getData() == null) {
            lines.add("ConfigMap migration-cluster-config: not present");
        } else {
            new TreeMap<>(config.getData()).forEach((k, v) -> lines.add("migration-cluster-config " + k + "="
                    + SecretMasker.mask(v)));
        }
        return lines;
    }

    private static String proxyLine(String key, String variable, String wanted, Map<String, String> secret,
            Map<String, String> env) {
        String inSecret = secret == null ? null : secret.get(variable);
        if (!wanted.equals(inSecret)) {
            return key + ": not applied yet (Secret " + PROXY_SECRET + " " + (inSecret == null ? "has no " + variable
                    : variable + " differs") + ")";
        }
        String where = env == null ? "; no " + MigrationControllers.NAME + " Deployment on this cluster"
                : wanted.equals(env.get(variable)) ? " and the " + MigrationControllers.NAME + " env"
                : "; the " + MigrationControllers.NAME + " env does not have it yet";
        return key + ": applied (Secret " + PROXY_SECRET + " " + variable + where + ")";
    }

    private static String stunnelLine(String wanted, ConfigMap controllerConfig) {
        if (controllerConfig == null || controllerConfig.getData() == null) {
            return ControllerSettings.STUNNEL_FIELD + ": not applied (no ConfigMap " + CONTROLLER_CONFIG + ": the"
                    + " setting is read by the migration-controller, which does not run on this cluster)";
        }
        String value = controllerConfig.getData().get("STUNNEL_TCP_PROXY");
        return ControllerSettings.STUNNEL_FIELD + (wanted.equals(value)
                ? ": applied (ConfigMap " + CONTROLLER_CONFIG + " STUNNEL_TCP_PROXY=" + SecretMasker.mask(value) + ")"
                : ": not applied yet (ConfigMap " + CONTROLLER_CONFIG + " STUNNEL_TCP_PROXY is "
                        + (value == null || value.isEmpty() ? "not set" : SecretMasker.mask(value)) + ")");
    }

    /** The Secret's data decoded; null when there is no Secret. */
    private static Map<String, String> decoded(Secret secret) {
        if (secret == null) {
            return null;
        }
        Map<String, String> values = new TreeMap<>();
        if (secret.getData() != null) {
            secret.getData().forEach((k, v) -> values.put(k, new String(Base64.getDecoder().decode(v),
                    StandardCharsets.UTF_8)));
        }
        return values;
    }

    /** The env of the controller's mtc container (the one that migrates); null without the Deployment. */
    private static Map<String, String> controllerEnv(Deployment deployment) {
        if (deployment == null || deployment.getSpec() == null || deployment.getSpec().getTemplate() == null) {
            return null;
        }
        Map<String, String> env = new TreeMap<>();
        for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
            if ("mtc".equals(container.getName()) && container.getEnv() != null) {
                for (EnvVar variable : container.getEnv()) {
                    if (variable.getValue() != null) {
                        env.put(variable.getName(), variable.getValue());
                    }
                }
            }
        }
        return env;
    }
}
