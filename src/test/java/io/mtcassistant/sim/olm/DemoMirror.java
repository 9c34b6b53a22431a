package io.mtcassistant.sim.olm;

import io.mtcassistant.mirror.catalog.demo.DemoCatalog;
import io.mtcassistant.mirror.engine.TransferListener;
import io.mtcassistant.mirror.registry.CredentialStore;
import io.mtcassistant.mirror.registry.ProxySettings;
import io.mtcassistant.mirror.registry.RegistryAccess;
import io.mtcassistant.sim.registry.SimulatedMirrorRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A simulated mirror registry holding the synthetic demo catalog and images, pushed with our transfer engine. */
final class DemoMirror implements AutoCloseable {

    final SimulatedMirrorRegistry registry;
    final DemoCatalog.Contents contents;

    DemoMirror(Path dir) {
        registry = SimulatedMirrorRegistry.start(dir.resolve("mirror-ca.pem"));
        contents = DemoCatalog.write(dir.resolve("demo-layout"), DemoCatalog.DEFAULT_HOST);
        RegistryAccess access = new RegistryAccess(CredentialStore.empty(), ProxySettings.none(),
                Map.of(registry.endpoint(), List.of(registry.caFile())));
        DemoCatalog.push(contents, access, registry.endpoint(), true, TransferListener.NONE);
    }

    String index() {
        return registry.endpoint() + "/" + DemoCatalog.INDEX_REPOSITORY + ":" + DemoCatalog.INDEX_TAG;
    }

    /** The demo catalog as a CatalogSource in openshift-marketplace, and the ICSP that sends pulls to this mirror. */
    String catalogSourceAndIcspYaml(String catalogName) {
        return """
                apiVersion: operators.coreos.com/v1alpha1
                kind: CatalogSource
                metadata: {name: %s, namespace: openshift-marketplace}
                spec: {sourceType: grpc, image: "%s"}
                ---
                apiVersion: operator.openshift.io/v1alpha1
                kind: ImageContentSourcePolicy
                metadata: {name: mtc-mirror}
                spec:
                  repositoryDigestMirrors:
                  - {source: registry.redhat.io/rhmtc, mirrors: ["%s/rhmtc"]}
                  - {source: registry.redhat.io/oadp, mirrors: ["%s/oadp"]}
                """.formatted(catalogName, index(), registry.endpoint(), registry.endpoint());
    }

    /** Creates every object of a YAML stream, as {@code oc create -f} would. */
    static void createAll(io.fabric8.kubernetes.client.KubernetesClient client, String yaml) {
        for (var object : io.mtcassistant.install.plan.KubeObjects.parseAll(yaml, "the test's YAML")) {
            client.genericKubernetesResources(object.getApiVersion(), object.getKind()).resource(object).create();
        }
    }

    @Override
    public void close() {
        registry.close();
    }
}
