package io.mtcassistant.install;

import java.nio.file.Path;

/** {@link TestMirror} for tests in other packages. */
public final class TestMirrorAccess implements AutoCloseable {

    private final TestMirror mirror;

    private TestMirrorAccess(TestMirror mirror) {
        this.mirror = mirror;
    }

    public static TestMirrorAccess start(Path dir) {
        return new TestMirrorAccess(new TestMirror(dir));
    }

    /** The results folder a mirror run of the demo content into {@code host} writes (see {@link TestMirror}). */
    public static Path writeResults(Path results, String host, io.mtcassistant.mirror.catalog.demo.DemoCatalog.Contents contents) {
        return TestMirror.writeResults(results, host, contents);
    }

    public String endpoint() {
        return mirror.registry.endpoint();
    }

    public Path caFile() {
        return mirror.registry.caFile();
    }

    public Path results() {
        return mirror.results;
    }

    @Override
    public void close() {
        mirror.close();
    }
}
