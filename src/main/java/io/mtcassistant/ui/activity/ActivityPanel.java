package io.mtcassistant.ui.activity;

import io.mtcassistant.common.ActivityEvent;
import io.mtcassistant.ui.common.Icons;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

/** The collapsible activity panel at the bottom of the window: what the app did, newest last. */
public final class ActivityPanel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private static final double CELL_HEIGHT = 24;

    private ActivityPanel() {
    }

    public static TitledPane create(ActivityLog log) {
        ListView<ActivityEvent> list = new ListView<>(log.entries());
        list.setId("activity-list");
        list.getStyleClass().add("activity-list");
        list.setPlaceholder(new Label("Nothing happened yet."));
        list.setCellFactory(view -> new EventCell());
        list.setFixedCellSize(CELL_HEIGHT);
        list.setPrefHeight(4 * CELL_HEIGHT + 2);
        log.entries().addListener((ListChangeListener<ActivityEvent>) change -> {
            // After the list has laid out the new rows: scrolling to the last row then leaves it at the bottom.
            Platform.runLater(() -> {
                if (!log.entries().isEmpty()) {
                    list.scrollTo(log.entries().size() - 1);
                }
            });
        });
        Button copy = new Button(null, Icons.icon(MaterialDesignC.CONTENT_COPY));
        copy.setId("activity-copy");
        copy.getStyleClass().addAll("flat", "button-icon");
        copy.setTooltip(new Tooltip("Copy the activity log (for a support request)"));
        copy.setAccessibleText("Copy the activity log");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(log.asText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Button clear = new Button(null, Icons.icon(MaterialDesignD.DELETE_SWEEP_OUTLINE));
        clear.setId("activity-clear");
        clear.getStyleClass().addAll("flat", "button-icon");
        clear.setTooltip(new Tooltip("Clear the activity log (the log file keeps everything)"));
        clear.setAccessibleText("Clear the activity log");
        clear.setOnAction(e -> log.clear());
        VBox tools = new VBox(2, copy, clear);
        tools.getStyleClass().add("activity-tools");
        BorderPane content = new BorderPane(list);
        content.setRight(tools);
        TitledPane pane = new TitledPane("Activity", content);
        pane.setId("activity-panel");
        pane.getStyleClass().add("activity-panel");
        pane.setAnimated(false);
        pane.setExpanded(true);
        return pane;
    }

    private static final class EventCell extends ListCell<ActivityEvent> {
        private final Label time = new Label();
        private final Label source = new Label();
        private final Label message = new Label();
        private final HBox box = new HBox(10, time, source, message);

        EventCell() {
            time.getStyleClass().add("activity-time");
            source.getStyleClass().add("activity-source");
            message.getStyleClass().add("activity-message");
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(ActivityEvent event, boolean empty) {
            super.updateItem(event, empty);
            if (empty || event == null) {
                setGraphic(null);
                return;
            }
            time.setText(TIME.format(event.at()));
            time.setGraphic(Icons.icon(icon(event.level()), "level-" + event.level().name().toLowerCase()));
            source.setText(event.source());
            message.setText(event.message());
            setGraphic(box);
        }

        private static Ikon icon(ActivityEvent.Level level) {
            return switch (level) {
                case INFO -> MaterialDesignI.INFORMATION_OUTLINE;
                case SUCCESS -> MaterialDesignC.CHECK_CIRCLE_OUTLINE;
                case WARNING -> MaterialDesignA.ALERT_CIRCLE_OUTLINE;
                case ERROR -> MaterialDesignC.CLOSE_CIRCLE;
            };
        }
    }
}
