package io.mtcassistant.cli;

import io.mtcassistant.common.AppVersion;
import picocli.CommandLine;

/** --version: the app version, the Java runtime and the JavaFX version. */
public class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
            "mtc-assistant " + AppVersion.version(),
            "Java " + System.getProperty("java.runtime.version", System.getProperty("java.version"))
                    + " (" + System.getProperty("java.vm.name", "") + ")",
            "JavaFX " + javafxVersion()
        };
    }

    private static String javafxVersion() {
        // Read from the JavaFX jar's resource so the command line does not start the toolkit.
        try (var in = VersionProvider.class.getResourceAsStream("/javafx.properties")) {
            if (in != null) {
                var props = new java.util.Properties();
                props.load(in);
                return props.getProperty("javafx.runtime.version", "unknown");
            }
        } catch (java.io.IOException e) {
            return "unknown";
        }
        return "not found";
    }
}
