package io.mtcassistant.ui.steps.mirroring;

import java.nio.file.Path;

/** One file of the results folder, with its text for showing and copying. */
public record ResultFile(String name, Path path, String text) {
}
