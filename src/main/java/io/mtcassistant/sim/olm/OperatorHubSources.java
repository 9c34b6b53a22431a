package io.mtcassistant.sim.olm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The marketplace operator: OperatorHub "cluster" decides whether the four default CatalogSources exist
 * ({@code spec.disableAllDefaultSources}, {@code spec.sources[].disabled}); their images are on registry.redhat.io,
 * which a restricted network cannot reach, so they sit in TRANSIENT_FAILURE while they exist.
 */
final class OperatorHubSources implements Reconciler {

    static final List<String> DEFAULT_SOURCES = List.of("redhat-operators", "certified-operators",
            "community-operators", "redhat-marketplace");

    static List<ObjectNode> defaults(String openshiftMinor) {
        List<ObjectNode> sources = new ArrayList<>();
        for (String name : DEFAULT_SOURCES) {
            sources.add(defaultSource(name, openshiftMinor));
        }
        return sources;
    }

    private static ObjectNode defaultSource(String name, String openshiftMinor) {
        ObjectNode source = Api.named(name, Api.MARKETPLACE_NAMESPACE);
        source.with("metadata").putObject("labels").put("olm-visibility", "hidden")
                .put("openshift-marketplace", "true");
        String index = name.replace("-operators", "-operator").replace("redhat-marketplace", "redhat-marketplace");
        source.putObject("spec").put("sourceType", "grpc").put("publisher", "Red Hat")
                .put("displayName", name).put("image", "registry.redhat.io/redhat/" + index + "-index:v"
                        + openshiftMinor);
        return source;
    }

    @Override
    public void reconcile(Pass pass) {
        ObjectNode hub = pass.api.get(Api.OPERATOR_HUB, null, "cluster");
        if (hub == null) {
            return;
        }
        boolean disableAll = hub.path("spec").path("disableAllDefaultSources").asBoolean(false);
        ArrayNode statusSources = Api.array();
        String minor = minor(pass);
        pass.api.list(Api.CATALOG_SOURCE, Api.MARKETPLACE_NAMESPACE);
        for (String name : DEFAULT_SOURCES) {
            boolean disabled = disableAll;
            for (JsonNode source : hub.path("spec").path("sources")) {
                if (name.equals(source.path("name").asText())) {
                    disabled = source.path("disabled").asBoolean(disableAll);
                }
            }
            ObjectNode existing = pass.api.get(Api.CATALOG_SOURCE, Api.MARKETPLACE_NAMESPACE, name);
            if (disabled && existing != null) {
                pass.api.delete(Api.CATALOG_SOURCE, existing);
            } else if (!disabled && existing == null) {
                pass.api.create(Api.CATALOG_SOURCE, defaultSource(name, minor));
            }
            statusSources.addObject().put("name", name).put("disabled", disabled).put("status", "Success");
        }
        if (!statusSources.equals(hub.path("status").path("sources"))) {
            Api.status(hub).set("sources", statusSources);
            pass.api.writeStatus(Api.OPERATOR_HUB, hub);
        }
    }

    private static String minor(Pass pass) {
        String[] parts = pass.platform.openshiftVersion().split("\\.");
        return parts[0] + "." + (parts.length > 1 ? parts[1] : "0");
    }
}
