package io.mtcassistant.ui.testsupport;

import io.mtcassistant.ui.AppComposition;
import io.mtcassistant.ui.steps.clusters.ConnectionState;
import io.mtcassistant.ui.steps.compatibility.CompatibilityViewModel;
import io.mtcassistant.ui.wizard.WizardModel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What a person does on the Clusters page in demo mode, shared by the demo flow tests. */
public final class DemoClustersSteps {

    private DemoClustersSteps() {
    }

    /** Waits until the simulated pair's kubeconfig is loaded (two contexts listed). */
    public static void awaitDemoContexts(AppComposition app) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.clusters().contexts().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Makes sim-source the source and sim-target the target, clicks Connect and waits until both have an outcome. */
    public static void assignRolesAndConnect(FxRobot robot, AppComposition app) throws TimeoutException {
        robot.clickOn("sim-source");
        robot.clickOn("Source");
        robot.clickOn("sim-target");
        robot.clickOn("Target");
        robot.clickOn("Connect");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.clusters().contexts().stream()
                .allMatch(row -> row.connection() == ConnectionState.CONNECTED || row.connection() == ConnectionState.FAILED));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Goes to step 2, waits for its report and answers its open question with the option given ("#option-mtc-1-7"). */
    public static void decideCompatibility(FxRobot robot, AppComposition app, String option) throws TimeoutException {
        // not a click on Next: on a loaded machine a click right after a page change can land before the button does
        robot.interact(() -> app.wizard().goTo(app.wizard().step(WizardModel.COMPATIBILITY)));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> app.compatibility().phase() == CompatibilityViewModel.Phase.REPORT
                || app.compatibility().phase() == CompatibilityViewModel.Phase.FAILED);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup(option).queryAs(javafx.scene.control.ButtonBase.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
