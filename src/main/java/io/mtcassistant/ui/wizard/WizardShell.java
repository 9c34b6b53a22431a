package io.mtcassistant.ui.wizard;

import io.mtcassistant.settings.Theme;
import io.mtcassistant.ui.activity.ActivityLog;
import io.mtcassistant.ui.activity.ActivityPanel;
import io.mtcassistant.ui.common.Icons;
import io.mtcassistant.ui.common.ThemeModel;
import io.mtcassistant.ui.common.ThemeStyles;
import io.mtcassistant.ui.steps.notyet.NotYetAvailablePage;
import io.mtcassistant.ui.task.TaskRunner;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.WindowEvent;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/**
 * The window's layout: header, step list on the left, the current step's page, the Back/Next bar with the
 * background-task status, and the activity panel at the bottom. Pages are built the first time they are shown.
 */
public final class WizardShell {

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");

    private final WizardModel model;
    private final Map<String, Supplier<Node>> pageFactories;
    private final Map<String, Node> pages = new HashMap<>();
    private final StackPane pageArea = new StackPane();

    private WizardShell(WizardModel model, Map<String, Supplier<Node>> pageFactories) {
        this.model = model;
        this.pageFactories = pageFactories;
    }

    /**
     * @param pageFactories pages of the available steps, by step id; the other steps get the "not yet available" page
     * @param demoBanner    text of the banner that says the clusters are simulated; null outside demo mode
     */
    public static Parent create(WizardModel model, Map<String, Supplier<Node>> pageFactories, TaskRunner runner,
                                ActivityLog activityLog, ThemeModel theme, String demoBanner) {
        return new WizardShell(model, pageFactories).build(runner, activityLog, theme, demoBanner);
    }

    private Parent build(TaskRunner runner, ActivityLog activityLog, ThemeModel theme, String demoBanner) {
        VBox top = new VBox(header(theme));
        if (demoBanner != null) {
            Label banner = new Label(demoBanner, Icons.icon(MaterialDesignF.FLASK_OUTLINE));
            banner.setId("demo-banner");
            banner.getStyleClass().add("demo-banner");
            banner.setMaxWidth(Double.MAX_VALUE);
            banner.setWrapText(true);
            top.getChildren().add(banner);
        }

        pageArea.getStyleClass().add("page-area");
        pageArea.setId("page-area");
        VBox.setVgrow(pageArea, Priority.ALWAYS);
        VBox center = new VBox(pageArea, navigationBar(runner));
        center.getStyleClass().add("center-column");

        BorderPane root = new BorderPane();
        root.getStyleClass().add("wizard-shell");
        root.setTop(top);
        root.setLeft(stepList());
        root.setCenter(center);
        root.setBottom(ActivityPanel.create(activityLog));

        model.currentProperty().addListener((obs, old, step) -> showPage(step));
        showPage(model.current());
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(QUIT, () -> quit(scene));
            }
        });
        return root;
    }

    /** Ctrl+Q (Cmd+Q on a Mac) quits like the window's close button. */
    static final KeyCombination QUIT = new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN);

    /** Asks the window to close, as its close button does, so the same clean-up runs (and a handler may still veto). */
    private static void quit(javafx.scene.Scene scene) {
        javafx.stage.Window window = scene.getWindow();
        if (window == null) {
            return;
        }
        WindowEvent request = new WindowEvent(window, WindowEvent.WINDOW_CLOSE_REQUEST);
        window.fireEvent(request);
        if (!request.isConsumed()) {
            window.hide();
        }
    }

    private Node header(ThemeModel theme) {
        Label logo = new Label(null, Icons.icon(MaterialDesignS.SWAP_HORIZONTAL, "logo-icon"));
        logo.getStyleClass().add("logo");
        Label title = new Label("MTC Assistant");
        title.getStyleClass().add("app-title");
        Label subtitle = new Label("Migration Toolkit for Containers in restricted networks");
        subtitle.getStyleClass().add("app-subtitle");
        VBox titles = new VBox(0, title, subtitle);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);

        Button themeButton = new Button();
        themeButton.setId("theme-toggle");
        themeButton.getStyleClass().addAll("flat", "button-icon");
        Runnable showTheme = () -> {
            boolean dark = theme.theme() == Theme.DARK;
            themeButton.setGraphic(Icons.icon(dark ? MaterialDesignW.WHITE_BALANCE_SUNNY : MaterialDesignW.WEATHER_NIGHT));
            String text = dark ? "Switch to the light theme" : "Switch to the dark theme";
            themeButton.setTooltip(new Tooltip(text));
            themeButton.setAccessibleText(text);
        };
        showTheme.run();
        theme.themeProperty().addListener((obs, old, now) -> showTheme.run());
        themeButton.setOnAction(e -> theme.toggle());
        theme.themeProperty().addListener((obs, old, now) -> ThemeStyles.apply(now));

        HBox header = new HBox(12, logo, titles, grow, themeButton);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("app-header");
        return header;
    }

    private Node stepList() {
        Label heading = new Label("STEPS");
        heading.getStyleClass().add("step-list-heading");
        VBox list = new VBox(2, heading);
        list.getStyleClass().add("step-list");
        list.setId("step-list");
        for (int i = 0; i < model.steps().size(); i++) {
            list.getChildren().add(stepItem(model.steps().get(i), i + 1));
        }
        return list;
    }

    private Node stepItem(WizardStep step, int number) {
        Label numberLabel = new Label(Integer.toString(number));
        numberLabel.getStyleClass().add("step-number");
        Label title = new Label(step.title());
        title.getStyleClass().add("step-title");
        Label state = new Label();
        state.getStyleClass().add("step-state");
        state.setId("step-state-" + step.id());
        Runnable showState = () -> {
            StepState value = step.state();
            state.setText(step.available() || value != StepState.NOT_STARTED ? value.label() : "not yet available");
            state.setGraphic(Icons.icon(stateIcon(value), "state-" + value.name().toLowerCase().replace('_', '-')));
        };
        showState.run();
        step.stateProperty().addListener((obs, old, now) -> showState.run());

        VBox texts = new VBox(1, title, state);
        HBox item = new HBox(10, numberLabel, texts);
        item.setAlignment(Pos.CENTER_LEFT);
        item.getStyleClass().add("step-item");
        item.setId("step-" + step.id());
        if (!step.available()) {
            item.getStyleClass().add("step-unavailable");
        }
        item.setOnMouseClicked(e -> model.goTo(step));
        Runnable showCurrent = () -> item.pseudoClassStateChanged(CURRENT, model.current() == step);
        showCurrent.run();
        model.currentProperty().addListener((obs, old, now) -> showCurrent.run());
        return item;
    }

    private static Ikon stateIcon(StepState state) {
        return switch (state) {
            case NOT_STARTED -> MaterialDesignC.CIRCLE_OUTLINE;
            case NEEDS_ATTENTION -> MaterialDesignA.ALERT_CIRCLE;
            case DONE -> MaterialDesignC.CHECK_CIRCLE;
        };
    }

    private Node navigationBar(TaskRunner runner) {
        Button back = new Button("_Back", Icons.icon(MaterialDesignA.ARROW_LEFT));
        back.setMnemonicParsing(true);
        back.setId("back-button");
        back.disableProperty().bind(model.canGoBackProperty().not());
        back.setOnAction(e -> model.back());

        Button next = new Button("_Next", Icons.icon(MaterialDesignA.ARROW_RIGHT));
        next.setMnemonicParsing(true);
        next.setId("next-button");
        next.setContentDisplay(ContentDisplay.RIGHT);
        next.getStyleClass().add("accent");
        next.disableProperty().bind(model.canGoNextProperty().not());
        next.setOnAction(e -> model.next());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.getStyleClass().add("small-spinner");
        spinner.progressProperty().bind(runner.progressProperty());
        Label status = new Label();
        status.setId("task-status");
        status.getStyleClass().add("task-status");
        status.textProperty().bind(runner.statusProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-tasks");
        cancel.getStyleClass().add("flat");
        cancel.setOnAction(e -> runner.cancelAll());
        HBox busy = new HBox(8, spinner, status, cancel);
        busy.setAlignment(Pos.CENTER);
        busy.visibleProperty().bind(runner.busyProperty());

        Region left = new Region();
        Region right = new Region();
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox bar = new HBox(10, back, left, busy, right, next);
        bar.setAlignment(Pos.CENTER);
        bar.getStyleClass().add("nav-bar");
        return bar;
    }

    private void showPage(WizardStep step) {
        Node page = pages.computeIfAbsent(step.id(), id -> {
            Supplier<Node> factory = step.available() ? pageFactories.get(id) : null;
            return factory != null ? factory.get() : NotYetAvailablePage.create(step, model.steps().indexOf(step) + 1);
        });
        pageArea.getChildren().setAll(page);
    }
}
