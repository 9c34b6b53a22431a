/**
 * The Mirroring step without a screen (no JavaFX here): {@link io.mtcassistant.mirror.session.MirroringSession} turns a
 * {@link io.mtcassistant.mirror.session.MirrorSetup} into a plan (every image, why, size, and the disk check for
 * archives) through {@link io.mtcassistant.mirror.catalog.CatalogMirror}, runs it (registry to registry, to an archive,
 * or from an archive), stops on request and resumes from the engine's journal.
 * {@link io.mtcassistant.mirror.session.ProgressTracker} turns the engine's events into rows and byte counts that a
 * screen reads at its own pace; {@link io.mtcassistant.mirror.session.RunRecord} remembers an unfinished run across a
 * restart (never the password).
 *
 * <p>Demo mode: {@link io.mtcassistant.mirror.catalog.demo.DemoCatalog} content is generated once in the cache folder
 * and served read-only by {@link io.mtcassistant.mirror.session.DemoSourceRegistry} on 127.0.0.1 (TLS with a throw-away
 * certificate), with {@link io.mtcassistant.mirror.registry.RegistryAccess} sending registry.redhat.io there; the
 * synthetic images are not Red Hat software.
 */
package io.mtcassistant.mirror.session;
