package io.mtcassistant.ui.steps.plans;

import io.mtcassistant.ui.common.DialogService;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens the plan flow in its own window over the app (the Monitor page's "New plan…" and "Edit…"). */
public final class NewPlanWindow {

    private NewPlanWindow() {
    }

    public static Stage open(Window owner, NewPlanViewModel viewModel, DialogService dialogs) {
        Stage stage = new Stage();
        stage.setTitle(viewModel.titleProperty().get());
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
            stage.getIcons().setAll(owner instanceof Stage s ? s.getIcons() : java.util.List.of());
        }
        Scene scene = new Scene(NewPlanView.create(viewModel, dialogs), 960, 600);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        if (owner != null) {
            // near the owner's corner: centring can push it past a small screen's edge
            stage.setX(owner.getX() + 40);
            stage.setY(owner.getY() + 40);
        }
        stage.show();
        viewModel.load();
        return stage;
    }
}
