package io.mtcassistant.mirror.engine;

import io.mtcassistant.mirror.Descriptor;
import io.mtcassistant.mirror.DigestingInputStream;
import io.mtcassistant.mirror.Manifest;
import io.mtcassistant.mirror.registry.BlobSource;
import io.mtcassistant.mirror.registry.RegistryClient;
import io.mtcassistant.mirror.registry.UploadSessions;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.LongConsumer;

/** A repository in a registry. */
public final class RegistryStore implements ImageStore {

    private final RegistryClient client;
    private final String repository;

    public RegistryStore(RegistryClient client, String repository) {
        this.client = client;
        this.repository = repository;
    }

    @Override
    public String describe() {
        return "docker://" + client.registry() + "/" + repository;
    }

    @Override
    public Manifest fetchManifest(String reference, Descriptor expected) {
        return client.getManifest(repository, reference, expected);
    }

    @Override
    public InputStream openBlob(Descriptor blob, LongConsumer progress) {
        return new DigestingInputStream(client.openBlob(repository, blob.digest()), blob.digest(), blob.size(),
                "blob of " + describe(), progress);
    }

    @Override
    public BlobBody openBlobFrom(Descriptor blob, long offset) {
        RegistryClient.BlobBody b = client.openBlob(repository, blob.digest(), offset);
        return new BlobBody(b.body(), b.start(), false);
    }

    @Override
    public boolean hasBlob(Descriptor blob) {
        return client.headBlob(repository, blob.digest()).isPresent();
    }

    @Override
    public void putBlob(Descriptor blob, InputStream verified) {
        client.uploadBlob(repository, blob, verified);
    }

    @Override
    public void putBlob(Descriptor blob, BlobSource source, UploadSessions sessions, LongConsumer progress) {
        client.uploadBlob(repository, blob, source, sessions, progress);
    }

    @Override
    public Optional<String> manifestDigest(String reference) {
        return client.headManifest(repository, reference);
    }

    @Override
    public void putManifest(Manifest manifest, String reference) {
        client.putManifest(repository, reference, manifest);
    }

    @Override
    public String blobKey(String digest) {
        return client.registry() + "/" + repository + "@" + digest;
    }

    @Override
    public String mountDomain() {
        return client.registry();
    }

    @Override
    public String repository() {
        return repository;
    }

    @Override
    public boolean mount(Descriptor blob, String fromRepository) {
        return client.mountBlob(repository, blob.digest(), fromRepository);
    }

    @Override
    public String limiterKey() {
        return client.registry();
    }
}
