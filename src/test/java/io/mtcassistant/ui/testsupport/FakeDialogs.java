package io.mtcassistant.ui.testsupport;

import io.mtcassistant.ui.common.DialogService;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Dialogs answered from queues the test fills; remembers what was shown. */
public final class FakeDialogs implements DialogService {

    public final Deque<List<Path>> kubeconfigChoices = new ArrayDeque<>();
    public final Deque<Path> caChoices = new ArrayDeque<>();
    public final List<String> shownDetails = new ArrayList<>();
    public final Deque<Path> saveChoices = new ArrayDeque<>();
    public final List<String> saveTitles = new ArrayList<>();
    public final List<String> clipboard = new ArrayList<>();
    public final Deque<Path> folderChoices = new ArrayDeque<>();
    public final List<Path> openedFolders = new ArrayList<>();
    public final Deque<Path> openFileChoices = new ArrayDeque<>();

    @Override
    public List<Path> chooseKubeconfigFiles(Path initialDirectory) {
        return kubeconfigChoices.isEmpty() ? List.of() : kubeconfigChoices.removeFirst();
    }

    @Override
    public Optional<Path> chooseCaFile(Path initialDirectory) {
        return Optional.ofNullable(caChoices.pollFirst());
    }

    @Override
    public void showDetails(String title, String summary, String detail) {
        shownDetails.add(title + " | " + summary + " | " + detail);
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, Path initialDirectory, String suggestedName, String description,
                                         String extension) {
        saveTitles.add(title + " | " + suggestedName);
        return Optional.ofNullable(saveChoices.pollFirst());
    }

    @Override
    public void copyToClipboard(String text) {
        clipboard.add(text);
    }

    @Override
    public Optional<Path> chooseFolder(String title, Path initialDirectory) {
        return Optional.ofNullable(folderChoices.pollFirst());
    }

    @Override
    public Optional<Path> chooseOpenFile(String title, Path initialDirectory, String description, List<String> patterns) {
        return Optional.ofNullable(openFileChoices.pollFirst());
    }

    @Override
    public boolean openFolder(Path folder) {
        openedFolders.add(folder);
        return true;
    }
}
