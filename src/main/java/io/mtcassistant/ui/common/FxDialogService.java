package io.mtcassistant.ui.common;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The real dialogs, owned by the main window. */
public final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public List<Path> chooseKubeconfigFiles(Path initialDirectory) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Add kubeconfig files");
        setInitialDirectory(chooser, initialDirectory);
        List<File> files = chooser.showOpenMultipleDialog(owner.get());
        return files == null ? List.of() : files.stream().map(File::toPath).toList();
    }

    @Override
    public Optional<Path> chooseCaFile(Path initialDirectory) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose the CA certificate that signed the API server certificate");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Certificates (*.crt, *.pem, *.cer)", "*.crt", "*.pem", "*.cer"),
                new FileChooser.ExtensionFilter("All files", "*"));
        setInitialDirectory(chooser, initialDirectory);
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseOpenFile(String title, Path initialDirectory, String description, List<String> patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(description, patterns),
                new FileChooser.ExtensionFilter("All files", "*"));
        setInitialDirectory(chooser, initialDirectory);
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public void showDetails(String title, String summary, String detail) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(summary);
        TextArea text = new TextArea(detail == null || detail.isBlank() ? "No further detail." : detail);
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(10);
        text.setPrefColumnCount(70);
        alert.getDialogPane().setContent(text);
        alert.showAndWait();
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, Path initialDirectory, String suggestedName, String description,
                                         String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(description + " (*" + extension + ")", "*" + extension),
                new FileChooser.ExtensionFilter("All files", "*"));
        setInitialDirectory(chooser, initialDirectory != null ? initialDirectory : Path.of(System.getProperty("user.home")));
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    @Override
    public void copyToClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private static void setInitialDirectory(FileChooser chooser, Path directory) {
        Path start = directory != null ? directory : Path.of(System.getProperty("user.home"), ".kube");
        if (Files.isDirectory(start)) {
            chooser.setInitialDirectory(start.toFile());
        }
    }

    @Override
    public Optional<Path> chooseFolder(String title, Path initialDirectory) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (initialDirectory != null && Files.isDirectory(initialDirectory)) {
            chooser.setInitialDirectory(initialDirectory.toFile());
        }
        return Optional.ofNullable(chooser.showDialog(owner.get())).map(File::toPath);
    }

    @Override
    public boolean openFolder(Path folder) {
        // The freedesktop way to show a folder in the user's file manager; there is no JavaFX call for it.
        try {
            new ProcessBuilder("xdg-open", folder.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
