package io.mtcassistant.ui.steps.compatibility;

import static io.mtcassistant.ui.steps.compatibility.CompatibilityView.cssId;
import static io.mtcassistant.ui.steps.compatibility.CompatibilityView.wrapped;

import io.mtcassistant.compat.CheckResult;
import io.mtcassistant.compat.DecisionOption;
import io.mtcassistant.ui.common.Icons;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;

/** The card of a question the admin must decide on the Compatibility page: the question, then one card per option. */
final class DecisionCards {

    private final CompatibilityViewModel viewModel;

    DecisionCards(CompatibilityViewModel viewModel) {
        this.viewModel = viewModel;
    }

    Node card(CheckResult row) {
        Label question = new Label(row.decision().question(), Icons.icon(MaterialDesignH.HELP_CIRCLE, "severity-needs-decision"));
        question.getStyleClass().add("decision-question");
        question.setWrapText(true);
        question.setMinHeight(Region.USE_PREF_SIZE);
        Label summary = wrapped(row.summary(), "decision-summary");
        Label explanation = wrapped(ScreenWording.of(row.explanation()), "decision-explanation");
        VBox card = new VBox(8, question, summary, explanation);
        card.getStyleClass().add("decision-card");
        card.setId(cssId("decision-" + row.decision().topic().name().toLowerCase().replace('_', '-')
                + (row.cluster() == null ? "" : "-" + row.cluster())));
        FlowPane options = new FlowPane(12, 12);
        options.getStyleClass().add("option-pane");
        for (DecisionOption option : row.decision().options()) {
            options.getChildren().add(optionCard(row, option));
        }
        card.getChildren().add(options);
        return card;
    }

    private Node optionCard(CheckResult row, DecisionOption option) {
        Label label = new Label(option.label());
        label.getStyleClass().add("option-label");
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(8, label, grow);
        header.setAlignment(Pos.CENTER_LEFT);
        if (option.available()) {
            Button choose = new Button("Choose", Icons.icon(MaterialDesignC.CHECK));
            choose.setId(cssId("option-" + option.id()));
            choose.getStyleClass().add("accent");
            choose.setMinWidth(Region.USE_PREF_SIZE);
            choose.setOnAction(e -> viewModel.choose(row, option.id()));
            header.getChildren().add(choose);
        } else {
            Label impossible = new Label("not possible");
            impossible.getStyleClass().add("option-impossible");
            impossible.setMinWidth(Region.USE_PREF_SIZE);
            header.getChildren().add(impossible);
        }
        VBox card = new VBox(6, header);
        card.getStyleClass().add("option-card");
        card.setId(cssId("option-card-" + option.id()));
        if (!option.available()) {
            card.getStyleClass().add("option-unavailable");
            card.getChildren().add(wrapped("Why not: " + ScreenWording.of(option.unavailableReason()), "option-reason"));
        }
        for (String consequence : option.consequences()) {
            card.getChildren().add(consequence(consequence));
        }
        if (option.cliFlag() != null) {
            card.getChildren().add(wrapped("Command line: " + option.cliFlag(), "option-flag"));
        }
        return card;
    }

    /** Commands are shown in a read-only field, so the admin can copy them exactly. */
    private static Node consequence(String text) {
        int colon = text.indexOf(": ");
        String head = colon < 0 ? "" : text.substring(0, colon);
        if (head.equals("Command") || head.equals("In a restricted network")) {
            Label name = new Label(head);
            name.getStyleClass().add("fact-key");
            String value = text.substring(colon + 2);
            TextArea command = new TextArea(value);
            command.setEditable(false);
            command.setWrapText(true);
            command.setPrefRowCount(Math.max(1, (value.length() + 55) / 56));
            command.getStyleClass().add("command-text");
            VBox box = new VBox(2, name, command);
            return box;
        }
        return wrapped("•  " + text, "option-consequence");
    }
}
