package io.mtcassistant.sim.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * One simulated MigMigration as MTC's controller moves it: the itinerary it runs, the current phase, the
 * pipeline steps with their timestamps, messages and progress lines, the conditions and errors, and the
 * DirectVolumeMigrations it creates. Plain state: the controller feeds it time and writes what it shows.
 */
final class MigrationRun {

    static final String RUNNING = "Running";
    static final String DVM_BLOCKED = "DirectVolumeMigrationBlocked";
    static final String PLAN_NOT_READY = "PlanNotReady";

    /** An object the migration owns, with the status it should have now. */
    record Child(MigrationKinds kind, String name, ObjectNode definition, ObjectNode status) {
    }

    private static final class Step {
        final String name;
        Instant started;
        Instant completed;
        String phase;
        String message = "Not started";
        List<String> progress = new ArrayList<>();
        boolean failed;
        boolean skipped;

        Step(String name) {
            this.name = name;
        }

        ObjectNode toJson() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            if (completed != null) {
                node.put("completed", KubeTime.format(completed));
            }
            if (failed) {
                node.put("failed", true);
            }
            node.put("message", message);
            node.put("name", name);
            if (phase != null) {
                node.put("phase", phase);
            }
            if (!progress.isEmpty()) {
                ArrayNode lines = node.putArray("progress");
                progress.forEach(lines::add);
            }
            if (skipped) {
                node.put("skipped", true);
            }
            if (started != null) {
                node.put("started", KubeTime.format(started));
            }
            return node;
        }
    }

    private final String name;
    private final String uid;
    private final MtcVersion version;
    private final MigrationProfile profile;
    private final Random random;
    private final String digest;
    private final Instant startTimestamp;
    private final boolean rollback;
    private final List<Step> pipeline = new ArrayList<>();
    private final List<Condition> conditions = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final List<DirectVolumeRun> volumeMigrations = new ArrayList<>();
    private final int backupObjects;
    private final String initialBackup;
    private final String stageBackup;
    private final String stageRestore;
    private final String finalRestore;
    private Itinerary itinerary;
    private List<ItineraryPhase> phases;
    private int index;
    private double phaseSeconds;
    private Instant phaseEntered;
    private boolean done;
    private boolean waitingForPlan;
    private boolean warned;

    MigrationRun(String name, String uid, JsonNode spec, MigrationProfile profile, MtcVersion version, Instant now,
            Random random) {
        this.name = name;
        this.uid = uid;
        this.version = version;
        this.profile = profile;
        this.random = random;
        this.digest = sha256(spec.toString());
        this.startTimestamp = now;
        this.rollback = spec.path("rollback").asBoolean(false);
        this.backupObjects = 30 + 12 * Math.max(1, profile.namespaces().size()) + 3 * profile.volumes().size();
        this.initialBackup = name + "-initial-" + RandomNames.suffix(random);
        this.stageBackup = name + "-stage-" + RandomNames.suffix(random);
        this.stageRestore = name + "-stage-" + RandomNames.suffix(random);
        this.finalRestore = name + "-final-" + RandomNames.suffix(random);
        String itineraryName = rollback ? Itinerary.ROLLBACK
                : spec.path("stage").asBoolean(false) ? Itinerary.STAGE : Itinerary.FINAL;
        this.itinerary = Itineraries.of(version, itineraryName);
        this.phases = itinerary.runningWith(profile.flags());
        itinerary.steps(profile.flags()).forEach(step -> pipeline.add(new Step(step)));
        conditions.add(Condition.of("Ready", null, "Required", "The migration is ready.", now));
        enter(now);
    }

    String name() {
        return name;
    }

    boolean done() {
        return done;
    }

    String itineraryName() {
        return itinerary.name();
    }

    String phase() {
        return done ? "Completed" : phases.get(index).phase();
    }

    /**
     * Lets simulated time pass: finishes the phases that fit into it, moves the progress of the one it ends in.
     *
     * @param now the wall-clock time the status shows
     * @param simulatedSeconds how much simulated time passed since the last call
     */
    void advance(Instant now, double simulatedSeconds, MigrationFaults faults) {
        double remaining = simulatedSeconds;
        while (!done && !waitingForPlan) {
            ItineraryPhase phase = phases.get(index);
            double total = PhaseTiming.seconds(phase.phase()) * faults.slowFactor(phase);
            boolean main = isMainItinerary();
            boolean blocked = main && faults.blockDirectVolume() && isVolumeWait(phase);
            setBlocked(blocked, now);
            if (blocked) {
                progress(phase, phaseSeconds / total, now, true);
                return;
            }
            double needed = total - phaseSeconds;
            if (remaining < needed) {
                phaseSeconds += remaining;
                progress(phase, phaseSeconds / total, now, false);
                return;
            }
            remaining -= needed;
            phaseSeconds = total;
            progress(phase, 1.0, now, false);
            if (main && phase.phase().equals(faults.failAt())) {
                fail(now, phase, faults.failMessage());
                continue;
            }
            if (main && faults.warn() && phase.phase().equals("FinalRestoreCreated") && !warned) {
                warned = true;
                conditions.add(Condition.of("VeleroFinalRestorePartiallyFailed", "PartiallyFailed", "Warn",
                        "Final Restore openshift-migration/" + finalRestore + ": partially failed on destination "
                                + "cluster", now).durably());
            }
            index++;
            phaseSeconds = 0;
            enter(now);
        }
    }

    /** spec.canceled: leaves the itinerary for the Cancel one, as MTC does while not yet finished. */
    void cancel(Instant now) {
        if (done || itinerary.name().equals(Itinerary.CANCEL) || itinerary.name().equals(Itinerary.FAILED)) {
            return;
        }
        Step current = currentStep();
        if (current != null && current.started != null && current.completed == null) {
            current.completed = now;
            current.phase = null;
            current.message = "Canceled";
        }
        for (Step step : pipeline) {
            if (step.started == null) {
                step.skipped = true;
                step.message = "Skipped";
            }
        }
        removeConditions(RUNNING, DVM_BLOCKED, PLAN_NOT_READY);
        conditions.add(new Condition("Canceling", "True", "Cancel", "Advisory", "The migration is being canceled.",
                now, true));
        switchTo(Itinerary.CANCEL, now);
    }

    /** The plan is not Ready: MTC holds the migration with a Critical PlanNotReady condition until it is. */
    void planReady(boolean ready, Instant now) {
        if (done || ready == !waitingForPlan) {
            return;
        }
        waitingForPlan = !ready;
        removeConditions(PLAN_NOT_READY);
        if (!ready) {
            conditions.add(Condition.of(PLAN_NOT_READY, "NotReady", "Critical",
                    "The associated migration plan is not ready.", now));
        }
    }

    private void fail(Instant now, ItineraryPhase phase, String message) {
        Step step = stepNamed(phase.step());
        String error = message;
        if (isVolumeWait(phase) && !volumeMigrations.isEmpty()) {
            DirectVolumeRun dvm = volumeMigrations.get(volumeMigrations.size() - 1);
            dvm.fail();
            if (step != null) {
                step.progress = dvm.progressLines();
            }
            if (error == null) {
                error = "DirectVolumeMigration (dvm): openshift-migration/" + dvm.name()
                        + " failed. See in dvm status.Errors";
            }
        }
        if (step != null) {
            step.failed = true;
            step.message = "Failed";
            step.phase = null;
            step.completed = now;
        }
        errors.add(error != null ? error : "Simulated failure at " + phase.phase() + ".");
        removeConditions(RUNNING, DVM_BLOCKED);
        conditions.add(new Condition("Failed", "True", phase.phase(), "Advisory",
                "The migration has failed.  See: Errors.", now, true));
        switchTo(Itinerary.FAILED, now);
    }

    private void switchTo(String itineraryName, Instant now) {
        itinerary = Itineraries.of(version, itineraryName);
        phases = itinerary.runningWith(profile.flags());
        index = 0;
        phaseSeconds = 0;
        if (itineraryName.equals(Itinerary.CANCEL)) {
            for (String step : itinerary.steps(profile.flags())) {
                Step existing = stepNamed(step);
                if (existing == null) {
                    pipeline.add(new Step(step));
                } else if (existing.started == null) {
                    existing.skipped = false;
                    existing.message = "Not started";
                }
            }
        }
        enter(now);
    }

    private boolean isMainItinerary() {
        String current = itinerary.name();
        return current.equals(Itinerary.STAGE) || current.equals(Itinerary.FINAL) || current.equals(Itinerary.ROLLBACK);
    }

    private static boolean isVolumeWait(ItineraryPhase phase) {
        return phase.phase().equals("WaitForDirectVolumeMigrationToComplete")
                || phase.phase().equals("WaitForDirectVolumeMigrationToRollbackComplete");
    }

    private void enter(Instant now) {
        ItineraryPhase phase = phases.get(index);
        phaseEntered = now;
        if (!itinerary.name().equals(Itinerary.FAILED)) {
            Step step = stepNamed(phase.step());
            if (step != null) {
                int at = pipeline.indexOf(step);
                for (int i = 0; i < at; i++) {
                    Step earlier = pipeline.get(i);
                    if (earlier.started != null && earlier.completed == null) {
                        complete(earlier, now);
                    }
                }
                if (step.started == null) {
                    step.started = now;
                }
                step.completed = null;
                step.phase = phase.phase();
                step.message = Itineraries.describe(phase.phase());
            }
        }
        if (isMainItinerary()) {
            removeConditions(RUNNING);
            conditions.add(0, Condition.of(RUNNING, phase.phase(), "Advisory",
                    "Step: " + itinerary.position(phase.phase()) + "/" + itinerary.phases().size(), now));
        }
        if (phase.phase().startsWith("CreateDirectVolumeMigration")) {
            String type = phase.phase().endsWith("Rollback") ? "Rollback"
                    : itinerary.name().equals(Itinerary.STAGE) || phase.phase().endsWith("Stage") ? "Stage"
                    : "CutOver";
            // a cutover's stage copy has done its work by the time the final copy starts
            volumeMigrations.forEach(earlier -> earlier.progress(1.0, false, now, random));
            volumeMigrations.add(new DirectVolumeRun(name + "-" + RandomNames.suffix(random), type, version,
                    profile.volumes(), random, now));
        }
        if (phase.phase().equals("Canceled")) {
            removeConditions("Canceling");
            conditions.add(new Condition("Canceled", "True", "Cancel", "Advisory", "The migration has been canceled.",
                    now, true));
        }
        if (phase.phase().equals("Completed")) {
            finish(now);
        }
    }

    private void finish(Instant now) {
        for (Step step : pipeline) {
            if (step.started != null && step.completed == null) {
                complete(step, now);
            }
        }
        removeConditions(RUNNING, "Ready", DVM_BLOCKED, PLAN_NOT_READY);
        conditions.removeIf(c -> !c.durable() && !"Warn".equals(c.category()));
        String current = itinerary.name();
        if (!current.equals(Itinerary.FAILED) && !current.equals(Itinerary.CANCEL)) {
            boolean warnings = conditions.stream().anyMatch(c -> "Warn".equals(c.category()));
            conditions.add(warnings
                    ? new Condition("SucceededWithWarnings", "True", "Completed", "Advisory",
                            "The migration has completed with warnings, please look at `Warn` conditions.", now, true)
                    : new Condition("Succeeded", "True", "Completed", "Advisory",
                            "The migration has completed successfully.", now, true));
        }
        done = true;
    }

    private void complete(Step step, Instant now) {
        step.completed = now;
        step.phase = null;
        if (!step.failed) {
            step.message = "Completed";
        }
    }

    private void setBlocked(boolean blocked, Instant now) {
        boolean present = conditions.stream().anyMatch(c -> c.type().equals(DVM_BLOCKED));
        if (blocked && !present && !volumeMigrations.isEmpty()) {
            DirectVolumeRun dvm = volumeMigrations.get(volumeMigrations.size() - 1);
            conditions.add(Condition.of(DVM_BLOCKED, "NotReady", "Warn", "DirectVolumeMigration (dvm): "
                    + "openshift-migration/" + dvm.name() + " is blocked: the rsync transfer pods are Pending "
                    + "on the source cluster.", now));
        } else if (!blocked && present) {
            removeConditions(DVM_BLOCKED);
        }
    }

    private void progress(ItineraryPhase phase, double share, Instant now, boolean blocked) {
        Step step = stepNamed(phase.step());
        if (step == null || itinerary.name().equals(Itinerary.FAILED)) {
            return;
        }
        String took = " (" + KubeTime.goDuration(Duration.between(phaseEntered, now)) + ")";
        int stageObjects = 2 + 3 * profile.volumes().size();
        switch (phase.phase()) {
            case "InitialBackupCreated" -> step.progress = List.of("Backup openshift-migration/" + initialBackup + ": "
                    + (int) Math.floor(backupObjects * share) + " out of estimated total of " + backupObjects
                    + " objects backed up" + took);
            case "StageBackupCreated" -> step.progress = List.of("Backup openshift-migration/" + stageBackup + ": "
                    + (int) Math.floor(stageObjects * share) + " out of estimated total of " + stageObjects
                    + " objects backed up" + took);
            case "StageRestoreCreated" -> step.progress = List.of("Restore openshift-migration/" + stageRestore + ": "
                    + (int) Math.floor(stageObjects * share) + " out of estimated total of " + stageObjects
                    + " objects restored" + took);
            case "FinalRestoreCreated" -> {
                int total = backupObjects - 1;
                List<String> lines = new ArrayList<>();
                lines.add("Restore openshift-migration/" + finalRestore + ": " + (int) Math.floor(total * share)
                        + " out of estimated total of " + total + " objects restored" + took);
                if (share >= 1) {
                    lines.add("All the stage pods are restored, waiting for restore to Complete");
                }
                step.progress = lines;
            }
            case "WaitForDirectImageMigrationToComplete" -> {
                int streams = 2 * Math.max(1, profile.namespaces().size());
                int successful = (int) Math.floor(streams * share);
                int running = share >= 1 ? 0 : Math.min(2, streams - successful);
                step.progress = List.of(streams + " total ImageStreams; " + running + " running; " + successful
                        + " successful; 0 failed");
            }
            case "WaitForDirectVolumeMigrationToComplete", "WaitForDirectVolumeMigrationToRollbackComplete" -> {
                if (!volumeMigrations.isEmpty()) {
                    DirectVolumeRun dvm = volumeMigrations.get(volumeMigrations.size() - 1);
                    dvm.progress(share, blocked, now, random);
                    step.progress = dvm.progressLines();
                }
            }
            case "AnnotateResources" -> step.progress = List.of(
                    (int) Math.ceil(profile.namespaces().size() * share) + "/" + profile.namespaces().size()
                            + " Namespaces labeled");
            default -> {
                // the other phases write no progress lines
            }
        }
    }

    private Step currentStep() {
        if (done) {
            return null;
        }
        return stepNamed(phases.get(index).step());
    }

    private Step stepNamed(String stepName) {
        for (Step step : pipeline) {
            if (step.name.equals(stepName)) {
                return step;
            }
        }
        return null;
    }

    private void removeConditions(String... types) {
        List<String> names = List.of(types);
        conditions.removeIf(c -> names.contains(c.type()));
    }

    /** The MigMigration status as MTC writes it. */
    ObjectNode status() {
        ObjectNode status = JsonNodeFactory.instance.objectNode();
        ArrayNode conditionNodes = status.putArray("conditions");
        conditions.forEach(c -> conditionNodes.add(c.toJson()));
        if (!errors.isEmpty()) {
            ArrayNode errorNodes = status.putArray("errors");
            errors.forEach(errorNodes::add);
        }
        status.put("itinerary", itinerary.name());
        status.put("observedDigest", digest);
        status.put("phase", phase());
        ArrayNode steps = status.putArray("pipeline");
        pipeline.forEach(step -> steps.add(step.toJson()));
        status.put("startTimestamp", KubeTime.format(startTimestamp));
        return status;
    }

    /** The DirectVolumeMigrations and their progress objects, with the status each should show now. */
    List<Child> children() {
        List<Child> children = new ArrayList<>();
        for (DirectVolumeRun dvm : volumeMigrations) {
            children.add(new Child(MigrationKinds.DIRECT_VOLUME_MIGRATION, dvm.name(),
                    dvm.definition(name, uid, profile), dvm.status()));
            List<String> names = dvm.progressNames();
            for (int i = 0; i < names.size(); i++) {
                children.add(new Child(MigrationKinds.DIRECT_VOLUME_MIGRATION_PROGRESS, names.get(i),
                        dvm.progressDefinition(i, name, uid, profile.sourceCluster()), dvm.progressStatus(i)));
            }
        }
        return children;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
