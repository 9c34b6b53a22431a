package io.mtcassistant.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Every question the app asks through a window, so view models can be tested without one. */
public interface DialogService {

    /** Lets the user pick kubeconfig files; empty when cancelled. */
    List<Path> chooseKubeconfigFiles(Path initialDirectory);

    /** Lets the user pick a CA certificate bundle (PEM). */
    Optional<Path> chooseCaFile(Path initialDirectory);

    /** Shows technical detail the user asked for (text they can select and copy). */
    void showDetails(String title, String summary, String detail);

    /**
     * Lets the user choose where to save a file; empty when cancelled.
     *
     * @param suggestedName file name proposed in the dialog ("mtc-compatibility-report.md")
     * @param description   what the file type is called ("Markdown")
     * @param extension     the extension with its dot (".md")
     */
    Optional<Path> chooseSaveFile(String title, Path initialDirectory, String suggestedName, String description,
                                  String extension);

    /** Puts text on the system clipboard. */
    void copyToClipboard(String text);

    /** Lets the user pick a folder; empty when cancelled. */
    default Optional<Path> chooseFolder(String title, Path initialDirectory) {
        return Optional.empty();
    }

    /**
     * Lets the user pick a file to read; empty when cancelled.
     *
     * @param description what the files are called ("Kubernetes objects (JSON or YAML)")
     * @param patterns    the file-name patterns offered first ("*.json", "*.yaml")
     */
    default Optional<Path> chooseOpenFile(String title, Path initialDirectory, String description, List<String> patterns) {
        return Optional.empty();
    }

    /** Asks the desktop to show a folder; false when it cannot, and the caller then shows the path instead. */
    default boolean openFolder(Path folder) {
        return false;
    }
}
