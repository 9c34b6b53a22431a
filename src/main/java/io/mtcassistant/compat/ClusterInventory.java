package io.mtcassistant.compat;

import java.util.List;

/**
 * What the probe read from one cluster for the MTC and restricted-network checks. Null parts were not
 * readable (see problems) or do not apply (OpenShift 3 has no OperatorHub, proxy/cluster or mirror policies).
 *
 * @param migrationNamespace   whether namespace openshift-migration exists
 * @param migrationControllers MigrationController resources in it
 * @param subscriptions        OLM Subscriptions in it
 * @param csvs                 ClusterServiceVersions in it whose name starts with the MTC package
 * @param operatorVersion      ConfigMap migration-cluster-config data.OPERATOR_VERSION; null when absent
 * @param operatorHub          OperatorHub "cluster"; null when not read
 * @param proxy                Proxy "cluster"; null when not read
 * @param mirrorPolicies       ImageContentSourcePolicy / ImageDigestMirrorSet; null when not read
 * @param problems             what could not be read, in plain words
 */
public record ClusterInventory(
        boolean migrationNamespace,
        List<ExistingMigrationController> migrationControllers,
        List<ExistingSubscription> subscriptions,
        List<ExistingCsv> csvs,
        String operatorVersion,
        OperatorHubState operatorHub,
        ClusterProxy proxy,
        MirrorPolicies mirrorPolicies,
        List<String> problems) {

    public ClusterInventory {
        migrationControllers = migrationControllers == null ? List.of() : List.copyOf(migrationControllers);
        subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
        csvs = csvs == null ? List.of() : List.copyOf(csvs);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** Nothing of MTC and nothing read about the restricted network (a base for tests and OpenShift 3). */
    public static ClusterInventory empty() {
        return new ClusterInventory(false, List.of(), List.of(), List.of(), null, null, null, null, List.of());
    }

    public ClusterInventory withMigrationNamespace(boolean exists) {
        return new ClusterInventory(exists, migrationControllers, subscriptions, csvs, operatorVersion, operatorHub, proxy,
                mirrorPolicies, problems);
    }

    public ClusterInventory withMigrationControllers(List<ExistingMigrationController> controllers) {
        return new ClusterInventory(migrationNamespace, controllers, subscriptions, csvs, operatorVersion, operatorHub, proxy,
                mirrorPolicies, problems);
    }

    public ClusterInventory withSubscriptions(List<ExistingSubscription> subs) {
        return new ClusterInventory(migrationNamespace, migrationControllers, subs, csvs, operatorVersion, operatorHub, proxy,
                mirrorPolicies, problems);
    }

    public ClusterInventory withCsvs(List<ExistingCsv> list) {
        return new ClusterInventory(migrationNamespace, migrationControllers, subscriptions, list, operatorVersion, operatorHub,
                proxy, mirrorPolicies, problems);
    }

    public ClusterInventory withOperatorHub(OperatorHubState hub) {
        return new ClusterInventory(migrationNamespace, migrationControllers, subscriptions, csvs, operatorVersion, hub, proxy,
                mirrorPolicies, problems);
    }

    public ClusterInventory withProxy(ClusterProxy clusterProxy) {
        return new ClusterInventory(migrationNamespace, migrationControllers, subscriptions, csvs, operatorVersion, operatorHub,
                clusterProxy, mirrorPolicies, problems);
    }

    public ClusterInventory withMirrorPolicies(MirrorPolicies policies) {
        return new ClusterInventory(migrationNamespace, migrationControllers, subscriptions, csvs, operatorVersion, operatorHub,
                proxy, policies, problems);
    }

    /** True when anything of an MTC install is there. */
    public boolean hasMtc() {
        return !migrationControllers.isEmpty() || !subscriptions.isEmpty() || !csvs.isEmpty() || operatorVersion != null;
    }

    /**
     * A MigrationController, Subscription, CSV or the MTC ConfigMap in openshift-migration.
     *
     * @param name       resource name
     * @param version    spec.version (the operator writes its version there)
     * @param controller spec.migration_controller; null when unset
     * @param ui         spec.migration_ui; null when unset
     */
    public record ExistingMigrationController(String name, String version, Boolean controller, Boolean ui) {
    }

    /** An OLM Subscription: package (spec.name), channel, catalog source, installed CSV, state. */
    public record ExistingSubscription(String name, String packageName, String channel, String source, String installedCsv,
            String state) {
    }

    /** A ClusterServiceVersion: name, spec.version, status.phase. */
    public record ExistingCsv(String name, String version, String phase) {
    }

    /**
     * OperatorHub "cluster".
     *
     * @param exists                   whether the object exists
     * @param disableAllDefaultSources spec.disableAllDefaultSources (false when unset)
     * @param disabledSources          spec.sources entries with disabled: true
     * @param enabledSources           spec.sources entries with disabled: false
     */
    public record OperatorHubState(boolean exists, boolean disableAllDefaultSources, List<String> disabledSources,
            List<String> enabledSources) {

        public OperatorHubState {
            disabledSources = disabledSources == null ? List.of() : List.copyOf(disabledSources);
            enabledSources = enabledSources == null ? List.of() : List.copyOf(enabledSources);
        }
    }

    /** Proxy "cluster" spec (status values are used when spec is empty); exists=false when the object is absent. */
    public record ClusterProxy(boolean exists, String httpProxy, String httpsProxy, String noProxy, String trustedCa) {

        public boolean isSet() {
            return exists && (notBlank(httpProxy) || notBlank(httpsProxy));
        }

        private static boolean notBlank(String text) {
            return text != null && !text.isBlank();
        }
    }

    /**
     * Image mirror policies.
     *
     * @param icsp        ImageContentSourcePolicy names
     * @param idms        ImageDigestMirrorSet names (empty before 4.13, where the API does not exist)
     * @param idmsApi     whether the ImageDigestMirrorSet API was available
     * @param mirrored    every source repository the policies mirror (e.g. "registry.redhat.io/rhmtc")
     */
    public record MirrorPolicies(List<String> icsp, List<String> idms, boolean idmsApi, List<String> mirrored) {

        public MirrorPolicies {
            icsp = icsp == null ? List.of() : List.copyOf(icsp);
            idms = idms == null ? List.of() : List.copyOf(idms);
            mirrored = mirrored == null ? List.of() : List.copyOf(mirrored);
        }
    }
}
