package io.mtcassistant.sim.migration;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;

/**
 * The migration.openshift.io/v1alpha1 kinds the simulated MTC controller works with, and the simulation's own
 * CustomResourceDefinitions for them (schemas keep unknown fields: the simulation does not validate). The
 * MigrationController kind belongs to the simulated operator, not to this list.
 */
public enum MigrationKinds {
    MIG_PLAN("MigPlan", "migplans"),
    MIG_MIGRATION("MigMigration", "migmigrations"),
    MIG_CLUSTER("MigCluster", "migclusters"),
    MIG_STORAGE("MigStorage", "migstorages"),
    MIG_HOOK("MigHook", "mighooks"),
    MIG_ANALYTIC("MigAnalytic", "miganalytics"),
    DIRECT_VOLUME_MIGRATION("DirectVolumeMigration", "directvolumemigrations"),
    DIRECT_VOLUME_MIGRATION_PROGRESS("DirectVolumeMigrationProgress", "directvolumemigrationprogresses"),
    DIRECT_IMAGE_MIGRATION("DirectImageMigration", "directimagemigrations"),
    DIRECT_IMAGE_STREAM_MIGRATION("DirectImageStreamMigration", "directimagestreammigrations");

    public static final String GROUP = "migration.openshift.io";
    public static final String VERSION = "v1alpha1";
    public static final String API_VERSION = GROUP + "/" + VERSION;
    /** Where MTC keeps its objects. */
    public static final String NAMESPACE = "openshift-migration";

    private final String kind;
    private final String plural;

    MigrationKinds(String kind, String plural) {
        this.kind = kind;
        this.plural = plural;
    }

    public String kind() {
        return kind;
    }

    public String plural() {
        return plural;
    }

    public ResourceDefinitionContext context() {
        return new ResourceDefinitionContext.Builder().withGroup(GROUP).withVersion(VERSION).withKind(kind)
                .withPlural(plural).withNamespaced(true).build();
    }

    /** A namespaced v1 CRD with a status subresource, as the MTC bundle ships them. */
    public CustomResourceDefinition definition() {
        return new CustomResourceDefinitionBuilder().withNewMetadata().withName(plural + "." + GROUP).endMetadata()
                .withNewSpec().withGroup(GROUP).withScope("Namespaced")
                .withNewNames().withKind(kind).withListKind(kind + "List").withPlural(plural)
                .withSingular(kind.toLowerCase()).endNames()
                .addNewVersion().withName(VERSION).withServed(true).withStorage(true)
                .withNewSubresources().withNewStatus().endStatus().endSubresources()
                .withNewSchema().withOpenAPIV3Schema(new JSONSchemaPropsBuilder().withType("object")
                        .withXKubernetesPreserveUnknownFields(true).build()).endSchema()
                .endVersion().endSpec().build();
    }

    /**
     * Stores the CRDs of every kind in the cluster (those already there are left alone) and the
     * openshift-migration namespace, as installing MTC does.
     */
    public static void install(KubernetesClient client) {
        for (MigrationKinds kinds : values()) {
            createUnlessPresent(() -> client.apiextensions().v1().customResourceDefinitions()
                    .resource(kinds.definition()).create());
        }
        createUnlessPresent(() -> client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                .withNewMetadata().withName(NAMESPACE).endMetadata().build()).create());
    }

    private static void createUnlessPresent(Runnable create) {
        try {
            create.run();
        } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
        }
    }

    public static List<MigrationKinds> all() {
        return List.of(values());
    }
}
