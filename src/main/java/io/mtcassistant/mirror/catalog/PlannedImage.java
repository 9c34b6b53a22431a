package io.mtcassistant.mirror.catalog;

import io.mtcassistant.mirror.plan.MirrorItem;

/**
 * One image of a catalog mirror plan: source, tagged destination, why it is needed (purpose and a
 * detail such as "mtc-operator.v1.8.1 relatedImage openshift_migration_controller"), and its size
 * in bytes when known (-1 otherwise).
 */
public record PlannedImage(MirrorItem item, ImagePurpose purpose, String detail, long sizeBytes) {
}
