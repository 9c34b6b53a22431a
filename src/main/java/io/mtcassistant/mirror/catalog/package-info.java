/**
 * Operator catalogs: MTC (and the OADP package its bundles require) out of a Red Hat index image.
 *
 * <p>Engine API for the Mirroring step:
 * <ul>
 *   <li>{@link io.mtcassistant.mirror.catalog.CatalogRequest} what to take: the index image, package
 *       selections ({@link io.mtcassistant.mirror.catalog.PackageSelection}: channel, minVersion),
 *       the legacy operator image, additional images. {@code CatalogRequest.mtc(...)} and
 *       {@code CatalogRequest.fromMigrationPlan(plan, index)} build it; {@link
 *       io.mtcassistant.mirror.catalog.OperatorImageSet} reads it from an ImageSetConfiguration.</li>
 *   <li>{@link io.mtcassistant.mirror.catalog.CatalogMirror#plan} reads the index's /configs (no opm,
 *       no podman), filters it ({@link io.mtcassistant.mirror.catalog.CatalogFilter}: chosen channels
 *       plus olm.package.required dependencies), rebuilds the catalog image
 *       ({@link io.mtcassistant.mirror.catalog.FilteredCatalogImage}) and returns a
 *       {@link io.mtcassistant.mirror.catalog.CatalogPlan}: every image as a
 *       {@link io.mtcassistant.mirror.catalog.PlannedImage} with its
 *       {@link io.mtcassistant.mirror.catalog.ImagePurpose}; {@code measure(plan)} adds sizes.</li>
 *   <li>{@code run(plan, resultsDir, journal)} (registry to registry), {@code runToArchive} and
 *       {@code runFromArchive} copy through the transfer engine (progress on the
 *       {@link io.mtcassistant.mirror.engine.TransferListener}, {@code cancel()} stops) and return a
 *       {@link io.mtcassistant.mirror.catalog.CatalogMirrorResult}: the mirrored catalog image and
 *       digest, the legacy operator image by digest in the mirror, the CatalogSource file.</li>
 * </ul>
 * Demo content: {@link io.mtcassistant.mirror.catalog.demo.DemoCatalog} (synthetic, deterministic).
 */
package io.mtcassistant.mirror.catalog;
