package io.mtcassistant.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The `clusters` command's report of connection outcomes: a table for people, JSON for scripts. */
public final class ClusterReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ClusterReport() {
    }

    /** Short label of a failure class: "unreachable", "TLS not trusted", ... */
    public static String label(FailureKind kind) {
        return kind.label();
    }

    /** Short platform label for tables: "legacy", "modern", "kubernetes". */
    public static String platformLabel(PlatformClass platform) {
        return switch (platform) {
            case LEGACY -> "legacy";
            case MODERN -> "modern";
            case NOT_OPENSHIFT -> "kubernetes";
        };
    }

    /** "4.12.45", "4.12.45 (updating to 4.13.1)", "not OpenShift", "unknown". */
    public static String openShiftText(ClusterFacts facts) {
        if (facts.platform() == PlatformClass.NOT_OPENSHIFT) {
            return "not OpenShift";
        }
        String version = facts.openshiftVersion() == null ? "unknown" : facts.openshiftVersion();
        if (facts.desiredVersion() != null && !facts.desiredVersion().equals(facts.openshiftVersion())) {
            return version + " (updating to " + facts.desiredVersion() + ")";
        }
        return version;
    }

    public static String adminText(boolean clusterAdmin) {
        return clusterAdmin ? "yes" : "no";
    }

    /** A table for people: one row per context, then the failures with their next step. */
    public static String table(List<ConnectionOutcome> outcomes) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"CONTEXT", "STATUS", "API URL", "KUBERNETES", "OPENSHIFT", "PLATFORM", "USER",
            "CLUSTER-ADMIN"});
        for (ConnectionOutcome outcome : outcomes) {
            ContextEntry context = outcome.context();
            if (outcome instanceof ConnectionOutcome.Connected connected) {
                ClusterFacts facts = connected.facts();
                rows.add(new String[] {context.name(), "connected", facts.apiUrl(), dash(facts.kubernetesVersion()),
                    facts.platform() == PlatformClass.NOT_OPENSHIFT ? "-" : openShiftText(facts),
                    platformLabel(facts.platform()), dash(facts.user()), adminText(facts.clusterAdmin())});
            } else if (outcome instanceof ConnectionOutcome.Failed failed) {
                rows.add(new String[] {context.name(), "FAILED: " + label(failed.failure().kind()),
                    dash(context.server()), "-", "-", "-", "-", "-"});
            }
        }
        StringBuilder out = new StringBuilder();
        appendAligned(out, rows);
        out.append('\n');
        for (ConnectionOutcome outcome : outcomes) {
            ContextEntry context = outcome.context();
            out.append(context.name()).append(": ")
                    .append(context.file() == null ? "(not in the kubeconfig files)" : context.file().toString())
                    .append(", cluster ").append(dash(context.clusterName()))
                    .append(", user ").append(context.user() == null ? "(none)" : context.user()).append('\n');
        }
        for (ConnectionOutcome outcome : outcomes) {
            if (outcome instanceof ConnectionOutcome.Failed failed) {
                ConnectionFailure failure = failed.failure();
                out.append('\n').append(outcome.context().name()).append(" failed (").append(label(failure.kind()))
                        .append("): ").append(failure.summary()).append('\n');
                out.append("  Next step: ").append(failure.nextStep()).append('\n');
                if (failure.detail() != null && !failure.detail().isBlank()) {
                    out.append("  Detail: ").append(failure.detail()).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** One JSON object per context under "clusters", for scripts. */
    public static String json(List<ConnectionOutcome> outcomes) {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Map<String, Object>> clusters = new ArrayList<>();
        for (ConnectionOutcome outcome : outcomes) {
            clusters.add(toMap(outcome));
        }
        root.put("clusters", clusters);
        root.put("allConnected", outcomes.stream().allMatch(o -> o instanceof ConnectionOutcome.Connected));
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cluster report cannot be written as JSON", e);
        }
    }

    /** The facts of one outcome as a map with stable keys (the JSON contract). */
    private static Map<String, Object> toMap(ConnectionOutcome outcome) {
        ContextEntry context = outcome.context();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("context", context.name());
        map.put("file", context.file() == null ? null : context.file().toString());
        map.put("cluster", context.clusterName());
        map.put("server", context.server());
        map.put("kubeconfigUser", context.user());
        map.put("namespace", context.namespace());
        if (outcome instanceof ConnectionOutcome.Connected connected) {
            ClusterFacts facts = connected.facts();
            map.put("connected", true);
            map.put("apiUrl", facts.apiUrl());
            map.put("kubernetesVersion", facts.kubernetesVersion());
            map.put("openshiftVersion", facts.openshiftVersion());
            map.put("desiredVersion", facts.desiredVersion());
            map.put("platform", facts.platform().name());
            map.put("platformDescription", facts.platform().description());
            map.put("user", facts.user());
            map.put("clusterAdmin", facts.clusterAdmin());
        } else if (outcome instanceof ConnectionOutcome.Failed failed) {
            ConnectionFailure failure = failed.failure();
            map.put("connected", false);
            Map<String, Object> failureMap = new LinkedHashMap<>();
            failureMap.put("kind", failure.kind().name());
            failureMap.put("label", label(failure.kind()));
            failureMap.put("summary", failure.summary());
            failureMap.put("nextStep", failure.nextStep());
            failureMap.put("detail", failure.detail());
            map.put("failure", failureMap);
        }
        return map;
    }

    private static void appendAligned(StringBuilder out, List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(row[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    private static String dash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }
}
