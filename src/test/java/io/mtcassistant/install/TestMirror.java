package io.mtcassistant.install;

import io.mtcassistant.mirror.ImageReference;
import io.mtcassistant.mirror.catalog.demo.DemoCatalog;
import io.mtcassistant.mirror.layout.OciLayout;
import io.mtcassistant.mirror.engine.TransferListener;
import io.mtcassistant.mirror.registry.CredentialStore;
import io.mtcassistant.mirror.registry.ProxySettings;
import io.mtcassistant.mirror.registry.RegistryAccess;
import io.mtcassistant.sim.registry.SimulatedMirrorRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The simulated mirror registry with the synthetic demo catalog pushed into it, and a results folder naming it. */
final class TestMirror implements AutoCloseable {

    final SimulatedMirrorRegistry registry;
    final Path results;
    final DemoCatalog.Contents contents;

    TestMirror(Path dir) {
        registry = SimulatedMirrorRegistry.start(dir.resolve("mirror-ca.pem"));
        contents = DemoCatalog.write(dir.resolve("demo-layout"), DemoCatalog.DEFAULT_HOST);
        RegistryAccess access = new RegistryAccess(CredentialStore.empty(), ProxySettings.none(),
                Map.of(registry.endpoint(), List.of(registry.caFile())));
        DemoCatalog.push(contents, access, registry.endpoint(), true, TransferListener.NONE);
        results = writeResults(dir.resolve("results"), registry.endpoint(), contents);
    }

    /**
     * A results folder as a mirror run of the demo content into {@code host} writes it: every image by tag and by
     * digest in mapping.txt, ImageContentSourcePolicy, ImageDigestMirrorSet and the CatalogSource.
     */
    static Path writeResults(Path results, String host, DemoCatalog.Contents contents) {
        String index = DemoCatalog.DEFAULT_HOST + "/" + DemoCatalog.INDEX_REPOSITORY + ":" + DemoCatalog.INDEX_TAG;
        try {
            Files.createDirectories(results);
            // every pushed image by tag and by digest, as a mirror run of the demo content writes it
            StringBuilder mapping = new StringBuilder(index + "=" + host + "/" + DemoCatalog.INDEX_REPOSITORY + ":"
                    + DemoCatalog.INDEX_TAG + "\n");
            for (OciLayout.Entry entry : new OciLayout(contents.layoutDir()).entries()) {
                ImageReference source = ImageReference.parseRegistry(entry.refName());
                if (entry.refName().equals(index)) {
                    continue;
                }
                String mirrored = host + "/" + source.repository();
                mapping.append(entry.refName()).append('=').append(mirrored).append(':').append(source.tag()).append('\n');
                mapping.append(DemoCatalog.DEFAULT_HOST).append('/').append(source.repository()).append('@')
                        .append(entry.descriptor().digest()).append('=').append(mirrored).append(':').append(source.tag()).append('\n');
            }
            Files.writeString(results.resolve("mapping.txt"), mapping.toString());
            String mirrors = """
                    apiVersion: %s
                    kind: %s
                    metadata: {name: %s}
                    spec:
                      %s:
                      - {source: registry.redhat.io/rhmtc, mirrors: ["%s/rhmtc"]}
                      - {source: registry.redhat.io/oadp, mirrors: ["%s/oadp"]}
                    """;
            Files.writeString(results.resolve("imageContentSourcePolicy.yaml"), mirrors.formatted(
                    "operator.openshift.io/v1alpha1", "ImageContentSourcePolicy", "generic-0", "repositoryDigestMirrors", host, host));
            Files.writeString(results.resolve("imageDigestMirrorSet.yaml"), mirrors.formatted(
                    "config.openshift.io/v1", "ImageDigestMirrorSet", "idms-generic-0", "imageDigestMirrors", host, host));
            Files.writeString(results.resolve("catalogSource-redhat-operator-index.yaml"), """
                    apiVersion: operators.coreos.com/v1alpha1
                    kind: CatalogSource
                    metadata: {name: redhat-operator-index, namespace: openshift-marketplace}
                    spec: {sourceType: grpc, image: "%s/%s:%s", displayName: MTC mirror}
                    """.formatted(host, DemoCatalog.INDEX_REPOSITORY, DemoCatalog.INDEX_TAG));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return results;
    }

    @Override
    public void close() {
        registry.close();
    }
}
