package io.mtcassistant.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.openshift.api.model.config.v1.ClusterVersion;
import io.fabric8.openshift.api.model.config.v1.UpdateHistory;
import io.mtcassistant.common.ActivityListener;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The questions asked of a freshly connected cluster: Kubernetes version, OpenShift version and platform class,
 * the identity the server sees and whether it is cluster-admin.
 */
final class ClusterProbe {

    private static final String SOURCE = "Clusters";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** OpenShift release facts: the version (newest completed), the desired version (4.x), and the platform. */
    record OpenShiftFacts(String version, String desired, PlatformClass platform) {
    }

    private final KubernetesClient client;
    private final ConnectionTarget target;
    private final ActivityListener activity;

    ClusterProbe(KubernetesClient client, ConnectionTarget target, ActivityListener activity) {
        this.client = client;
        this.target = target;
        this.activity = activity;
    }

    ClusterFacts run() {
        // The cluster-admin question does not depend on the others: it is asked while they are.
        FutureTask<Boolean> admin = new FutureTask<>(this::clusterAdmin);
        Thread adminThread = new Thread(admin, "probe-admin-" + target.context().name());
        adminThread.setDaemon(true);
        adminThread.start();
        try {
            return run(admin);
        } finally {
            admin.cancel(true);
        }
    }

    private ClusterFacts run(FutureTask<Boolean> admin) {
        activity.info(SOURCE, "GET /version");
        VersionInfo version = client.getKubernetesVersion();
        String gitVersion = version.getGitVersion();
        activity.info(SOURCE, "Kubernetes " + gitVersion);
        KubernetesVersion kubernetes = KubernetesVersion.parse(gitVersion, version.getMajor(), version.getMinor())
                .orElse(null);
        OpenShiftFacts openShift = openShift(kubernetes);
        String identity = identity(openShift != null);
        return new ClusterFacts(target.context().name(), target.url(), gitVersion,
                openShift == null ? null : openShift.version(), openShift == null ? null : openShift.desired(),
                openShift == null ? PlatformClass.NOT_OPENSHIFT : openShift.platform(), identity, answer(admin));
    }

    /** The parallel answer, failing like the request itself would have on this thread. */
    private static boolean answer(FutureTask<Boolean> admin) {
        try {
            return admin.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw KubernetesClientException.launderThrowable(e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw KubernetesClientException.launderThrowable(cause);
        }
    }

    private OpenShiftFacts openShift(KubernetesVersion kubernetes) {
        activity.info(SOURCE, "GET /apis/config.openshift.io/v1/clusterversions/version");
        try {
            ClusterVersion clusterVersion = client.resources(ClusterVersion.class).withName("version").get();
            if (clusterVersion != null) {
                return fromClusterVersion(clusterVersion, kubernetes);
            }
        } catch (KubernetesClientException e) {
            if (e.getCode() == 403) {
                activity.warning(SOURCE, "This user may not read ClusterVersion; the OpenShift version is derived "
                        + "from the Kubernetes version");
                return implied(kubernetes, true);
            }
            if (e.getCode() != 404 && e.getCode() != 400) {
                throw e;
            }
        }
        activity.info(SOURCE, "GET /version/openshift");
        String legacy = raw("/version/openshift");
        if (legacy != null) {
            return fromVersionOpenShift(legacy, kubernetes);
        }
        if (client.hasApiGroup("project.openshift.io", false) || client.hasApiGroup("apps.openshift.io", false)) {
            activity.warning(SOURCE, "OpenShift without a version endpoint; the version is derived from the "
                    + "Kubernetes version");
            return implied(kubernetes, kubernetes != null && kubernetes.minor() > 11);
        }
        return null;
    }

    /**
     * 4.x: the version is the newest Completed history entry (what the cluster runs), not status.desired, which
     * moves as soon as an update starts. Without any Completed entry (installing), desired is all there is.
     */
    static OpenShiftFacts fromClusterVersion(ClusterVersion clusterVersion, KubernetesVersion kubernetes) {
        String desired = clusterVersion.getStatus() == null || clusterVersion.getStatus().getDesired() == null ? null
                : clusterVersion.getStatus().getDesired().getVersion();
        List<UpdateHistory> history = clusterVersion.getStatus() == null || clusterVersion.getStatus().getHistory()
                == null ? List.of() : clusterVersion.getStatus().getHistory();
        Optional<UpdateHistory> newestCompleted = history.stream()
                .filter(h -> "Completed".equals(h.getState()) && h.getVersion() != null)
                .max(Comparator.comparing(ClusterProbe::completion));
        String current = newestCompleted.map(UpdateHistory::getVersion).orElse(desired);
        PlatformClass platform = OpenShiftVersion.parse(current).map(OpenShiftVersion::platformClass)
                .or(() -> OpenShiftVersion.impliedByKubernetes(kubernetes, true).map(OpenShiftVersion::platformClass))
                .orElse(PlatformClass.MODERN);
        return new OpenShiftFacts(current, desired, platform);
    }

    /** History is newest first; the completion time decides, the position breaks ties. */
    private static Instant completion(UpdateHistory entry) {
        try {
            return entry.getCompletionTime() == null ? Instant.MIN : Instant.parse(entry.getCompletionTime());
        } catch (DateTimeParseException e) {
            return Instant.MIN;
        }
    }

    /** 3.x: /version/openshift's gitVersion ("v3.11.784"), else its major.minor. */
    static OpenShiftFacts fromVersionOpenShift(String json, KubernetesVersion kubernetes) {
        try {
            JsonNode node = JSON.readTree(json);
            String gitVersion = node.path("gitVersion").asText("");
            Optional<OpenShiftVersion> parsed = OpenShiftVersion.parse(gitVersion);
            if (parsed.isEmpty()) {
                parsed = OpenShiftVersion.parse(node.path("major").asText("") + "." + node.path("minor").asText("")
                        .replace("+", ""));
            }
            if (parsed.isPresent()) {
                OpenShiftVersion version = parsed.get();
                String text = version.text().startsWith("v") ? version.text().substring(1) : version.text();
                return new OpenShiftFacts(text, null, version.platformClass());
            }
        } catch (IOException e) {
            // fall through to the Kubernetes version
        }
        return implied(kubernetes, false);
    }

    private static OpenShiftFacts implied(KubernetesVersion kubernetes, boolean openShift4) {
        Optional<OpenShiftVersion> implied = OpenShiftVersion.impliedByKubernetes(kubernetes, openShift4);
        return implied.map(v -> new OpenShiftFacts(v.text(), null, v.platformClass()))
                .orElse(new OpenShiftFacts(null, null, openShift4 ? PlatformClass.MODERN : PlatformClass.LEGACY));
    }

    private String identity(boolean openShift) {
        if (openShift) {
            activity.info(SOURCE, "GET /apis/user.openshift.io/v1/users/~");
            String user = raw("/apis/user.openshift.io/v1/users/~");
            String name = jsonText(user, "/metadata/name");
            if (name != null) {
                return name;
            }
        }
        activity.info(SOURCE, "POST /apis/authentication.k8s.io/v1/selfsubjectreviews");
        try {
            String review = client.raw(apiUrl("/apis/authentication.k8s.io/v1/selfsubjectreviews"), "POST",
                    "{\"apiVersion\":\"authentication.k8s.io/v1\",\"kind\":\"SelfSubjectReview\"}");
            String name = jsonText(review, "/status/userInfo/username");
            if (name != null) {
                return name;
            }
        } catch (KubernetesClientException e) {
            if (e.getCode() == 401) {
                throw e;
            }
            // older servers have no SelfSubjectReview; fall back to the kubeconfig's name
        }
        return target.userName() == null ? "system:anonymous" : target.userName() + " (name in the kubeconfig)";
    }

    private boolean clusterAdmin() {
        activity.info(SOURCE, "POST SelfSubjectAccessReview (verb *, resource *, group *)");
        SelfSubjectAccessReview review = client.authorization().v1().selfSubjectAccessReview()
                .create(new SelfSubjectAccessReviewBuilder().withNewSpec().withNewResourceAttributes().withVerb("*")
                        .withGroup("*").withResource("*").endResourceAttributes().endSpec().build());
        return review.getStatus() != null && Boolean.TRUE.equals(review.getStatus().getAllowed());
    }

    /** A GET that returns null for 404, and fails like the client otherwise. */
    private String raw(String path) {
        return client.raw(apiUrl(path));
    }

    private String apiUrl(String path) {
        return target.url().replaceAll("/+$", "") + path;
    }

    private static String jsonText(String json, String pointer) {
        if (json == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(json).at(pointer);
            return node.isMissingNode() || node.asText().isEmpty() ? null : node.asText();
        } catch (IOException e) {
            return null;
        }
    }
}
