/**
 * A simulated MTC migration controller for the demo, `mtc-assistant simulate` and tests. A simulation, not MTC:
 * nothing is backed up, copied or restored; it writes the objects MTC writes, in MTC's shapes.
 *
 * <p>What it does: the migration.openshift.io/v1alpha1 CRDs of MigPlan, MigMigration, MigCluster, MigStorage,
 * MigHook, MigAnalytic, DirectVolumeMigration, DirectVolumeMigrationProgress, DirectImageMigration and
 * DirectImageStreamMigration ({@link io.mtcassistant.sim.migration.MigrationKinds}); MigPlan conditions (Ready when
 * its MigClusters and MigStorage exist and do not say they are not Ready, Critical Invalid*Ref otherwise, Closed);
 * MigMigrations run through the MTC 1.7 or 1.8 Stage, Final (cutover), Rollback, Cancel and Failed itineraries
 * (resource files itineraries-1.7.txt / itineraries-1.8.txt, checked against mig-controller's in the tests) with
 * phase, itinerary, pipeline steps (started, completed, phase, message, progress, failed, skipped), conditions
 * (Running "Step: n/total", Ready, Succeeded, SucceededWithWarnings, Failed with errors, Canceling, Canceled,
 * DirectVolumeMigrationBlocked, PlanNotReady, InvalidPlanRef), Velero and DVM progress lines, and
 * DirectVolumeMigration / DirectVolumeMigrationProgress objects with moving percentages and rates. Trouble is
 * planted with {@link io.mtcassistant.sim.migration.MigrationFaults} (API or annotations); time runs at an
 * adjustable scale. {@link io.mtcassistant.sim.migration.SimulatedMigrationLoad} is a bounded benchmark load.
 *
 * New MigPlans get PV discovery from the simulated source's claims ({@code PvDiscovery}) and the plan warnings
 * PlanConflict, PvCapacityAdjustmentRequired, GVKsIncompatible (the namespaced APIs of Kubernetes' deprecation guide
 * up to 1.26, no real API discovery) and ClusterVersionMismatch; remote MigClusters are validated by their token
 * ({@code ClusterValidation}) and MigStorages by an S3 write to their bucket ({@code StorageValidation}).
 *
 * <p>What it does NOT do: no DirectImageMigration or
 * DirectImageStreamMigration objects (only the DirectImage step's progress line), no MigHook jobs (hook steps only
 * take time), no Velero Backup/Restore or rsync pod objects, no MigAnalytic numbers, no refresh, no
 * observedDigest-driven re-reconcile of a changed spec other than spec.canceled, no deletion of child objects when a
 * MigMigration is deleted (no garbage collection in the mock), and no pausing of migrations while the plan is
 * suspended. A controller restarted on a cluster ignores migrations that already have a status. Progress
 * durations and timestamps are wall-clock; percentages follow simulated time.
 */
package io.mtcassistant.sim.migration;
