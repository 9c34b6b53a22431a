package io.mtcassistant.mirror.engine;

import io.mtcassistant.common.ActivityListener;

/** Forwards per-image outcomes to the app's activity log (one event per image, not per byte). */
public final class ActivityTransferListener implements TransferListener {

    public static final String SOURCE = "mirror";

    private final ActivityListener activity;

    public ActivityTransferListener(ActivityListener activity) {
        this.activity = activity;
    }

    @Override
    public void imageFinished(ImageResult result) {
        switch (result.status()) {
            case MIRRORED -> activity.success(SOURCE, "Mirrored " + result.source() + " to " + result.destination()
                    + " (" + result.digest() + ")");
            case ALREADY_PRESENT -> activity.info(SOURCE, result.destination() + " is already up to date");
            case FAILED -> activity.error(SOURCE, "Could not mirror " + result.source() + ": " + result.error());
        }
    }
}
