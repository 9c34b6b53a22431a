package io.mtcassistant.sim.migration;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * One simulated DirectVolumeMigration: its rsync transfers per PVC with moving percentages and rates, and the
 * DVM and DirectVolumeMigrationProgress objects that show them.
 */
final class DirectVolumeRun {

    private static final List<String> PHASES_18 = List.of("", "Started", "Prepare", "CleanStaleRsyncResources",
            "WaitForStaleRsyncResourcesTerminated", "VerifyVMs", "CreateDestinationNamespaces",
            "DestinationNamespacesCreated", "CreateDestinationPVCs", "DeleteStaleVirtualMachineInstanceMigrations",
            "CreateRsyncRoute", "EnsureRsyncRouteAdmitted", "CreateRsyncConfig", "CreateStunnelConfig",
            "CreatePVProgressCRs", "CreateRsyncTransferPods", "WaitForRsyncTransferPodsRunning", "RunRsyncOperations",
            "DeleteRsyncResources", "WaitForRsyncResourcesTerminated", "CleanupStaleVirtHandlerPods", "Completed");
    private static final List<String> PHASES_17 = List.of("", "Started", "Prepare", "CleanStaleRsyncResources",
            "WaitForStaleRsyncResourcesTerminated", "CreateDestinationNamespaces", "DestinationNamespacesCreated",
            "CreateDestinationPVCs", "DestinationPVCsCreated", "CreateRsyncRoute", "EnsureRsyncRouteAdmitted",
            "CreateRsyncConfig", "CreateStunnelConfig", "CreatePVProgressCRs", "CreateRsyncTransferPods",
            "WaitForRsyncTransferPodsRunning", "RunRsyncOperations", "DeleteRsyncResources",
            "WaitForRsyncResourcesTerminated", "Completed");
    /** Share of the DVM's time spent before and after the rsync transfers. */
    private static final double SETUP = 0.15;
    private static final double TEARDOWN = 0.05;

    private final String name;
    private final String migrationType;
    private final MtcVersion version;
    private final List<Transfer> transfers = new ArrayList<>();
    private final Instant created;
    private double fraction;
    private boolean failed;
    private boolean blocked;
    private Instant transfersStarted;
    private Instant now;

    private static final class Transfer {
        final MigrationProfile.Volume volume;
        final String pod;
        final double speed;
        final double baseRate;
        double percent;
        double rate;
        boolean failed;

        Transfer(MigrationProfile.Volume volume, String pod, double speed, double baseRate) {
            this.volume = volume;
            this.pod = pod;
            this.speed = speed;
            this.baseRate = baseRate;
        }

        String state(boolean blocked, boolean started) {
            if (failed) {
                return "Failed";
            }
            if (blocked || !started) {
                return "Pending";
            }
            return percent >= 100 ? "Completed" : "Running";
        }
    }

    DirectVolumeRun(String name, String migrationType, MtcVersion version, List<MigrationProfile.Volume> volumes,
            Random random, Instant created) {
        this.name = name;
        this.migrationType = migrationType;
        this.version = version;
        this.created = created;
        this.now = created;
        boolean first = true;
        for (MigrationProfile.Volume volume : volumes) {
            // the slowest transfer sets the pace: it finishes exactly when the copy phase ends
            double speed = first ? 1.0 : 1.0 + random.nextDouble() * 0.8;
            first = false;
            transfers.add(new Transfer(volume, "dvm-rsync-" + RandomNames.suffix(random), speed,
                    20 + random.nextDouble() * 60));
        }
    }

    String name() {
        return name;
    }

    /** Moves the copy to this share (0..1) of its time; a blocked copy does not move. */
    void progress(double share, boolean blockedNow, Instant at, Random random) {
        this.now = at;
        this.blocked = blockedNow;
        if (blockedNow) {
            return;
        }
        fraction = Math.max(fraction, Math.min(1, share));
        double copy = Math.max(0, Math.min(1, (fraction - SETUP) / (1 - SETUP - TEARDOWN)));
        if (copy > 0 && transfersStarted == null) {
            transfersStarted = at;
        }
        for (Transfer transfer : transfers) {
            if (transfer.failed) {
                continue;
            }
            transfer.percent = Math.min(100, Math.floor(copy * transfer.speed * 1000) / 10);
            transfer.rate = transfer.percent >= 100 ? 0 : transfer.baseRate * (0.85 + random.nextDouble() * 0.3);
        }
    }

    /** The first transfer still running fails (or the first one, when none runs). */
    void fail() {
        failed = true;
        Transfer victim = transfers.stream().filter(t -> t.percent < 100).findFirst()
                .orElse(transfers.isEmpty() ? null : transfers.get(0));
        if (victim != null) {
            victim.failed = true;
        }
    }

    boolean blocked() {
        return blocked;
    }

    String phase() {
        List<String> phases = version == MtcVersion.V1_7 ? PHASES_17 : PHASES_18;
        if (failed) {
            return "MigrationFailed";
        }
        if (fraction >= 1) {
            return "Completed";
        }
        int run = phases.indexOf("RunRsyncOperations");
        if (blocked && fraction < SETUP) {
            return "WaitForRsyncTransferPodsRunning";
        }
        if (fraction < SETUP) {
            return phases.get((int) Math.min(run - 1, Math.floor(fraction / SETUP * run)));
        }
        if (fraction < 1 - TEARDOWN) {
            return "RunRsyncOperations";
        }
        return phases.get(phases.size() - 2);
    }

    /** The DirectVolume step's progress lines, in MTC's formats. */
    List<String> progressLines() {
        List<String> lines = new ArrayList<>();
        long successful = transfers.stream().filter(t -> !t.failed && t.percent >= 100).count();
        long failedCount = transfers.stream().filter(t -> t.failed).count();
        long running = transfers.size() - successful - failedCount;
        String summary = transfers.size() + " total volumes; " + successful + " successful; " + running
                + " running; " + failedCount + " failed";
        lines.add(failed ? "direct volume migration failed. " + summary : summary);
        boolean started = transfersStarted != null;
        for (Transfer transfer : transfers) {
            String state = transfer.state(blocked, started);
            String head = "[" + transfer.volume.name() + "] " + transfer.volume.namespace() + "/" + transfer.pod + ": "
                    + state;
            String elapsed = " (" + KubeTime.goDuration(started ? Duration.between(transfersStarted, now)
                    : Duration.ZERO) + ")";
            switch (state) {
                case "Running" -> lines.add(head + " " + percent(transfer) + " (Transfer rate " + rate(transfer)
                        + ")" + elapsed);
                case "Completed" -> lines.add(head + " 100%" + elapsed);
                default -> lines.add(head);
            }
        }
        return lines;
    }

    private static String percent(Transfer transfer) {
        return String.format(Locale.ROOT, "%.0f%%", Math.floor(transfer.percent));
    }

    private static String rate(Transfer transfer) {
        return String.format(Locale.ROOT, "%.1fMB/s", transfer.rate);
    }

    ObjectNode definition(String owner, String ownerUid, MigrationProfile profile) {
        ObjectNode object = ChildObjects.object(MigrationKinds.DIRECT_VOLUME_MIGRATION, name, owner, ownerUid);
        ObjectNode spec = object.putObject("spec");
        spec.putObject("srcMigClusterRef").put("name", profile.sourceCluster())
                .put("namespace", MigrationKinds.NAMESPACE);
        spec.putObject("destMigClusterRef").put("name", profile.destinationCluster())
                .put("namespace", MigrationKinds.NAMESPACE);
        ArrayNode pvcs = spec.putArray("persistentVolumeClaims");
        for (Transfer transfer : transfers) {
            ObjectNode pvc = pvcs.addObject();
            pvc.put("name", transfer.volume.name());
            pvc.put("namespace", transfer.volume.namespace());
            pvc.put("targetName", transfer.volume.name());
            pvc.put("targetNamespace", transfer.volume.namespace());
            pvc.put("targetStorageClass", transfer.volume.storageClass());
            pvc.putArray("targetAccessModes").add("ReadWriteOnce");
            pvc.put("targetVolumeMode", "Filesystem");
            pvc.put("verify", false);
        }
        spec.put("createDestinationNamespaces", true);
        spec.put("deleteProgressReportingCRs", true);
        spec.put("backOffLimit", 2);
        spec.put("migrationType", migrationType);
        return object;
    }

    ObjectNode status() {
        ObjectNode status = JsonNodeFactory.instance.objectNode();
        String phase = phase();
        status.put("phase", phase);
        status.put("phaseDescription", phase.isEmpty() ? "Direct volume migration created." : phase);
        status.put("itinerary", failed ? "VolumeMigrationFailed" : "VolumeMigration");
        status.put("startTimestamp", KubeTime.format(created));
        ArrayNode conditions = status.putArray("conditions");
        if (phase.equals("Completed")) {
            conditions.add(Condition.of("Succeeded", "Completed", "Advisory",
                    "The migration has completed successfully.", now).durably().toJson());
        } else if (failed) {
            conditions.add(Condition.of("Failed", "MigrationFailed", "Advisory",
                    "The migration has failed.  See: Errors.", now).durably().toJson());
            status.putArray("errors").add("Rsync Transfer Pod failed on the source cluster.");
        } else {
            conditions.add(Condition.of("Running", phase, "Advisory", "Step: " + phase, now).toJson());
        }
        boolean started = transfersStarted != null;
        ArrayNode successful = status.putArray("successfulPods");
        ArrayNode failedPods = status.putArray("failedPods");
        ArrayNode running = status.putArray("runningPods");
        ArrayNode pending = status.putArray("pendingPods");
        ArrayNode operations = status.putArray("rsyncOperations");
        for (Transfer transfer : transfers) {
            String state = transfer.state(blocked, started);
            ArrayNode list = switch (state) {
                case "Completed" -> successful;
                case "Failed" -> failedPods;
                case "Running" -> running;
                default -> pending;
            };
            ObjectNode pod = list.addObject();
            pod.put("name", transfer.pod);
            pod.put("namespace", transfer.volume.namespace());
            pod.putObject("pvcRef").put("name", transfer.volume.name()).put("namespace", transfer.volume.namespace());
            pod.put("lastObservedProgressPercent", percent(transfer));
            if (state.equals("Running")) { // a pod that waits or has ended reports no rate
                pod.put("lastObservedTransferRate", rate(transfer));
            }
            pod.put("totalElapsedTime", KubeTime.goDuration(started ? Duration.between(transfersStarted, now)
                    : Duration.ZERO));
            ObjectNode operation = operations.addObject();
            operation.put("pvcReference", transfer.volume.namespace() + "/" + transfer.volume.name());
            operation.put("currentAttempt", 1);
            operation.put("succeeded", state.equals("Completed"));
            operation.put("failed", state.equals("Failed"));
        }
        return status;
    }

    List<String> progressNames() {
        return transfers.stream().map(t -> name + "-" + t.volume.name()).map(DirectVolumeRun::dnsName).toList();
    }

    ObjectNode progressDefinition(int index, String owner, String ownerUid, String sourceCluster) {
        Transfer transfer = transfers.get(index);
        ObjectNode object = ChildObjects.object(MigrationKinds.DIRECT_VOLUME_MIGRATION_PROGRESS,
                progressNames().get(index), owner, ownerUid);
        object.with("metadata").putObject("labels").put("migration.openshift.io/directvolumemigration", name);
        ObjectNode spec = object.putObject("spec");
        spec.putObject("clusterRef").put("name", sourceCluster).put("namespace", MigrationKinds.NAMESPACE);
        spec.putObject("podRef").put("name", transfer.pod).put("namespace", transfer.volume.namespace());
        spec.put("podNamespace", transfer.volume.namespace());
        spec.putObject("podSelector").put("app", "directvolumemigration-rsync-transfer")
                .put("migration.openshift.io/created-for-pvc", transfer.volume.name());
        return object;
    }

    ObjectNode progressStatus(int index) {
        Transfer transfer = transfers.get(index);
        boolean started = transfersStarted != null;
        String state = transfer.state(blocked, started);
        ObjectNode status = JsonNodeFactory.instance.objectNode();
        status.put("podName", transfer.pod);
        status.put("podNamespace", transfer.volume.namespace());
        status.put("phase", switch (state) {
            case "Completed" -> "Succeeded";
            case "Failed" -> "Failed";
            case "Running" -> "Running";
            default -> "Pending";
        });
        if (state.equals("Completed") || state.equals("Failed")) {
            status.put("exitCode", state.equals("Completed") ? 0 : 11);
        }
        String elapsed = KubeTime.goDuration(started ? Duration.between(transfersStarted, now) : Duration.ZERO);
        status.put("containerElapsedTime", elapsed);
        status.put("rsyncElapsedTime", elapsed);
        status.put("lastObservedProgressPercent", percent(transfer));
        if (state.equals("Running")) {
            status.put("lastObservedTransferRate", rate(transfer));
        }
        status.put("totalProgressPercentage", String.format(Locale.ROOT, "%.0f", Math.floor(transfer.percent)));
        status.put("logMessage", state.equals("Failed") ? "rsync: connection unexpectedly closed (0 bytes received)"
                : "sent " + (long) (transfer.percent * transfer.volume.gibibytes() * 10.24) + "M bytes");
        return status;
    }

    private static String dnsName(String text) {
        String name = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        return name.length() > 63 ? name.substring(0, 63).replaceAll("-+$", "") : name;
    }
}
