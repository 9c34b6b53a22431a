package io.mtcassistant.sim.olm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The proxy part of the simulated MTC operator's role, as mig-operator 1.7/1.8 does it: {@code http_proxy},
 * {@code https_proxy}, {@code no_proxy} (from the spec, in either spelling, else the operator pod's HTTP_PROXY /
 * HTTPS_PROXY / NO_PROXY, which OLM fills from the cluster-wide proxy) go into the {@code migration-proxy} Secret
 * (keys HTTP_PROXY, HTTPS_PROXY, NO_PROXY, label {@code migration-proxy-config: "true"}) and into the env of the
 * controller's {@code mtc} and {@code discovery} containers; {@code stunnel_tcp_proxy} and the supplemental groups go
 * into the {@code migration-controller} ConfigMap that the controller reads through envFrom. Simplification: the
 * Secret is only kept while at least one proxy is set (the role writes it with no data otherwise).
 */
final class MigrationProxy {

    static final String SECRET_NAME = "migration-proxy";
    static final String CONTROLLER_CONFIG = "migration-controller";
    static final ResourceDefinitionContext SECRET = new ResourceDefinitionContext.Builder().withGroup("")
            .withVersion("v1").withKind("Secret").withPlural("secrets").withNamespaced(true).build();

    /** spec key -> [camelCase spelling, variable name in the Secret, env and operator env] */
    private static final Map<String, String[]> PROXY_KEYS = Map.of(
            "http_proxy", new String[] {"httpProxy", "HTTP_PROXY"},
            "https_proxy", new String[] {"httpsProxy", "HTTPS_PROXY"},
            "no_proxy", new String[] {"noProxy", "NO_PROXY"});

    private final Map<String, String> proxies = new LinkedHashMap<>();
    private final Map<String, String> controllerConfig = new LinkedHashMap<>();

    MigrationProxy(JsonNode spec, Map<String, String> operatorEnv) {
        for (String key : new String[] {"http_proxy", "https_proxy", "no_proxy"}) {
            String[] names = PROXY_KEYS.get(key);
            String value = specValue(spec, key, names[0]);
            if (value == null) {
                value = operatorEnv.getOrDefault(names[1], "");
            }
            if (!value.isEmpty()) {
                proxies.put(names[1], value);
            }
        }
        String stunnel = specValue(spec, "stunnel_tcp_proxy", "stunnelTcpProxy");
        controllerConfig.put("STUNNEL_TCP_PROXY", stunnel == null ? "" : stunnel);
        controllerConfig.put("STUNNEL_VERIFY_CA", specValueOr(spec, "stunnel_verify_ca", "stunnelVerifyCa", "true"));
        controllerConfig.put("STUNNEL_VERIFY_CA_LEVEL", specValueOr(spec, "stunnel_verify_ca_level",
                "stunnelVerifyCaLevel", "2"));
        putIfSet(spec, "src_supplemental_groups", "srcSupplementalGroups", "SOURCE_SUPPLEMENTAL_GROUPS");
        putIfSet(spec, "target_supplemental_groups", "targetSupplementalGroups", "TARGET_SUPPLEMENTAL_GROUPS");
    }

    /** The operator converts camelCase keys to snake_case; with both spellings set, the snake_case one is taken. */
    static String specValue(JsonNode spec, String snake, String camel) {
        JsonNode value = spec.has(snake) ? spec.get(snake) : spec.get(camel);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String specValueOr(JsonNode spec, String snake, String camel, String fallback) {
        String value = specValue(spec, snake, camel);
        return value == null ? fallback : value;
    }

    private void putIfSet(JsonNode spec, String snake, String camel, String variable) {
        String value = specValue(spec, snake, camel);
        if (value != null && !value.isEmpty()) {
            controllerConfig.put(variable, value);
        }
    }

    /** HTTP_PROXY, HTTPS_PROXY, NO_PROXY entries of the controller containers (only the set ones). */
    void addEnv(ObjectNode container) {
        if (proxies.isEmpty()) {
            return;
        }
        ArrayNode env = container.putArray("env");
        proxies.forEach((name, value) -> env.addObject().put("name", name).put("value", value));
    }

    void writeSecret(Pass pass, ObjectNode controller) {
        ObjectNode existing = pass.api.get(SECRET, Api.MIGRATION_NAMESPACE, SECRET_NAME);
        if (proxies.isEmpty()) {
            if (existing != null) {
                pass.api.delete(SECRET, existing);
            }
            return;
        }
        ObjectNode data = Api.object();
        proxies.forEach((name, value) -> data.put(name, Base64.getEncoder().encodeToString(
                value.getBytes(StandardCharsets.UTF_8))));
        if (existing == null) {
            ObjectNode secret = Api.named(SECRET_NAME, Api.MIGRATION_NAMESPACE);
            secret.with("metadata").putObject("labels").put("app.kubernetes.io/part-of", "openshift-migration")
                    .put("migration-proxy-config", "true");
            secret.with("metadata").putArray("ownerReferences").add(
                    Api.ownerReference(Api.MIGRATION_CONTROLLER, controller).put("controller", false));
            secret.put("type", "Opaque");
            secret.set("data", data);
            pass.api.create(SECRET, secret);
        } else if (!data.equals(existing.path("data"))) {
            existing.set("data", data);
            pass.api.update(SECRET, existing);
        }
    }

    /** The migration-controller ConfigMap's STUNNEL_* and supplemental-group keys; kept only with the controller. */
    void writeControllerConfig(Pass pass, ObjectNode controller, boolean controllerOn) {
        ObjectNode existing = pass.api.get(Api.CONFIG_MAP, Api.MIGRATION_NAMESPACE, CONTROLLER_CONFIG);
        if (!controllerOn) {
            if (existing != null) {
                pass.api.delete(Api.CONFIG_MAP, existing);
            }
            return;
        }
        ObjectNode data = Api.object();
        controllerConfig.forEach(data::put);
        MigrationOperator.writeConfigMap(pass, controller, CONTROLLER_CONFIG, data);
    }
}
