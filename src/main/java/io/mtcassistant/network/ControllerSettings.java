package io.mtcassistant.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the admin wants changed on one cluster's MigrationController. Each value: null leaves the key as it is, blank
 * removes it, anything else sets it (after validation). Keys are the operator's snake_case variable names.
 */
public record ControllerSettings(String httpProxy, String httpsProxy, String noProxy, String stunnelTcpProxy,
        String rsyncEndpointType, String srcSupplementalGroups, String targetSupplementalGroups) {

    public static final String STUNNEL_FIELD = "stunnel_tcp_proxy";
    public static final String RSYNC_ENDPOINT_FIELD = "rsync_endpoint_type";
    public static final String SRC_GROUPS_FIELD = "src_supplemental_groups";
    public static final String TARGET_GROUPS_FIELD = "target_supplemental_groups";

    /** snake_case key -> the camelCase spelling the operator also accepts (and converts). */
    public static final Map<String, String> CAMEL_CASE = Map.of(
            ProxySettings.HTTP_FIELD, "httpProxy",
            ProxySettings.HTTPS_FIELD, "httpsProxy",
            NoProxyList.FIELD, "noProxy",
            STUNNEL_FIELD, "stunnelTcpProxy",
            RSYNC_ENDPOINT_FIELD, "rsyncEndpointType",
            SRC_GROUPS_FIELD, "srcSupplementalGroups",
            TARGET_GROUPS_FIELD, "targetSupplementalGroups");

    public static ControllerSettings none() {
        return new ControllerSettings(null, null, null, null, null, null, null);
    }

    public boolean isEmpty() {
        return raw().isEmpty();
    }

    /** Errors and warnings for every field, each naming the field. */
    public List<FieldProblem> check() {
        List<FieldProblem> problems = new ArrayList<>(ProxySettings.check(httpProxy, httpsProxy, noProxy));
        checkOne(problems, stunnelTcpProxy, v -> ProxyUrl.parse(STUNNEL_FIELD, v, false));
        checkOne(problems, rsyncEndpointType, v -> RsyncEndpointType.parse(RSYNC_ENDPOINT_FIELD, v));
        checkOne(problems, srcSupplementalGroups, v -> SupplementalGroups.parse(SRC_GROUPS_FIELD, v));
        checkOne(problems, targetSupplementalGroups, v -> SupplementalGroups.parse(TARGET_GROUPS_FIELD, v));
        if (!ProxySettings.blank(stunnelTcpProxy)) {
            try {
                if (!ProxyUrl.parse(STUNNEL_FIELD, stunnelTcpProxy, false).hasCredentials()) {
                    problems.add(FieldProblem.warning(STUNNEL_FIELD, "has no user:password@; fine for a proxy without"
                            + " authentication (only basic authentication is supported)"));
                }
            } catch (InvalidSettingException ignored) {
                // reported above
            }
        }
        return problems;
    }

    private static void checkOne(List<FieldProblem> problems, String value, Function<String, Object> parse) {
        if (ProxySettings.blank(value)) {
            return;
        }
        try {
            parse.apply(value);
        } catch (InvalidSettingException e) {
            problems.add(FieldProblem.error(e));
        }
    }

    /** The values to write, normalised; "" means remove. Throws for the first invalid field. */
    public Map<String, String> specValues(SecretHandling secrets) {
        List<FieldProblem> errors = check().stream().filter(FieldProblem::error).toList();
        if (!errors.isEmpty()) {
            FieldProblem first = errors.get(0);
            throw new InvalidSettingException(first.field(), first.message());
        }
        Map<String, String> values = new LinkedHashMap<>();
        raw().forEach((key, value) -> values.put(key, value.isBlank() ? "" : normalise(key, value.trim(), secrets)));
        return values;
    }

    private static String normalise(String key, String value, SecretHandling secrets) {
        return switch (key) {
            case ProxySettings.HTTP_FIELD, ProxySettings.HTTPS_FIELD, STUNNEL_FIELD -> {
                ProxyUrl url = ProxyUrl.parse(key, value, !key.equals(STUNNEL_FIELD));
                yield secrets == SecretHandling.INCLUDE || !url.hasCredentials() ? url.full()
                        : url.withPassword(SecretHandling.PLACEHOLDER_TEXT);
            }
            case NoProxyList.FIELD -> NoProxyList.parse(value).text();
            case RSYNC_ENDPOINT_FIELD -> RsyncEndpointType.parse(key, value).value();
            default -> SupplementalGroups.format(SupplementalGroups.parse(key, value));
        };
    }

    private Map<String, String> raw() {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, ProxySettings.HTTP_FIELD, httpProxy);
        put(m, ProxySettings.HTTPS_FIELD, httpsProxy);
        put(m, NoProxyList.FIELD, noProxy);
        put(m, STUNNEL_FIELD, stunnelTcpProxy);
        put(m, RSYNC_ENDPOINT_FIELD, rsyncEndpointType);
        put(m, SRC_GROUPS_FIELD, srcSupplementalGroups);
        put(m, TARGET_GROUPS_FIELD, targetSupplementalGroups);
        return m;
    }

    private static void put(Map<String, String> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    /** A one-line, password-free summary for plan reasons and logs. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        specValues(SecretHandling.PLACEHOLDER).forEach((k, v) -> parts.add(v.isEmpty() ? "remove " + k
                : k + "=" + v.replace(SecretHandling.PLACEHOLDER_TEXT, io.mtcassistant.common.SecretMasker.MASK)));
        return String.join(", ", parts);
    }
}
