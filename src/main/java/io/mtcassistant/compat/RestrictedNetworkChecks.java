package io.mtcassistant.compat;

import io.mtcassistant.compat.ClusterInventory.ClusterProxy;
import io.mtcassistant.compat.ClusterInventory.MirrorPolicies;
import io.mtcassistant.compat.ClusterInventory.OperatorHubState;
import io.mtcassistant.common.SecretMasker;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Check 7: on OpenShift 4, is the cluster set up for a restricted network (OperatorHub, proxy, mirror policies). */
final class RestrictedNetworkChecks {

    static final String DISABLE_SOURCES = "oc patch OperatorHub cluster --type json -p "
            + "'[{\"op\": \"add\", \"path\": \"/spec/disableAllDefaultSources\", \"value\": true}]'";

    private RestrictedNetworkChecks() {
    }

    static List<CheckResult> evaluate(Placement placement, List<ClusterSnapshot> others, CompatibilityMatrix matrix,
            InstallOption planned) {
        ClusterSnapshot snapshot = placement.snapshot();
        ClusterInventory inventory = snapshot.inventory();
        if (placement.version() == null || placement.version().major() < 4 || inventory == null) {
            if (placement.version() != null && placement.version().major() == 3) {
                return List.of(new CheckResult(CheckKind.IMAGE_MIRROR_POLICY, snapshot.context(), snapshot.role().label(),
                        Severity.OK, "OpenShift 3: nodes pull directly from the mirror",
                        List.of(Fact.of("OpenShift version", placement.version(), placement.versionOrigin())),
                        "OpenShift 3 has no OperatorHub, no cluster-wide Proxy object and no ImageContentSourcePolicy: "
                                + "the legacy operator.yml is rewritten to point at the mirror registry, and every node's "
                                + "container runtime must trust and be able to log in to that registry.",
                        "Make the mirror registry trusted on every node (CA and pull secret); the Operators step rewrites "
                                + "operator.yml to the mirror.", null));
            }
            return List.of();
        }
        boolean olm = planned == null || planned.method() == InstallMethod.OLM;
        List<CheckResult> rows = new ArrayList<>();
        rows.add(operatorHub(snapshot, inventory.operatorHub(), olm));
        rows.add(proxy(snapshot, inventory.proxy(), others));
        rows.add(mirrorPolicy(placement, inventory.mirrorPolicies(), matrix));
        return rows;
    }

    static CheckResult operatorHub(ClusterSnapshot snapshot, OperatorHubState hub, boolean olm) {
        String context = snapshot.context();
        String role = snapshot.role().label();
        if (hub == null) {
            return new CheckResult(CheckKind.OPERATORHUB_SOURCES, context, role, Severity.WARNING, "Not read",
                    List.of(Fact.of("OperatorHub cluster", "could not be read", "GET operatorhubs.config.openshift.io/cluster")),
                    "The OperatorHub configuration could not be read, so it is unknown whether the default catalog sources "
                            + "(which pull from registry.redhat.io) are disabled.",
                    "Check it: oc get operatorhub cluster -o yaml.", null);
        }
        List<Fact> facts = new ArrayList<>();
        facts.add(Fact.of("OperatorHub cluster", hub.exists() ? "exists" : "absent", "GET operatorhubs.config.openshift.io/cluster"));
        facts.add(Fact.of("spec.disableAllDefaultSources", hub.disableAllDefaultSources(), "OperatorHub cluster"));
        if (!hub.disabledSources().isEmpty()) {
            facts.add(Fact.of("Sources disabled one by one", String.join(", ", hub.disabledSources()), "OperatorHub spec.sources"));
        }
        if (!hub.enabledSources().isEmpty()) {
            facts.add(Fact.of("Sources enabled explicitly", String.join(", ", hub.enabledSources()), "OperatorHub spec.sources"));
        }
        if (hub.disableAllDefaultSources() && hub.enabledSources().isEmpty()) {
            return new CheckResult(CheckKind.OPERATORHUB_SOURCES, context, role, Severity.OK, "Default sources disabled", facts,
                    "The default catalog sources are disabled, as a restricted network needs: OLM installs only from the "
                            + "catalogs you mirror.",
                    "Nothing; the Operators step adds the mirrored CatalogSource.", null);
        }
        if (!olm) {
            return new CheckResult(CheckKind.OPERATORHUB_SOURCES, context, role, Severity.OK,
                    "Default sources enabled (not used by the legacy operator install)", facts,
                    "MTC goes on this cluster with the legacy operator from operator.yml, which does not use OLM; the "
                            + "default sources only show as failing catalogs in a restricted network.",
                    "Optionally disable them: " + DISABLE_SOURCES, null);
        }
        return new CheckResult(CheckKind.OPERATORHUB_SOURCES, context, role, Severity.WARNING, "Default sources enabled", facts,
                "The default catalog sources are enabled. In a restricted network they point at registry.redhat.io, which "
                        + "the cluster cannot reach: their pods fail to pull, OperatorHub shows them as failing, and OLM keeps "
                        + "trying them. The procedure's restricted-network install expects them disabled and the mirrored "
                        + "catalog added as a CatalogSource.",
                "Disable them (the Operators step can do it): " + DISABLE_SOURCES, null);
    }

    static CheckResult proxy(ClusterSnapshot snapshot, ClusterProxy proxy, List<ClusterSnapshot> others) {
        String context = snapshot.context();
        String role = snapshot.role().label();
        if (proxy == null) {
            return new CheckResult(CheckKind.CLUSTER_PROXY, context, role, Severity.WARNING, "Not read",
                    List.of(Fact.of("Proxy cluster", "could not be read", "GET proxies.config.openshift.io/cluster")),
                    "The cluster-wide proxy could not be read.", "Check it: oc get proxy cluster -o yaml.", null);
        }
        List<Fact> facts = new ArrayList<>();
        facts.add(Fact.of("Proxy cluster", proxy.exists() ? "exists" : "absent", "GET proxies.config.openshift.io/cluster"));
        if (!proxy.isSet()) {
            return new CheckResult(CheckKind.CLUSTER_PROXY, context, role, Severity.OK, "No cluster-wide proxy", facts,
                    "No httpProxy or httpsProxy is set: the cluster's components connect directly.",
                    "Nothing; if the clusters talk through a proxy, the Proxy & network step sets it on the MigrationController.",
                    null);
        }
        facts.add(Fact.of("httpProxy", SecretMasker.mask(proxy.httpProxy()), "Proxy cluster"));
        facts.add(Fact.of("httpsProxy", SecretMasker.mask(proxy.httpsProxy()), "Proxy cluster"));
        facts.add(Fact.of("noProxy", proxy.noProxy(), "Proxy cluster"));
        if (proxy.trustedCa() != null && !proxy.trustedCa().isBlank()) {
            facts.add(Fact.of("trustedCA", proxy.trustedCa(), "Proxy cluster"));
        }
        List<String> notExcluded = new ArrayList<>();
        for (ClusterSnapshot other : others) {
            String host = host(other.apiUrl());
            if (other != snapshot && host != null && !noProxyCovers(proxy.noProxy(), host)) {
                notExcluded.add(host + " (" + other.context() + ")");
            }
        }
        String through = notExcluded.isEmpty() ? "The other clusters' API hosts are in noProxy, so MTC reaches them directly."
                : "These API hosts are not in noProxy, so this cluster reaches them through the proxy: "
                        + String.join(", ", notExcluded) + ". The proxy must allow them and pass the Upgrade header "
                        + "(otherwise \"Upgrade request required\" when MTC runs commands in remote pods).";
        return new CheckResult(CheckKind.CLUSTER_PROXY, context, role, Severity.WARNING, "Cluster-wide proxy set", facts,
                "A cluster-wide proxy is set. OLM passes it to the MTC operator, so Velero and the controller use it for the "
                        + "replication repository and the other clusters. " + through + " Direct volume migration needs a "
                        + "transparent TCP proxy (stunnel_tcp_proxy); HTTPS proxies that inspect traffic break it.",
                "Review the proxy and noProxy for MTC in the Proxy & network step (MigrationController httpProxy, "
                        + "httpsProxy, noProxy, stunnel_tcp_proxy).", null);
    }

    static CheckResult mirrorPolicy(Placement placement, MirrorPolicies policies, CompatibilityMatrix matrix) {
        ClusterSnapshot snapshot = placement.snapshot();
        String context = snapshot.context();
        String role = snapshot.role().label();
        boolean idmsRelease = placement.version().isAtLeast(matrix.mirrorPolicy().idmsFrom());
        String kinds = idmsRelease ? "ImageDigestMirrorSet (or the deprecated ImageContentSourcePolicy)"
                : "ImageContentSourcePolicy";
        if (policies == null) {
            return new CheckResult(CheckKind.IMAGE_MIRROR_POLICY, context, role, Severity.WARNING, "Not read",
                    List.of(Fact.of("Mirror policies", "could not be read", "list " + kinds)),
                    "The image mirror policies could not be read.", "Check: oc get imagecontentsourcepolicy"
                            + (idmsRelease ? ",imagedigestmirrorset" : ""), null);
        }
        List<Fact> facts = new ArrayList<>();
        facts.add(Fact.of("OpenShift release", placement.version(), "ClusterVersion"));
        facts.add(Fact.of("ImageDigestMirrorSet", idmsRelease ? "available (from " + matrix.mirrorPolicy().idmsFrom() + ")"
                : "not available before " + matrix.mirrorPolicy().idmsFrom(), "compatibility data"));
        facts.add(Fact.of("ImageContentSourcePolicy", policies.icsp().isEmpty() ? "(none)" : String.join(", ", policies.icsp()),
                "list imagecontentsourcepolicies"));
        if (idmsRelease) {
            facts.add(Fact.of("ImageDigestMirrorSet", policies.idms().isEmpty() ? "(none)" : String.join(", ", policies.idms()),
                    "list imagedigestmirrorsets"));
        }
        List<String> mtcSources = policies.mirrored().stream()
                .filter(source -> source.equals("registry.redhat.io") || source.startsWith("registry.redhat.io/rhmtc")
                        || source.equals("registry.redhat.io/"))
                .toList();
        String write = idmsRelease ? "an ImageDigestMirrorSet" : "an ImageContentSourcePolicy";
        if (policies.icsp().isEmpty() && policies.idms().isEmpty()) {
            return new CheckResult(CheckKind.IMAGE_MIRROR_POLICY, context, role, Severity.WARNING, "No image mirror policy",
                    facts, "No " + kinds + " exists: nodes would pull the MTC images from registry.redhat.io, which a "
                            + "restricted network cannot reach.",
                    "The Mirroring step writes " + write + " for the mirrored MTC images; apply it before installing.", null);
        }
        facts.add(Fact.of("Mirrored sources", String.join(", ", policies.mirrored()), "policies' source repositories"));
        if (mtcSources.isEmpty()) {
            return new CheckResult(CheckKind.IMAGE_MIRROR_POLICY, context, role, Severity.WARNING,
                    "Mirror policies exist, none for registry.redhat.io/rhmtc", facts,
                    "Mirror policies exist, but none mirrors registry.redhat.io/rhmtc (the MTC images) or registry.redhat.io.",
                    "The Mirroring step writes " + write + " for the mirrored MTC images; apply it before installing.", null);
        }
        return new CheckResult(CheckKind.IMAGE_MIRROR_POLICY, context, role, Severity.OK,
                "Mirror policy covers " + String.join(", ", mtcSources), facts,
                "A mirror policy redirects " + String.join(", ", mtcSources) + " to your registry, so the MTC images can be "
                        + "pulled by digest without registry.redhat.io. Whether every MTC image is in the mirror is checked "
                        + "by the Mirroring step.",
                "Nothing now; the Mirroring step checks the mirror's content.", null);
    }

    static String host(String url) {
        if (url == null) {
            return null;
        }
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Go's http.ProxyFromEnvironment semantics, simplified: exact host, ".suffix"/"suffix" domain match, "*". */
    static boolean noProxyCovers(String noProxy, String host) {
        if (noProxy == null || noProxy.isBlank()) {
            return false;
        }
        String lowerHost = host.toLowerCase(Locale.ROOT);
        return Arrays.stream(noProxy.split(",")).map(String::trim).map(s -> s.toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .anyMatch(entry -> entry.equals("*") || entry.equals(lowerHost)
                        || (entry.startsWith(".") ? lowerHost.endsWith(entry) : lowerHost.endsWith("." + entry)));
    }
}
