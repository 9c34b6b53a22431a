package io.mtcassistant.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class FxDialogServiceTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @Test
    void detailsAreShownAsSelectableTextAndTheDialogCloses(FxRobot robot) throws Exception {
        FxDialogService dialogs = new FxDialogService(() -> stage);
        Platform.runLater(() -> dialogs.showDetails("Connection to ocp4", "The certificate is not trusted.",
                "PKIX path building failed"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());

        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(pane.getHeaderText()).isEqualTo("The certificate is not trusted.");
        TextArea text = robot.lookup(".dialog-pane .text-area").queryAs(TextArea.class);
        assertThat(text.getText()).isEqualTo("PKIX path building failed");
        assertThat(text.isEditable()).isFalse();

        robot.clickOn(pane.lookupButton(ButtonType.CLOSE));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
    }
}
