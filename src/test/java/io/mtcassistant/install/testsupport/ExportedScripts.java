package io.mtcassistant.install.testsupport;

import io.mtcassistant.install.plan.ChangePlanExporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs an exported plan's apply.sh with Debian's kubectl against a simulated cluster, output and errors merged. */
public final class ExportedScripts {

    public static final Path KUBECTL = Path.of("/usr/bin/kubectl");

    private ExportedScripts() {
    }

    public static boolean kubectlInstalled() {
        return Files.isExecutable(KUBECTL);
    }

    public static Process start(Path exportFolder, Path kubeconfig) throws IOException {
        ProcessBuilder script = new ProcessBuilder("sh", exportFolder.resolve(ChangePlanExporter.SCRIPT).toString())
                .redirectErrorStream(true);
        script.environment().put("KUBECTL", KUBECTL.toString());
        script.environment().put("KUBECONFIG", kubeconfig.toString());
        // the simulation serves no OpenAPI document for kubectl's client-side schema check
        script.environment().put("KUBECTL_VALIDATE", "false");
        return script.start();
    }
}
