package io.mtcassistant.compat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.openshift.api.model.config.v1.HubSource;
import io.fabric8.openshift.api.model.config.v1.ImageDigestMirrorSet;
import io.fabric8.openshift.api.model.config.v1.OperatorHub;
import io.fabric8.openshift.api.model.config.v1.Proxy;
import io.fabric8.openshift.api.model.operator.v1alpha1.ImageContentSourcePolicy;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.ClusterServiceVersion;
import io.fabric8.openshift.api.model.operatorhub.v1alpha1.Subscription;
import io.mtcassistant.cluster.ClusterFacts;
import io.mtcassistant.cluster.PlatformClass;
import io.mtcassistant.compat.ClusterInventory.ClusterProxy;
import io.mtcassistant.compat.ClusterInventory.ExistingCsv;
import io.mtcassistant.compat.ClusterInventory.ExistingMigrationController;
import io.mtcassistant.compat.ClusterInventory.ExistingSubscription;
import io.mtcassistant.compat.ClusterInventory.MirrorPolicies;
import io.mtcassistant.compat.ClusterInventory.OperatorHubState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads, read-only, what the MTC and restricted-network checks need from one cluster. A resource the user may not
 * read or that the cluster does not serve never fails the probe: it becomes a problem line or an absent part.
 */
public final class ClusterInventoryProbe {

    public static final String NAMESPACE = "openshift-migration";
    /** Downstream package name, and the upstream one a community catalog uses. */
    static final Set<String> MTC_PACKAGES = Set.of("mtc-operator", "crane-operator");
    static final ResourceDefinitionContext MIGRATION_CONTROLLER = new ResourceDefinitionContext.Builder()
            .withGroup("migration.openshift.io").withVersion("v1alpha1").withKind("MigrationController")
            .withPlural("migrationcontrollers").withNamespaced(true).build();

    private static final Logger LOG = LoggerFactory.getLogger(ClusterInventoryProbe.class);

    private ClusterInventoryProbe() {
    }

    public static ClusterInventory probe(KubernetesClient client, ClusterFacts facts) {
        List<String> problems = new ArrayList<>();
        String who = facts.context();
        Boolean namespace = read(problems, who, "namespace " + NAMESPACE,
                () -> client.namespaces().withName(NAMESPACE).get() != null, false);
        List<ExistingMigrationController> controllers = read(problems, who, "MigrationController in " + NAMESPACE,
                () -> client.genericKubernetesResources(MIGRATION_CONTROLLER).inNamespace(NAMESPACE).list().getItems()
                        .stream().map(ClusterInventoryProbe::controller).toList(), List.of());
        String operatorVersion = read(problems, who, "ConfigMap migration-cluster-config (MTC)", () -> {
            ConfigMap map = client.configMaps().inNamespace(NAMESPACE).withName("migration-cluster-config").get();
            return map == null || map.getData() == null ? null : map.getData().get("OPERATOR_VERSION");
        }, null);
        ClusterInventory inventory = new ClusterInventory(Boolean.TRUE.equals(namespace), controllers, List.of(), List.of(),
                operatorVersion, null, null, null, List.of());
        if (!isOpenShift4(facts)) {
            return withProblems(inventory, problems);
        }
        List<ExistingSubscription> subscriptions = read(problems, who, "Subscriptions in " + NAMESPACE + " (MTC)",
                () -> client.resources(Subscription.class).inNamespace(NAMESPACE).list().getItems().stream()
                        .filter(s -> s.getSpec() != null && MTC_PACKAGES.contains(s.getSpec().getName()))
                        .map(ClusterInventoryProbe::subscription).toList(), List.of());
        List<ExistingCsv> csvs = read(problems, who, "ClusterServiceVersions in " + NAMESPACE + " (MTC)",
                () -> client.resources(ClusterServiceVersion.class).inNamespace(NAMESPACE).list().getItems().stream()
                        .filter(c -> MTC_PACKAGES.stream().anyMatch(p -> c.getMetadata().getName().startsWith(p + ".")))
                        .map(ClusterInventoryProbe::csv).toList(), List.of());
        OperatorHubState hub = read(problems, who, "OperatorHub cluster",
                () -> operatorHub(client.resources(OperatorHub.class).withName("cluster").get()), null);
        ClusterProxy proxy = read(problems, who, "Proxy cluster",
                () -> proxy(client.resources(Proxy.class).withName("cluster").get()), null);
        MirrorPolicies mirrors = mirrorPolicies(client, problems, who);
        return withProblems(new ClusterInventory(Boolean.TRUE.equals(namespace), controllers, subscriptions, csvs,
                operatorVersion, hub, proxy, mirrors, List.of()), problems);
    }

    private static boolean isOpenShift4(ClusterFacts facts) {
        if (facts.platform() == PlatformClass.NOT_OPENSHIFT) {
            return false;
        }
        return OpenShiftVersion.parse(facts.openshiftVersion()).map(v -> v.major() >= 4)
                // No readable version: OpenShift 3 serves Kubernetes 1.11 or older.
                .orElseGet(() -> OpenShiftVersion.parse(facts.kubernetesVersion()).map(k -> k.minor() > 11).orElse(true));
    }

    private static ClusterInventory withProblems(ClusterInventory inventory, List<String> problems) {
        return new ClusterInventory(inventory.migrationNamespace(), inventory.migrationControllers(), inventory.subscriptions(),
                inventory.csvs(), inventory.operatorVersion(), inventory.operatorHub(), inventory.proxy(),
                inventory.mirrorPolicies(), problems);
    }

    private static MirrorPolicies mirrorPolicies(KubernetesClient client, List<String> problems, String who) {
        List<String> sources = new ArrayList<>();
        List<String> icsp = read(problems, who, "ImageContentSourcePolicies", () -> {
            List<String> names = new ArrayList<>();
            for (ImageContentSourcePolicy policy : client.resources(ImageContentSourcePolicy.class).list().getItems()) {
                names.add(policy.getMetadata().getName());
                if (policy.getSpec() != null && policy.getSpec().getRepositoryDigestMirrors() != null) {
                    policy.getSpec().getRepositoryDigestMirrors().forEach(m -> sources.add(m.getSource()));
                }
            }
            return names;
        }, List.of(), null);
        boolean[] idmsApi = {true};
        List<String> idms;
        try {
            idms = new ArrayList<>();
            for (ImageDigestMirrorSet set : client.resources(ImageDigestMirrorSet.class).list().getItems()) {
                idms.add(set.getMetadata().getName());
                if (set.getSpec() != null && set.getSpec().getImageDigestMirrors() != null) {
                    set.getSpec().getImageDigestMirrors().forEach(m -> sources.add(m.getSource()));
                }
            }
        } catch (KubernetesClientException e) {
            // Before 4.13 the API does not exist; that is not a problem.
            idmsApi[0] = false;
            idms = List.of();
            if (e.getCode() != 404) {
                problems.add(describe("ImageDigestMirrorSets", e));
            }
        }
        if (icsp == null) {
            return null;
        }
        Set<String> unique = new LinkedHashSet<>();
        sources.stream().filter(s -> s != null && !s.isBlank()).forEach(unique::add);
        return new MirrorPolicies(icsp, idms, idmsApi[0], List.copyOf(unique));
    }

    private static ExistingMigrationController controller(GenericKubernetesResource resource) {
        Map<String, Object> spec = resource.getAdditionalProperties().get("spec") instanceof Map<?, ?> map
                ? castMap(map) : Map.of();
        Object version = spec.get("version");
        return new ExistingMigrationController(resource.getMetadata().getName(), version == null ? null : version.toString(),
                bool(spec.get("migration_controller")), bool(spec.get("migration_ui")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static Boolean bool(Object value) {
        return value == null ? null : Boolean.valueOf(value.toString());
    }

    private static ExistingSubscription subscription(Subscription s) {
        return new ExistingSubscription(s.getMetadata().getName(), s.getSpec().getName(), s.getSpec().getChannel(),
                s.getSpec().getSource(), s.getStatus() == null ? null : s.getStatus().getInstalledCSV(),
                s.getStatus() == null ? null : s.getStatus().getState());
    }

    private static ExistingCsv csv(ClusterServiceVersion c) {
        return new ExistingCsv(c.getMetadata().getName(), c.getSpec() == null ? null : c.getSpec().getVersion(),
                c.getStatus() == null ? null : c.getStatus().getPhase());
    }

    private static OperatorHubState operatorHub(OperatorHub hub) {
        if (hub == null) {
            return new OperatorHubState(false, false, List.of(), List.of());
        }
        boolean disableAll = hub.getSpec() != null && Boolean.TRUE.equals(hub.getSpec().getDisableAllDefaultSources());
        List<HubSource> sources = hub.getSpec() == null || hub.getSpec().getSources() == null ? List.of()
                : hub.getSpec().getSources();
        return new OperatorHubState(true, disableAll,
                sources.stream().filter(s -> Boolean.TRUE.equals(s.getDisabled())).map(HubSource::getName).toList(),
                sources.stream().filter(s -> Boolean.FALSE.equals(s.getDisabled())).map(HubSource::getName).toList());
    }

    private static ClusterProxy proxy(Proxy proxy) {
        if (proxy == null) {
            return new ClusterProxy(false, null, null, null, null);
        }
        var spec = proxy.getSpec();
        var status = proxy.getStatus();
        String http = spec != null && spec.getHttpProxy() != null ? spec.getHttpProxy()
                : status == null ? null : status.getHttpProxy();
        String https = spec != null && spec.getHttpsProxy() != null ? spec.getHttpsProxy()
                : status == null ? null : status.getHttpsProxy();
        // status.noProxy is what the cluster really uses (spec plus the cluster's own networks).
        String noProxy = status != null && status.getNoProxy() != null ? status.getNoProxy()
                : spec == null ? null : spec.getNoProxy();
        String trusted = spec == null || spec.getTrustedCA() == null ? null : spec.getTrustedCA().getName();
        return new ClusterProxy(true, http, https, noProxy, trusted);
    }

    private static <T> T read(List<String> problems, String who, String what, Supplier<T> reader, T fallback) {
        return read(problems, who, what, reader, fallback, fallback);
    }

    /** absent: what a 404 (API not served, no CRD) means; failed: what any other error leaves. */
    private static <T> T read(List<String> problems, String who, String what, Supplier<T> reader, T absent, T failed) {
        try {
            return reader.get();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return absent;
            }
            // The API server's answer (403, 500, timeout) is the whole story; its stack trace is fabric8's, not ours.
            LOG.warn("Reading {} on {} failed: HTTP {} {}", what, who, e.getCode(), e.getMessage());
            problems.add(describe(what, e));
            return failed;
        }
    }

    private static String describe(String what, KubernetesClientException e) {
        return switch (e.getCode()) {
            case 401 -> what + ": the credentials were rejected (401)";
            case 403 -> what + ": not allowed to read it (403)";
            default -> what + ": " + (e.getCode() > 0 ? "HTTP " + e.getCode() + " " : "") + firstLine(e.getMessage());
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int cut = message.indexOf('\n');
        return cut > 0 ? message.substring(0, cut) : message;
    }
}
