package io.mtcassistant.sim.olm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * OLM's resolver for Subscriptions: from the named catalog (READY only) it picks the CSV to install (the
 * {@code startingCSV} on a first install, else the channel's head) and creates an InstallPlan for it (approved at
 * once when {@code installPlanApproval} is Automatic); after the plan completes it records the installed CSV and,
 * when the channel has a newer one (also after the channel is changed to a newer line), opens the next InstallPlan
 * for its head, which replaces the installed CSV (state UpgradePending). Unknown package, channel or
 * starting CSV: a ResolutionFailed condition and no InstallPlan; a missing or unhealthy catalog:
 * CatalogSourcesUnhealthy.
 */
final class Subscriptions implements Reconciler {

    static final String OWNER_LABEL = "operators.coreos.com/owner-subscription";

    @Override
    public void reconcile(Pass pass) {
        for (ObjectNode subscription : pass.api.list(Api.SUBSCRIPTION, null)) {
            reconcile(pass, subscription);
        }
    }

    private void reconcile(Pass pass, ObjectNode subscription) {
        JsonNode spec = subscription.path("spec");
        String name = Api.name(subscription);
        String namespace = Api.namespace(subscription);
        String packageName = spec.path("name").asText("");
        String sourceName = spec.path("source").asText("");
        String sourceNamespace = spec.path("sourceNamespace").asText(namespace);
        JsonNode oldStatus = subscription.path("status");
        ObjectNode status = oldStatus instanceof ObjectNode node ? node.deepCopy() : Api.object();
        ArrayNode conditions = Api.array();
        CatalogContent catalog = pass.state.catalogs().get(sourceNamespace + "/" + sourceName);
        if (catalog == null) {
            boolean exists = pass.api.get(Api.CATALOG_SOURCE, sourceNamespace, sourceName) != null;
            conditions.add(Api.newCondition("CatalogSourcesUnhealthy", true, "UnhealthyCatalogSourceFound",
                    "targeted catalogsource " + sourceNamespace + "/" + sourceName + (exists ? " unhealthy" : " missing")));
            write(pass, subscription, status, conditions);
            return;
        }
        conditions.add(Api.newCondition("CatalogSourcesUnhealthy", false, "AllCatalogSourcesHealthy",
                "all available catalogsources are healthy"));
        CatalogContent.PackageContent content = catalog.packages().get(packageName);
        String channelName = spec.path("channel").asText(content == null ? "" : content.defaultChannel());
        CatalogContent.Channel channel = content == null ? null : content.channels().get(channelName);
        String referenced = " in the catalog referenced by subscription " + name;
        if (content == null || channel == null) {
            conditions.add(Api.newCondition("ResolutionFailed", true, "ConstraintsNotSatisfiable",
                    content == null ? "no operators found in package " + packageName + referenced
                            : "no operators found in channel " + channelName + " of package " + packageName + referenced));
            write(pass, subscription, status, conditions);
            return;
        }
        String installed = status.path("installedCSV").asText(null);
        String startingCsv = spec.path("startingCSV").asText(null);
        String target;
        if (installed == null && startingCsv != null) {
            if (channel.bundle(startingCsv).isEmpty()) {
                conditions.add(Api.newCondition("ResolutionFailed", true, "ConstraintsNotSatisfiable",
                        "no operators found with name " + startingCsv + " in channel " + channelName + " of package "
                                + packageName + referenced));
                write(pass, subscription, status, conditions);
                return;
            }
            target = startingCsv;
        } else {
            target = channel.head().csvName();
        }
        ObjectNode plan = planFor(pass, namespace, name, target).orElse(null);
        if (plan != null && "Complete".equals(plan.path("status").path("phase").asText())) {
            status.put("installedCSV", target);
            installed = target;
            target = channel.head().csvName();
            plan = target.equals(installed) ? plan : planFor(pass, namespace, name, target).orElse(null);
        }
        status.put("currentCSV", target);
        if (target.equals(installed)) {
            status.put("state", "AtLatestKnown");
        } else {
            if (plan == null) {
                plan = InstallPlans.create(pass, subscription, catalog, sourceNamespace, sourceName,
                        channel.bundle(target).orElseThrow(), installed);
            }
            status.put("state", "UpgradePending");
            String phase = plan.path("status").path("phase").asText("");
            if ("RequiresApproval".equals(phase)) {
                conditions.add(Api.newCondition("InstallPlanPending", true, "RequiresApproval", null));
            } else if ("Installing".equals(phase)) {
                conditions.add(Api.newCondition("InstallPlanPending", true, "Installing", null));
            }
        }
        if (plan != null) {
            ObjectNode reference = status.putObject("installPlanRef");
            reference.put("apiVersion", Api.apiVersion(Api.INSTALL_PLAN)).put("kind", "InstallPlan")
                    .put("name", Api.name(plan)).put("namespace", namespace).put("uid", Api.uid(plan));
            status.putObject("installplan").put("apiVersion", Api.apiVersion(Api.INSTALL_PLAN))
                    .put("kind", "InstallPlan").put("name", Api.name(plan)).put("uuid", Api.uid(plan));
            status.put("installPlanGeneration", 1);
        }
        write(pass, subscription, status, conditions);
    }

    /** The InstallPlan this subscription opened for a CSV. */
    static Optional<ObjectNode> planFor(Pass pass, String namespace, String subscription, String csv) {
        for (ObjectNode plan : pass.api.list(Api.INSTALL_PLAN, namespace)) {
            boolean ours = subscription.equals(plan.path("metadata").path("labels").path(OWNER_LABEL).asText());
            for (JsonNode name : plan.path("spec").path("clusterServiceVersionNames")) {
                if (ours && csv.equals(name.asText())) {
                    return Optional.of(plan);
                }
            }
        }
        return Optional.empty();
    }

    private static void write(Pass pass, ObjectNode subscription, ObjectNode status, ArrayNode conditions) {
        status.set("conditions", conditions);
        if (Api.sameIgnoringTimes(status, subscription.path("status"))) {
            return;
        }
        status.put("lastUpdated", Api.now());
        subscription.set("status", status);
        pass.api.writeStatus(Api.SUBSCRIPTION, subscription);
    }
}
