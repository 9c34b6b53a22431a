package io.mtcassistant.ui.steps.notyet;

import io.mtcassistant.ui.common.Icons;
import io.mtcassistant.ui.wizard.WizardStep;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

/** The page of a step this version does not have yet: says so plainly instead of pretending to work. */
public final class NotYetAvailablePage {

    public static final String NOTICE = "This step is not yet available in this version of MTC Assistant.";

    private NotYetAvailablePage() {
    }

    public static Node create(WizardStep step, int number) {
        Label title = new Label(step.title());
        title.getStyleClass().add("page-title");
        Label lead = new Label(step.purpose());
        lead.getStyleClass().add("page-lead");
        lead.setWrapText(true);
        Label notice = new Label(NOTICE, Icons.icon(MaterialDesignI.INFORMATION_OUTLINE));
        notice.getStyleClass().add("not-yet-notice");
        notice.setId("not-yet-notice");
        VBox header = new VBox(4, stepNumber(number), title, lead);
        VBox page = new VBox(18, header, notice);
        page.getStyleClass().addAll("page", "not-yet-page");
        page.setId("page-" + step.id());
        return page;
    }

    private static Label stepNumber(int number) {
        Label label = new Label("STEP " + number);
        label.getStyleClass().add("page-kicker");
        return label;
    }
}
