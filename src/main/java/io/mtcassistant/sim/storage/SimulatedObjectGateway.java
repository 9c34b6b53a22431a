package io.mtcassistant.sim.storage;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.mtcassistant.sim.SimulatedObjects;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated Multicloud Object Gateway on a simulated cluster: the NooBaa resource (with the status the
 * noobaa-operator writes) and its admin Secret, pointing at an S3 endpoint served elsewhere (the test's S3 server,
 * or the demo's). No gateway runs: this is only what the API shows of one.
 */
public final class SimulatedObjectGateway {

    public static final String NAMESPACE = "openshift-storage";
    public static final String NAME = "noobaa";
    public static final String ADMIN_SECRET = "noobaa-admin";
    public static final String INTERNAL_ENDPOINT = "https://s3.openshift-storage.svc:443";

    private final List<String> external = new ArrayList<>();
    private final List<String> internal = new ArrayList<>(List.of(INTERNAL_ENDPOINT));
    private String phase = "Ready";
    private boolean adminSecret = true;
    private String accessKey;
    private String secretKey;

    private SimulatedObjectGateway() {
    }

    /** A Ready gateway whose external S3 endpoint is {@code externalEndpoint} and whose admin keys are these. */
    public static SimulatedObjectGateway ready(String externalEndpoint, String accessKeyId, String secretAccessKey) {
        SimulatedObjectGateway gateway = new SimulatedObjectGateway();
        gateway.external.add(externalEndpoint);
        gateway.accessKey = accessKeyId;
        gateway.secretKey = secretAccessKey;
        return gateway;
    }

    public SimulatedObjectGateway phase(String noobaaPhase) {
        this.phase = noobaaPhase;
        return this;
    }

    /** Publishes only the internal service name (no route). */
    public SimulatedObjectGateway internalOnly() {
        external.clear();
        return this;
    }

    /** The status still names the admin Secret, but the Secret is gone. */
    public SimulatedObjectGateway withoutAdminSecret() {
        adminSecret = false;
        return this;
    }

    /** Stores the NooBaa and ObjectBucketClaim APIs, the namespace, the NooBaa resource and its admin Secret. */
    public void installOn(KubernetesClient client) {
        SimulatedObjects.ignoreConflict(() -> client.apiextensions().v1().customResourceDefinitions().resource(
                definition("noobaa.io", "NooBaa", "noobaas")).create());
        SimulatedObjects.ignoreConflict(() -> client.apiextensions().v1().customResourceDefinitions().resource(
                definition("objectbucket.io", "ObjectBucketClaim", "objectbucketclaims")).create());
        SimulatedObjects.ignoreConflict(() -> client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE)
                .endMetadata().build()).create());
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", "noobaa.io/v1alpha1");
        object.put("kind", "NooBaa");
        object.put("metadata", Map.of("name", NAME, "namespace", NAMESPACE));
        object.put("spec", Map.of());
        GenericKubernetesResource noobaa = client.getKubernetesSerialization().convertValue(object,
                GenericKubernetesResource.class);
        // a test may put its own gateway over the demo's
        client.genericKubernetesResources("noobaa.io/v1alpha1", "NooBaa").inNamespace(NAMESPACE).resource(noobaa)
                .createOr(NonDeletingOperation::update);
        ObjectNode status = JsonNodeFactory.instance.objectNode().put("phase", phase);
        ObjectNode s3 = status.putObject("services").putObject("serviceS3");
        external.forEach(s3.putArray("externalDNS")::add);
        internal.forEach(s3.putArray("internalDNS")::add);
        status.putObject("accounts").putObject("admin").putObject("secretRef").put("name", ADMIN_SECRET)
                .put("namespace", NAMESPACE);
        ArrayNode patch = JsonNodeFactory.instance.arrayNode();
        patch.addObject().put("op", "add").put("path", "/status").set("value", status);
        client.genericKubernetesResources("noobaa.io/v1alpha1", "NooBaa").inNamespace(NAMESPACE).withName(NAME)
                .subresource("status").patch(PatchContext.of(PatchType.JSON), patch.toString());
        if (adminSecret) {
            client.secrets().inNamespace(NAMESPACE).resource(new SecretBuilder().withNewMetadata()
                    .withName(ADMIN_SECRET).withNamespace(NAMESPACE).endMetadata()
                    .addToData("AWS_ACCESS_KEY_ID", SimulatedObjects.base64(accessKey)).addToData("AWS_SECRET_ACCESS_KEY", SimulatedObjects.base64(secretKey))
                    .addToData("email", SimulatedObjects.base64("admin@noobaa.io")).addToData("system", SimulatedObjects.base64(NAME)).build()).createOr(NonDeletingOperation::update);
        }
    }

    private static CustomResourceDefinition definition(String group, String kind, String plural) {
        return new CustomResourceDefinitionBuilder().withNewMetadata().withName(plural + "." + group).endMetadata()
                .withNewSpec().withGroup(group).withScope("Namespaced")
                .withNewNames().withKind(kind).withPlural(plural).withSingular(kind.toLowerCase(java.util.Locale.ROOT))
                .endNames()
                .addNewVersion().withName("v1alpha1").withServed(true).withStorage(true)
                .withNewSubresources().withNewStatus().endStatus().endSubresources()
                .withNewSchema().withOpenAPIV3Schema(new JSONSchemaPropsBuilder().withType("object")
                        .withXKubernetesPreserveUnknownFields(true).build()).endSchema()
                .endVersion().endSpec().build();
    }
}
