package io.mtcassistant.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributes;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatus;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.CustomResourceAware;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.Resetable;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.internal.MockDispatcher;
import io.fabric8.mockwebserver.internal.SimpleRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The request handling of a simulated API server. In front of fabric8's CRUD store it adds what a real
 * server does and the mock does not: bearer-token authentication (401 for an unknown token, 403 for anonymous),
 * the OpenShift OAuth challenge flow, /version/openshift, SelfSubjectAccessReview and identity answers, and API
 * discovery for /api and /apis. Recorded expectations (server.expect()) are matched before the built-in answers,
 * so tests and later simulations can override any of them.
 */
final class SimulationDispatcher extends Dispatcher implements Resetable, CustomResourceAware {

    private static final ObjectMapper JSON = Serialization.jsonMapper();
    private static final java.util.regex.Pattern GROUP_VERSION = java.util.regex.Pattern.compile("^/apis/[^/]+/[^/]+$");
    private static final List<String> CRD_LIST_PATHS = List.of(
            "/apis/apiextensions.k8s.io/v1/customresourcedefinitions",
            "/apis/apiextensions.k8s.io/v1beta1/customresourcedefinitions");
    private static final Set<String> PUBLIC_PATHS = Set.of("/version", "/version/openshift", "/healthz", "/readyz",
            "/livez", "/.well-known/oauth-authorization-server", "/oauth/authorize", "/oauth/token/implicit");

    private final Map<ServerRequest, Queue<ServerResponse>> responses;
    private final MockDispatcher expectations;
    private final KubernetesCrudDispatcher crud = new IndexedCrudDispatcher();
    private final List<CustomResourceDefinitionContext> builtInResources = new CopyOnWriteArrayList<>();
    private final Map<String, SimulatedUser> usersByToken = new java.util.concurrent.ConcurrentHashMap<>();
    private final SimulatedPlatform platform;
    private final SimulatedFailure failure;
    private final Supplier<String> baseUrl;
    private final VersionInfo versionInfo;
    private final String identitySecret = java.util.UUID.randomUUID().toString();
    private final List<java.util.function.Consumer<String>> changeListeners = new CopyOnWriteArrayList<>();

    SimulationDispatcher(Map<ServerRequest, Queue<ServerResponse>> responses, SimulatedPlatform platform,
            SimulatedFailure failure, Supplier<String> baseUrl, VersionInfo versionInfo) {
        this.responses = responses;
        this.expectations = new MockDispatcher(responses);
        this.platform = platform;
        this.failure = failure;
        this.baseUrl = baseUrl;
        this.versionInfo = versionInfo;
    }

    String identitySecret() {
        return identitySecret;
    }

    /** Called with the path of every write request after the store answered it (the simulated controllers' wake-up). */
    void onChange(java.util.function.Consumer<String> listener) {
        changeListeners.add(listener);
    }

    void addUser(SimulatedUser user) {
        usersByToken.put(user.token(), user);
    }

    /**
     * Stores an object straight into the CRUD store (no HTTP, no client): seeding this way keeps the start fast.
     *
     * @param collectionPath e.g. /api/v1/namespaces
     */
    void store(String collectionPath, Object resource) {
        byte[] body = Serialization.asJson(resource).getBytes(StandardCharsets.UTF_8);
        RecordedRequest request = new RecordedRequest("HTTP/1.1", HttpMethod.POST, collectionPath,
                io.fabric8.mockwebserver.http.Headers.builder().add("Content-Type", "application/json").build(),
                new io.fabric8.mockwebserver.http.Buffer(body));
        MockResponse response = crud.handleCreate(request);
        if (response.code() >= 300) {
            throw new IllegalStateException("seeding " + collectionPath + " failed with HTTP " + response.code());
        }
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String fullPath = request.getPath();
        String path = fullPath.contains("?") ? fullPath.substring(0, fullPath.indexOf('?')) : fullPath;
        if (failure == SimulatedFailure.UNAUTHORIZED) {
            return unauthorized();
        }
        if (failure == SimulatedFailure.FORBIDDEN) {
            return anonymousForbidden(request, path);
        }
        if (platform.isOpenShift() && path.equals("/.well-known/oauth-authorization-server")) {
            return oauthMetadata();
        }
        if (platform.isOpenShift() && path.equals("/oauth/authorize")) {
            return oauthAuthorize(request, fullPath);
        }
        if (platform.isOpenShift() && path.equals("/oauth/token/implicit")) {
            // where the redirect lands; the token travels in the fragment, which never reaches a server
            return new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/plain")
                    .setBody("You have a token; close this page.");
        }
        SimulatedUser user = null;
        String authorization = header(request, "Authorization");
        String certificateIdentity = header(request, ClientIdentityForwarder.HEADER);
        if (certificateIdentity != null && certificateIdentity.startsWith(identitySecret + ":")) {
            String commonName = certificateIdentity.substring(identitySecret.length() + 1);
            user = usersByToken.values().stream().filter(u -> u.name().equals(commonName)).findFirst().orElse(null);
            if (user == null) {
                return unauthorized();
            }
        } else if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            user = usersByToken.get(authorization.substring(7).trim());
            if (user == null) {
                return unauthorized();
            }
        } else if (authorization != null) {
            return unauthorized();
        }
        if (user == null && !PUBLIC_PATHS.contains(path)) {
            return anonymousForbidden(request, path);
        }
        java.util.Optional<String> refused = user == null || user.admin() ? java.util.Optional.empty()
                : OrdinaryUserWrites.forbidden(request.getMethod(), path, user.name());
        if (refused.isPresent()) {
            return status(403, "Forbidden", refused.get());
        }
        Queue<ServerResponse> queue = responses.get(new SimpleRequest(HttpMethod.valueOf(request.getMethod()), fullPath));
        if (queue != null && !queue.isEmpty()) {
            return expectations.dispatch(request);
        }
        MockResponse builtIn = builtIn(request, path, user);
        MockResponse answer = builtIn != null ? builtIn : isMergePatch(request) ? mergePatch(request, path)
                : crud.dispatch(request);
        if (!"GET".equals(request.getMethod())) {
            changeListeners.forEach(listener -> listener.accept(path));
        }
        return answer;
    }

    /** Whether an Authorization header names a user of this simulation (for the exec upgrades the TLS front answers). */
    boolean acceptsAuthorization(String authorization) {
        return failure == SimulatedFailure.NONE && authorization != null
                && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && usersByToken.containsKey(authorization.substring(7).trim());
    }

    private static boolean isMergePatch(RecordedRequest request) {
        String type = request.getHeader("Content-Type");
        return "PATCH".equals(request.getMethod()) && type != null && type.startsWith("application/merge-patch+json");
    }

    /**
     * RFC 7386 as a real API server does it (null removes a key, a list replaces the whole list): the mock's own
     * merge keeps nulls and merges lists element by element. Read, merge, then update through the CRUD store.
     */
    @SuppressWarnings("unchecked")
    private MockResponse mergePatch(RecordedRequest request, String path) {
        MockResponse current = crud.handleGet(path);
        if (current.code() != 200) {
            return current;
        }
        Map<String, Object> object = Serialization.unmarshal(current.getBody().readUtf8(), Map.class);
        Map<String, Object> patch = Serialization.unmarshal(request.getUtf8Body(), Map.class);
        Map<String, Object> merged = io.mtcassistant.install.plan.KubeObjects.merge(object, patch);
        byte[] body = Serialization.asJson(merged).getBytes(StandardCharsets.UTF_8);
        return crud.handleUpdate(new RecordedRequest(request.getHttpVersion(), HttpMethod.PUT, request.getPath(),
                io.fabric8.mockwebserver.http.Headers.builder().add("Content-Type", "application/json").build(),
                new io.fabric8.mockwebserver.http.Buffer(body)));
    }

    private MockResponse builtIn(RecordedRequest request, String path, SimulatedUser user) {
        String method = request.getMethod();
        if (ExecUpgrades.STREAM_PATH.matcher(path).matches()) {
            // an upgrade never gets here (the TLS front answers it): what reached the mock lost its Upgrade header
            return status(400, "BadRequest", "Upgrade request required");
        }
        if ("GET".equals(method)) {
            switch (path) {
                case "/version":
                    // also with a query (kubectl sends ?timeout=), which the mock's own /version answer misses
                    return json(200, versionInfo);
                case "/version/openshift":
                    return platform.kind() == SimulatedPlatform.Kind.OPENSHIFT_3 ? openShiftVersion()
                            : status(404, "NotFound", "the server could not find the requested resource");
                case "/healthz":
                case "/readyz":
                case "/livez":
                    return new MockResponse().setResponseCode(200).setBody("ok");
                case "/api":
                    return json(200, coreVersions());
                case "/api/v1":
                    return json(200, CoreResources.list());
                case "/apis":
                    return json(200, apiGroups());
                case "/apis/user.openshift.io/v1/users/~":
                    return platform.isOpenShift() ? json(200, openShiftUser(user)) : null;
                default:
                    return GROUP_VERSION.matcher(path).matches() ? groupVersionResources(path) : null;
            }
        }
        if ("POST".equals(method)) {
            if (path.equals("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews")) {
                return accessReview(request, user);
            }
            if (path.equals("/apis/authentication.k8s.io/v1/selfsubjectreviews") && !platform.isOpenShift()) {
                return selfSubjectReview(user);
            }
        }
        return null;
    }

    private MockResponse accessReview(RecordedRequest request, SimulatedUser user) {
        SelfSubjectAccessReview review = Serialization.unmarshal(request.getUtf8Body(), SelfSubjectAccessReview.class);
        ResourceAttributes attributes = review.getSpec() == null ? null : review.getSpec().getResourceAttributes();
        boolean allowed = user.admin() || allowedForOrdinaryUser(attributes);
        review.setStatus(new SubjectAccessReviewStatus(allowed, false, null, allowed ? "simulated RBAC: allowed"
                : "simulated RBAC: " + user.name() + " is not cluster-admin"));
        return json(201, review);
    }

    /**
     * An ordinary user may work inside namespaces but holds no wildcard or cluster-wide rights. Crude, but it
     * gives the cluster-admin check both answers.
     */
    private static boolean allowedForOrdinaryUser(ResourceAttributes attributes) {
        if (attributes == null) {
            return false;
        }
        boolean wildcard = "*".equals(attributes.getVerb()) || "*".equals(attributes.getResource())
                || "*".equals(attributes.getGroup());
        return !wildcard && attributes.getNamespace() != null && !attributes.getNamespace().isEmpty();
    }

    private MockResponse selfSubjectReview(SimulatedUser user) {
        ObjectNode review = JSON.createObjectNode();
        review.put("apiVersion", "authentication.k8s.io/v1");
        review.put("kind", "SelfSubjectReview");
        review.putObject("metadata").put("creationTimestamp", (String) null);
        ObjectNode userInfo = review.putObject("status").putObject("userInfo");
        userInfo.put("username", user.name());
        ArrayNode groups = userInfo.putArray("groups");
        if (user.admin()) {
            groups.add("system:masters");
        }
        groups.add("system:authenticated");
        return json(201, review);
    }

    private ObjectNode openShiftUser(SimulatedUser user) {
        ObjectNode node = JSON.createObjectNode();
        node.put("kind", "User");
        node.put("apiVersion", "user.openshift.io/v1");
        node.putObject("metadata").put("name", user.name());
        ArrayNode groups = node.putArray("groups");
        if (user.admin()) {
            groups.add("system:cluster-admins");
        }
        groups.add("system:authenticated");
        groups.add("system:authenticated:oauth");
        return node;
    }

    private MockResponse openShiftVersion() {
        String version = platform.openshiftVersion();
        String[] parts = version.split("\\.");
        ObjectNode node = JSON.createObjectNode();
        node.put("major", parts[0]);
        node.put("minor", (parts.length > 1 ? parts[1] : "0") + "+");
        node.put("gitVersion", "v" + version);
        node.put("gitCommit", "d4cacc0");
        node.put("gitTreeState", "clean");
        node.put("buildDate", "2023-01-10T09:12:23Z");
        return json(200, node);
    }

    private MockResponse oauthMetadata() {
        String url = baseUrl.get();
        ObjectNode node = JSON.createObjectNode();
        node.put("issuer", url);
        node.put("authorization_endpoint", url + "/oauth/authorize");
        node.put("token_endpoint", url + "/oauth/token");
        node.putArray("scopes_supported").add("user:full").add("user:info");
        node.putArray("response_types_supported").add("code").add("token");
        node.putArray("grant_types_supported").add("authorization_code").add("implicit");
        node.putArray("code_challenge_methods_supported").add("plain").add("S256");
        return json(200, node);
    }

    /** The challenging-client implicit flow that `oc login -u -p` uses: Basic credentials in, token in a redirect. */
    private MockResponse oauthAuthorize(RecordedRequest request, String fullPath) {
        if (!fullPath.contains("client_id=openshift-challenging-client") || !fullPath.contains("response_type=token")) {
            return status(400, "BadRequest", "unsupported client or response type");
        }
        SimulatedUser user = basicAuthUser(header(request, "Authorization"));
        if (user == null) {
            return new MockResponse().setResponseCode(401)
                    .setHeader("WWW-Authenticate", "Basic realm=\"openshift\"")
                    .setHeader("Content-Type", "text/plain")
                    .setBody("Unauthorized");
        }
        String location = baseUrl.get() + "/oauth/token/implicit#access_token="
                + URLEncoder.encode(user.token(), StandardCharsets.UTF_8)
                + "&expires_in=86400&scope=user%3Afull&token_type=Bearer";
        return new MockResponse().setResponseCode(302).setHeader("Location", location).setBody("");
    }

    private SimulatedUser basicAuthUser(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String name = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        return usersByToken.values().stream()
                .filter(u -> u.name().equals(name) && u.password() != null && u.password().equals(password))
                .findFirst().orElse(null);
    }

    private ObjectNode coreVersions() {
        ObjectNode node = JSON.createObjectNode();
        node.put("kind", "APIVersions");
        node.putArray("versions").add("v1");
        ObjectNode address = node.putArray("serverAddressByClientCIDRs").addObject();
        address.put("clientCIDR", "0.0.0.0/0");
        address.put("serverAddress", baseUrl.get().replaceFirst("^https?://", ""));
        return node;
    }

    /** Groups of the built-in resources plus those of every CustomResourceDefinition stored in the simulation. */
    private ObjectNode apiGroups() {
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        for (CustomResourceDefinitionContext context : builtInResources) {
            groups.computeIfAbsent(context.getGroup(), g -> new LinkedHashSet<>()).add(context.getVersion());
        }
        addCrdGroups(groups);
        ObjectNode node = JSON.createObjectNode();
        node.put("kind", "APIGroupList");
        node.put("apiVersion", "v1");
        ArrayNode list = node.putArray("groups");
        groups.forEach((group, versions) -> {
            ObjectNode groupNode = list.addObject();
            groupNode.put("name", group);
            ArrayNode versionNodes = groupNode.putArray("versions");
            for (String version : versions) {
                ObjectNode versionNode = versionNodes.addObject();
                versionNode.put("groupVersion", group + "/" + version);
                versionNode.put("version", version);
            }
            ObjectNode preferred = groupNode.putObject("preferredVersion");
            String first = versions.iterator().next();
            preferred.put("groupVersion", group + "/" + first);
            preferred.put("version", first);
        });
        return node;
    }

    /** /apis/GROUP/VERSION: the built-in resources and those of stored CRDs, as a real APIResourceList. */
    private MockResponse groupVersionResources(String path) {
        String[] parts = path.split("/");
        String group = parts[2];
        String version = parts[3];
        ObjectNode list = JSON.createObjectNode();
        list.put("kind", "APIResourceList");
        list.put("apiVersion", "v1");
        list.put("groupVersion", group + "/" + version);
        ArrayNode resources = list.putArray("resources");
        Set<String> seen = new LinkedHashSet<>();
        for (CustomResourceDefinitionContext context : builtInResources) {
            if (context.getGroup().equals(group) && context.getVersion().equals(version)
                    && seen.add(context.getPlural())) {
                addResource(resources, context.getPlural(), context.getKind(), context.isNamespaceScoped(),
                        context.isStatusSubresource());
            }
        }
        for (JsonNode crd : storedCrds()) {
            JsonNode spec = crd.path("spec");
            boolean servesVersion = version.equals(spec.path("version").asText(null));
            boolean status = spec.path("subresources").has("status");
            for (JsonNode v : spec.path("versions")) {
                if (version.equals(v.path("name").asText())) {
                    servesVersion = true;
                    status = status || v.path("subresources").has("status");
                }
            }
            String plural = spec.path("names").path("plural").asText(null);
            if (group.equals(spec.path("group").asText()) && servesVersion && plural != null && seen.add(plural)) {
                addResource(resources, plural, spec.path("names").path("kind").asText(),
                        !"Cluster".equals(spec.path("scope").asText()), status);
            }
        }
        if (resources.isEmpty()) {
            return status(404, "NotFound", "the server could not find the requested resource");
        }
        return json(200, list);
    }

    private static void addResource(ArrayNode resources, String plural, String kind, boolean namespaced,
            boolean status) {
        ObjectNode resource = resources.addObject();
        resource.put("name", plural);
        resource.put("singularName", "");
        resource.put("namespaced", namespaced);
        resource.put("kind", kind);
        resource.putArray("verbs").add("create").add("delete").add("deletecollection").add("get").add("list")
                .add("patch").add("update").add("watch");
        if (status) {
            ObjectNode statusResource = resources.addObject();
            statusResource.put("name", plural + "/status");
            statusResource.put("singularName", "");
            statusResource.put("namespaced", namespaced);
            statusResource.put("kind", kind);
            statusResource.putArray("verbs").add("get").add("patch").add("update");
        }
    }

    /** The CustomResourceDefinitions stored in the simulation, v1 and v1beta1. */
    private List<JsonNode> storedCrds() {
        List<JsonNode> crds = new ArrayList<>();
        for (String listPath : CRD_LIST_PATHS) {
            MockResponse response = crud.handleGet(listPath);
            if (response == null || response.code() != 200 || response.getBody() == null) {
                continue;
            }
            try {
                JSON.readTree(response.getBody().readUtf8()).path("items").forEach(crds::add);
            } catch (Exception e) {
                // a list the CRUD store cannot render leaves discovery with the built-in resources only
            }
        }
        return crds;
    }

    private void addCrdGroups(Map<String, Set<String>> groups) {
        for (JsonNode crd : storedCrds()) {
            String group = crd.path("spec").path("group").asText(null);
            if (group == null) {
                continue;
            }
            Set<String> versions = groups.computeIfAbsent(group, g -> new LinkedHashSet<>());
            for (JsonNode version : crd.path("spec").path("versions")) {
                versions.add(version.path("name").asText());
            }
            if (crd.path("spec").hasNonNull("version")) {
                versions.add(crd.path("spec").path("version").asText());
            }
            if (versions.isEmpty()) {
                groups.remove(group);
            }
        }
    }

    @Override
    public void expectCustomResource(CustomResourceDefinitionContext context) {
        builtInResources.add(context);
        crud.expectCustomResource(context);
    }

    List<CustomResourceDefinitionContext> registeredResources() {
        return new ArrayList<>(builtInResources);
    }

    @Override
    public void reset() {
        crud.reset();
    }

    /** Header names are case-insensitive (and lower case over HTTP/2). */
    private static String header(RecordedRequest request, String name) {
        for (Map.Entry<String, List<String>> entry : request.getHeaders().toMultimap().entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }

    private static MockResponse json(int code, Object body) {
        String text = body instanceof JsonNode node ? node.toString() : Serialization.asJson(body);
        return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(text);
    }

    private static MockResponse unauthorized() {
        return status(401, "Unauthorized", "Unauthorized");
    }

    private static MockResponse anonymousForbidden(RecordedRequest request, String path) {
        return status(403, "Forbidden", "forbidden: User \"system:anonymous\" cannot "
                + request.getMethod().toLowerCase() + " path \"" + path + "\"");
    }

    private static MockResponse status(int code, String reason, String message) {
        ObjectNode node = JSON.createObjectNode();
        node.put("kind", "Status");
        node.put("apiVersion", "v1");
        node.putObject("metadata");
        node.put("status", "Failure");
        node.put("message", message);
        node.put("reason", reason);
        node.put("code", code);
        return json(code, node);
    }
}
