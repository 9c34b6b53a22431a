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
}
