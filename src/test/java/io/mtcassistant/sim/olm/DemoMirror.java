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

    @Override
    public void close() {
        registry.close();
    }
}
