package io.mtcassistant.monitor;

/**
 * What the admin asks for: start a stage, start a cutover (with the quiesce choice), roll back, or cancel a
 * running migration.
 */
public record ActionRequest(Kind kind, String planName, boolean quiescePods, String migrationName) {

    public enum Kind { STAGE, CUTOVER, ROLLBACK, CANCEL }

    public static ActionRequest stage(String plan) {
        return new ActionRequest(Kind.STAGE, plan, false, null);
    }

    public static ActionRequest cutover(String plan, boolean quiesce) {
        return new ActionRequest(Kind.CUTOVER, plan, quiesce, null);
    }

    public static ActionRequest rollback(String plan) {
        return new ActionRequest(Kind.ROLLBACK, plan, false, null);
    }

    public static ActionRequest cancel(String plan, String migration) {
        return new ActionRequest(Kind.CANCEL, plan, false, migration);
    }

    /** The confirmation text: what will happen, in plain words. */
    public String consequence() {
        return switch (kind) {
            case STAGE -> "Start a stage migration of plan " + planName + ": copies the persistent volume data to the "
                    + "target cluster while the applications keep running on the source. Nothing stops.";
            case CUTOVER -> "Start a cutover of plan " + planName + ": migrates the applications and their data to the "
                    + "target cluster. " + (quiescePods ? "The source applications are scaled down (quiesced) first, "
                    + "so they stop serving." : "The source applications keep running (no quiesce): data written "
                    + "during the copy may be missing on the target.");
            case ROLLBACK -> "Roll back plan " + planName + ": removes the migrated resources from the target cluster "
                    + "and scales the source applications back up.";
            case CANCEL -> "Cancel migration " + migrationName + " of plan " + planName + ": the controller stops it "
                    + "and cleans up what it created; a cutover canceled late may leave the source quiesced.";
        };
    }
}
