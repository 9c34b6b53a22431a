package io.mtcassistant.ui.steps.monitor;

import io.mtcassistant.monitor.MigrationState;
import io.mtcassistant.monitor.StepState;
import javafx.scene.control.Label;

/** The Monitor page's state colours (the MTC console's palette), painted on its chips. */
final class MonitorColors {

    private MonitorColors() {
    }

    static String step(StepState state) {
        return switch (state) {
            case COMPLETED -> "#3e8635";
            case RUNNING -> "#5ba352";
            case FAILED -> "#c9190b";
            case SKIPPED -> "#2b9af3";
            case NOT_STARTED -> "#8a8d90";
        };
    }

    static String state(MigrationState state) {
        return switch (state) {
            case SUCCEEDED -> "#3e8635";
            case SUCCEEDED_WITH_WARNINGS, WARNING, PAUSED -> "#c58c00";
            case FAILED -> "#c9190b";
            case RUNNING -> "#0066cc";
            case CANCELING, CANCELED, NOT_STARTED -> "#6a6e73";
        };
    }

    static void paint(Label chip, String color) {
        chip.setStyle("-fx-background-color: " + color + "; -fx-text-fill: white; -fx-padding: 2 8 2 8; "
                + "-fx-background-radius: 10;");
    }
}
