package io.mtcassistant.sim.olm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mtcassistant.mirror.MirrorException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * OLM's catalog operator for grpc CatalogSources: CONNECTING first, then READY when the catalog image can be pulled
 * (through the mirror rules, from a registry the nodes reach) and read as a file-based catalog, TRANSIENT_FAILURE
 * with the pull error otherwise; re-checked every recheck interval. A READY catalog serves a PackageManifest per
 * package (in the catalog's namespace, labelled with the catalog), which goes away with it.
 */
final class CatalogSources implements Reconciler {

    static final String CATALOG_LABEL = "catalog";
    static final String CATALOG_NAMESPACE_LABEL = "catalog-namespace";

    @Override
    public void reconcile(Pass pass) {
        Set<String> seen = new HashSet<>();
        for (ObjectNode source : pass.api.list(Api.CATALOG_SOURCE, null)) {
            String key = Api.namespace(source) + "/" + Api.name(source);
            seen.add(key);
            observe(pass, source, key);
        }
        pass.state.catalogs().keySet().retainAll(seen);
        syncPackageManifests(pass);
    }

    private void observe(Pass pass, ObjectNode source, String key) {
        String image = source.path("spec").path("image").asText("");
        String state;
        String message = null;
        CatalogContent content = null;
        if (!pass.elapsed("catalog-connecting/" + Api.uid(source) + "/" + image, 1)) {
            state = "CONNECTING";
        } else if (pass.state.catalogFailure() != null) {
            state = "TRANSIENT_FAILURE";
            message = pass.state.catalogFailure();
        } else if (image.isEmpty()) {
            state = "TRANSIENT_FAILURE";
            message = "spec.image is empty: only grpc catalogs with an image are simulated";
        } else {
            ImagePuller.Pull pull = pass.pull(image);
            if (!pull.found()) {
                state = "TRANSIENT_FAILURE";
                message = "catalog pod cannot pull " + image + ": " + pull.message();
            } else {
                try {
                    content = pass.state.catalogReader().read(pass.state.puller(), pull.resolved(),
                            pass.speed().recheck());
                    state = "READY";
                } catch (MirrorException | java.io.UncheckedIOException e) {
                    state = "TRANSIENT_FAILURE";
                    message = "the catalog's registry server cannot serve " + image + ": " + e.getMessage();
                }
            }
        }
        if (content != null) {
            pass.state.catalogs().put(key, content);
        } else {
            pass.state.catalogs().remove(key);
        }
        JsonNode current = source.path("status");
        if (state.equals(current.path("connectionState").path("lastObservedState").asText())
                && java.util.Objects.equals(message, current.path("message").asText(null))) {
            return;
        }
        ObjectNode status = Api.object();
        String name = Api.name(source);
        String namespace = Api.namespace(source);
        status.putObject("connectionState").put("address", name + "." + namespace + ".svc:50051")
                .put("lastConnect", Api.now()).put("lastObservedState", state);
        status.putObject("registryService").put("createdAt", Api.now()).put("port", "50051")
                .put("protocol", "grpc").put("serviceName", name).put("serviceNamespace", namespace);
        if (message != null) {
            status.put("message", message);
            status.put("reason", "RegistryServerError");
        }
        source.set("status", status);
        pass.api.writeStatus(Api.CATALOG_SOURCE, source);
    }

    /** One PackageManifest per package of every READY catalog; none for catalogs that are gone or not READY. */
    private void syncPackageManifests(Pass pass) {
        Map<String, CatalogContent> catalogs = pass.state.catalogs();
        Set<String> wanted = new HashSet<>();
        pass.api.list(Api.PACKAGE_MANIFEST, null);
        for (Map.Entry<String, CatalogContent> catalog : catalogs.entrySet()) {
            String[] parts = catalog.getKey().split("/", 2);
            for (CatalogContent.PackageContent content : catalog.getValue().packages().values()) {
                wanted.add(parts[0] + "/" + content.name());
                ObjectNode manifest = packageManifest(parts[0], parts[1], content);
                ObjectNode existing = pass.api.get(Api.PACKAGE_MANIFEST, parts[0], content.name());
                if (existing == null) {
                    pass.api.create(Api.PACKAGE_MANIFEST, manifest);
                } else if (!manifest.path("status").equals(existing.path("status"))) {
                    existing.set("status", manifest.get("status"));
                    pass.api.writeStatus(Api.PACKAGE_MANIFEST, existing);
                }
            }
        }
        for (ObjectNode manifest : pass.api.list(Api.PACKAGE_MANIFEST, null)) {
            boolean ours = manifest.path("metadata").path("labels").has(CATALOG_LABEL);
            if (ours && !wanted.contains(Api.namespace(manifest) + "/" + Api.name(manifest))) {
                pass.api.delete(Api.PACKAGE_MANIFEST, manifest);
            }
        }
    }

    private static ObjectNode packageManifest(String namespace, String catalog, CatalogContent.PackageContent content) {
        ObjectNode manifest = Api.named(content.name(), namespace);
        manifest.with("metadata").putObject("labels").put(CATALOG_LABEL, catalog)
                .put(CATALOG_NAMESPACE_LABEL, namespace).put("operatorframework.io/arch.amd64", "supported");
        manifest.putObject("spec");
        ObjectNode status = manifest.putObject("status");
        status.put("catalogSource", catalog).put("catalogSourceNamespace", namespace)
                .put("catalogSourceDisplayName", catalog).put("catalogSourcePublisher", "")
                .put("packageName", content.name());
        if (content.defaultChannel() != null) {
            status.put("defaultChannel", content.defaultChannel());
        }
        ArrayNode channels = status.putArray("channels");
        for (CatalogContent.Channel channel : content.channels().values()) {
            CatalogContent.Bundle head = channel.head();
            ObjectNode entry = channels.addObject();
            entry.put("name", channel.name()).put("currentCSV", head.csvName());
            ObjectNode description = entry.putObject("currentCSVDesc");
            description.put("displayName", content.name()).put("version", head.version());
            ArrayNode related = description.putArray("relatedImages");
            head.relatedImages().forEach(r -> related.add(r.image()));
            description.putArray("installModes").addObject().put("type", "OwnNamespace").put("supported", true);
            ArrayNode entries = entry.putArray("entries");
            for (int i = channel.bundles().size() - 1; i >= 0; i--) {
                CatalogContent.Bundle bundle = channel.bundles().get(i);
                entries.addObject().put("name", bundle.csvName()).put("version", bundle.version());
            }
        }
        return manifest;
    }
}
