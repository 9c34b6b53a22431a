/**
 * The transfer engine: copies container images with their digests intact.
 *
 * <ul>
 *   <li>{@link io.mtcassistant.mirror.engine.ImageCopy} copies one image (skopeo-like) between
 *       {@code docker://} and {@code oci:} references.</li>
 *   <li>{@link io.mtcassistant.mirror.MirrorService} mirrors an image set
 *       ({@link io.mtcassistant.mirror.plan.ImageSetConfig}) registry to registry, registry to
 *       archive, archive to registry, writes the results folder and resumes through a
 *       {@link io.mtcassistant.mirror.journal.MirrorJournal}.</li>
 *   <li>{@link io.mtcassistant.mirror.engine.TransferListener} reports progress (per-image state,
 *       bytes); {@link io.mtcassistant.mirror.engine.ActivityTransferListener} feeds the activity log.</li>
 *   <li>{@link io.mtcassistant.mirror.registry.RegistryAccess} holds credentials, proxy and TLS
 *       settings and hands out {@link io.mtcassistant.mirror.registry.RegistryClient}s.</li>
 *   <li>Failures are {@link io.mtcassistant.mirror.MirrorException}s with a {@code Kind} and a
 *       message meant for people; {@code isBadInput()} maps to exit code 2.</li>
 * </ul>
 *
 * Operator catalogs ({@code mirror.operators} of an image set) are resolved, filtered and rebuilt by
 * {@link io.mtcassistant.mirror.catalog.CatalogMirror}, which plans its images and runs them through this
 * engine; {@link io.mtcassistant.mirror.MirrorService} itself mirrors {@code additionalImages}.
 * Tests reuse {@code io.mtcassistant.mirror.testsupport.LocalRegistry} (a real distribution
 * registry on loopback), {@code TokenServer}, {@code TestImages} and {@code Skopeo}.
 */
package io.mtcassistant.mirror;
