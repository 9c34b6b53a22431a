package io.mtcassistant.monitor;

import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import java.util.List;

/** The migration.openshift.io kinds the monitor reads, as fabric8 resource contexts. */
public final class MigResources {

    public static final String GROUP = "migration.openshift.io";
    public static final String VERSION = "v1alpha1";
    public static final String API_VERSION = GROUP + "/" + VERSION;
    public static final String NAMESPACE = "openshift-migration";

    public static final CustomResourceDefinitionContext MIG_PLAN = context("MigPlan", "migplans");
    public static final CustomResourceDefinitionContext MIG_MIGRATION = context("MigMigration", "migmigrations");
    public static final CustomResourceDefinitionContext MIG_CLUSTER = context("MigCluster", "migclusters");
    public static final CustomResourceDefinitionContext MIG_STORAGE = context("MigStorage", "migstorages");
    public static final CustomResourceDefinitionContext DIRECT_VOLUME_MIGRATION =
            context("DirectVolumeMigration", "directvolumemigrations");
    public static final CustomResourceDefinitionContext DIRECT_VOLUME_MIGRATION_PROGRESS =
            context("DirectVolumeMigrationProgress", "directvolumemigrationprogresses");
    public static final CustomResourceDefinitionContext DIRECT_IMAGE_MIGRATION =
            context("DirectImageMigration", "directimagemigrations");

    /** Every kind the monitor watches, in the order it loads them. */
    public static final List<CustomResourceDefinitionContext> WATCHED = List.of(MIG_PLAN, MIG_MIGRATION,
            DIRECT_VOLUME_MIGRATION, DIRECT_VOLUME_MIGRATION_PROGRESS, DIRECT_IMAGE_MIGRATION, MIG_CLUSTER,
            MIG_STORAGE);

    private MigResources() {
    }

    private static CustomResourceDefinitionContext context(String kind, String plural) {
        return new CustomResourceDefinitionContext.Builder().withGroup(GROUP).withVersion(VERSION).withKind(kind)
                .withPlural(plural).withScope("Namespaced").withName(plural + "." + GROUP).build();
    }
}
