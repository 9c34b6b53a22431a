package io.mtcassistant.storage;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/** API groups and kinds the repository step reads and writes. */
public final class StorageApis {

    public static final String NOOBAA_API = "noobaa.io/v1alpha1";
    public static final String NOOBAA = "NooBaa";
    public static final String OBC_API = "objectbucket.io/v1alpha1";
    public static final String OBC = "ObjectBucketClaim";
    public static final String MIGRATION_API = "migration.openshift.io/v1alpha1";
    public static final String MIG_STORAGE = "MigStorage";
    public static final String MIG_CLUSTER = "MigCluster";
    public static final String MIGRATION_NAMESPACE = "openshift-migration";
    public static final String CONFIG_NAMESPACE = "openshift-config";
    public static final String NOOBAA_STORAGE_CLASS = "openshift-storage.noobaa.io";

    public static final ResourceDefinitionContext NOOBAAS = context("noobaa.io", NOOBAA, "noobaas");
    public static final ResourceDefinitionContext BUCKET_CLAIMS = context("objectbucket.io", OBC, "objectbucketclaims");
    public static final ResourceDefinitionContext MIG_STORAGES = context("migration.openshift.io", MIG_STORAGE,
            "migstorages");
    public static final ResourceDefinitionContext MIG_CLUSTERS = context("migration.openshift.io", MIG_CLUSTER,
            "migclusters");

    private static ResourceDefinitionContext context(String group, String kind, String plural) {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion("v1alpha1").withKind(kind)
                .withPlural(plural).withNamespaced(true).build();
    }

    private StorageApis() {
    }
}
