package io.mtcassistant.sim.olm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.mtcassistant.mirror.catalog.FbcBundle;
import java.util.Locale;

/**
 * OLM's InstallPlan executor: RequiresApproval until {@code spec.approved}, then Installing for one step, which
 * creates the bundle's CRD (MigrationController for mtc-operator) and its ClusterServiceVersion (with
 * {@code spec.replaces} the installed CSV on an upgrade), then Complete.
 */
final class InstallPlans implements Reconciler {

    static final String MTC_PACKAGE = "mtc-operator";
    static final String OPERATOR_DEPLOYMENT = "migration-operator";

    /** A new InstallPlan of a subscription for one bundle; {@code replaces}: the installed CSV it upgrades, or null. */
    static ObjectNode create(Pass pass, ObjectNode subscription, CatalogContent catalog, String sourceNamespace,
            String sourceName, CatalogContent.Bundle bundle, String replaces) {
        String namespace = Api.namespace(subscription);
        boolean automatic = !"Manual".equals(subscription.path("spec").path("installPlanApproval").asText("Automatic"));
        ObjectNode plan = Api.named("install-" + Api.suffix(), namespace);
        ObjectNode metadata = plan.with("metadata");
        metadata.putObject("labels").put(Subscriptions.OWNER_LABEL, Api.name(subscription))
                .put("operators.coreos.com/" + subscription.path("spec").path("name").asText() + "." + namespace, "");
        metadata.putArray("ownerReferences").add(Api.ownerReference(Api.SUBSCRIPTION, subscription)
                .put("controller", false));
        ObjectNode spec = plan.putObject("spec");
        spec.put("approval", automatic ? "Automatic" : "Manual").put("approved", automatic).put("generation", 1);
        spec.putArray("clusterServiceVersionNames").add(bundle.csvName());
        ObjectNode status = plan.putObject("status");
        status.put("phase", automatic ? "Installing" : "RequiresApproval");
        status.putArray("catalogSources").add(sourceName);
        ArrayNode lookups = status.putArray("bundleLookups");
        lookups.addObject().put("identifier", bundle.csvName()).put("path", bundle.image())
                .put("replaces", replaces == null ? "" : replaces).putObject("catalogSourceRef").put("name", sourceName)
                .put("namespace", sourceNamespace);
        status.set("plan", steps(bundle, subscription.path("spec").path("name").asText(), "Unknown"));
        return pass.api.create(Api.INSTALL_PLAN, plan);
    }

    private static ArrayNode steps(CatalogContent.Bundle bundle, String packageName, String stepStatus) {
        ArrayNode steps = Api.array();
        if (MTC_PACKAGE.equals(packageName)) {
            ObjectNode crd = steps.addObject();
            crd.put("resolving", bundle.csvName()).put("status", stepStatus);
            crd.putObject("resource").put("group", "apiextensions.k8s.io").put("version", "v1")
                    .put("kind", "CustomResourceDefinition").put("name", "migrationcontrollers.migration.openshift.io");
        }
        ObjectNode csv = steps.addObject();
        csv.put("resolving", bundle.csvName()).put("status", stepStatus);
        csv.putObject("resource").put("group", "operators.coreos.com").put("version", "v1alpha1")
                .put("kind", "ClusterServiceVersion").put("name", bundle.csvName());
        return steps;
    }

    @Override
    public void reconcile(Pass pass) {
        for (ObjectNode plan : pass.api.list(Api.INSTALL_PLAN, null)) {
            String phase = plan.path("status").path("phase").asText("");
            boolean approved = plan.path("spec").path("approved").asBoolean(false);
            if ("RequiresApproval".equals(phase) && approved) {
                Api.status(plan).put("phase", "Installing");
                pass.api.writeStatus(Api.INSTALL_PLAN, plan);
            } else if ("Installing".equals(phase) && pass.elapsed("plan-installing/" + Api.uid(plan), 1)) {
                execute(pass, plan);
            }
        }
    }

    private void execute(Pass pass, ObjectNode plan) {
        String namespace = Api.namespace(plan);
        String csvName = plan.path("spec").path("clusterServiceVersionNames").path(0).asText();
        String sourceName = plan.path("status").path("catalogSources").path(0).asText();
        String sourceNamespace = plan.path("status").path("bundleLookups").path(0).path("catalogSourceRef")
                .path("namespace").asText(Api.MARKETPLACE_NAMESPACE);
        CatalogContent catalog = pass.state.catalogs().get(sourceNamespace + "/" + sourceName);
        CatalogContent.Bundle bundle = null;
        String packageName = null;
        if (catalog != null) {
            for (CatalogContent.PackageContent content : catalog.packages().values()) {
                for (CatalogContent.Channel channel : content.channels().values()) {
                    if (channel.bundle(csvName).isPresent()) {
                        bundle = channel.bundle(csvName).get();
                        packageName = content.name();
                    }
                }
            }
        }
        if (bundle == null) {
            // OLM keeps retrying while the catalog is away; so does the simulation
            pass.wakeAt(pass.now().plus(pass.speed().recheck()));
            return;
        }
        if (MTC_PACKAGE.equals(packageName)) {
            createIfAbsent(pass, Api.CRD, migrationControllerCrd());
        }
        createIfAbsent(pass, Api.CSV, csv(pass, bundle, packageName, namespace,
                plan.path("status").path("bundleLookups").path(0).path("replaces").asText("")));
        ObjectNode status = Api.status(plan);
        status.put("phase", "Complete");
        status.set("plan", steps(bundle, packageName, "Created"));
        pass.api.writeStatus(Api.INSTALL_PLAN, plan);
    }

    private static void createIfAbsent(Pass pass, io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext kind,
            ObjectNode object) {
        try {
            pass.api.create(kind, object);
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
        }
    }

    private static ObjectNode csv(Pass pass, CatalogContent.Bundle bundle, String packageName, String namespace,
            String replaces) {
        ObjectNode csv = Api.named(bundle.csvName(), namespace);
        ObjectNode metadata = csv.with("metadata");
        metadata.putObject("labels").put("operators.coreos.com/" + packageName + "." + namespace, "");
        String operatorGroup = pass.api.list(Api.OPERATOR_GROUP, namespace).stream().map(Api::name).findFirst()
                .orElse("");
        metadata.putObject("annotations").put("olm.operatorGroup", operatorGroup)
                .put("olm.operatorNamespace", namespace)
                .put("operators.openshift.io/infrastructure-features", "[\"Disconnected\"]");
        ObjectNode spec = csv.putObject("spec");
        spec.put("displayName", MTC_PACKAGE.equals(packageName) ? "Migration Toolkit for Containers Operator"
                : packageName);
        spec.put("version", bundle.version());
        if (!replaces.isEmpty()) {
            spec.put("replaces", replaces);
        }
        ArrayNode related = spec.putArray("relatedImages");
        bundle.relatedImages().forEach(r -> related.addObject().put("name", r.name()).put("image", r.image()));
        ArrayNode modes = spec.putArray("installModes");
        for (String mode : new String[] {"OwnNamespace", "SingleNamespace", "MultiNamespace", "AllNamespaces"}) {
            modes.addObject().put("type", mode).put("supported", "OwnNamespace".equals(mode));
        }
        if (MTC_PACKAGE.equals(packageName)) {
            spec.putObject("customresourcedefinitions").putArray("owned").addObject()
                    .put("name", "migrationcontrollers.migration.openshift.io").put("kind", "MigrationController")
                    .put("version", "v1alpha1").put("displayName", "MigrationController");
        }
        ObjectNode install = spec.putObject("install");
        install.put("strategy", "deployment");
        ObjectNode deployment = install.putObject("spec").putArray("deployments").addObject();
        deployment.put("name", MTC_PACKAGE.equals(packageName) ? OPERATOR_DEPLOYMENT : packageName);
        deployment.set("spec", operatorDeploymentSpec(bundle));
        csv.putObject("status").put("phase", "Pending").put("reason", "RequirementsUnknown")
                .put("message", "requirements not yet checked").put("lastUpdateTime", Api.now())
                .put("lastTransitionTime", Api.now());
        return csv;
    }

    /** The operator's Deployment as the CSV's install strategy names it; operand images travel as RELATED_IMAGE_ env. */
    private static ObjectNode operatorDeploymentSpec(CatalogContent.Bundle bundle) {
        ObjectNode spec = Api.object();
        spec.put("replicas", 1);
        spec.putObject("selector").putObject("matchLabels").put("app", "migration-operator");
        ObjectNode template = spec.putObject("template");
        template.putObject("metadata").putObject("labels").put("app", "migration-operator");
        ObjectNode container = template.putObject("spec").put("serviceAccountName", OPERATOR_DEPLOYMENT)
                .putArray("containers").addObject();
        container.put("name", "operator").put("image", operatorImage(bundle)).put("imagePullPolicy", "Always");
        ArrayNode env = container.putArray("env");
        env.addObject().put("name", "OPERATOR_VERSION").put("value", bundle.version());
        for (FbcBundle.RelatedImage image : bundle.relatedImages()) {
            env.addObject().put("name", "RELATED_IMAGE_" + image.name().toUpperCase(Locale.ROOT)
                    .replaceAll("[^A-Z0-9]", "_")).put("value", image.image());
        }
        return spec;
    }

    private static String operatorImage(CatalogContent.Bundle bundle) {
        for (FbcBundle.RelatedImage image : bundle.relatedImages()) {
            if (image.name().equals("operator")) {
                return image.image();
            }
        }
        for (FbcBundle.RelatedImage image : bundle.relatedImages()) {
            if (image.image().contains("operator") && !image.image().contains("bundle")) {
                return image.image();
            }
        }
        return bundle.relatedImages().isEmpty() ? bundle.image() : bundle.relatedImages().get(0).image();
    }

    /** The MigrationController CRD the bundle ships: no schema, spec and status preserve unknown fields. */
    static ObjectNode migrationControllerCrd() {
        ObjectNode crd = Api.named("migrationcontrollers.migration.openshift.io", null);
        ObjectNode spec = crd.putObject("spec");
        spec.put("group", "migration.openshift.io").put("scope", "Namespaced");
        spec.putObject("names").put("kind", "MigrationController").put("listKind", "MigrationControllerList")
                .put("plural", "migrationcontrollers").put("singular", "migrationcontroller");
        ObjectNode version = spec.putArray("versions").addObject();
        version.put("name", "v1alpha1").put("served", true).put("storage", true);
        version.putObject("subresources").putObject("status");
        version.putObject("schema").putObject("openAPIV3Schema").put("type", "object")
                .put("x-kubernetes-preserve-unknown-fields", true);
        return crd;
    }

    static String operatorVersion(JsonNode container) {
        for (JsonNode env : container.path("env")) {
            if ("OPERATOR_VERSION".equals(env.path("name").asText())) {
                return env.path("value").asText(null);
            }
        }
        return null;
    }
}
