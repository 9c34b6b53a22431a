package io.mtcassistant.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What the desktop app remembers between runs.
 *
 * @param kubeconfigFiles the kubeconfig files the user added, in merge order (absolute paths)
 * @param theme           light or dark
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(List<String> kubeconfigFiles, Theme theme) {

    public Settings {
        kubeconfigFiles = kubeconfigFiles == null ? List.of() : List.copyOf(kubeconfigFiles);
        theme = theme == null ? Theme.LIGHT : theme;
    }

    public static Settings defaults() {
        return new Settings(List.of(), Theme.LIGHT);
    }

    public Settings withKubeconfigFiles(List<String> files) {
        return new Settings(files, theme);
    }

    public Settings withTheme(Theme newTheme) {
        return new Settings(kubeconfigFiles, newTheme);
    }
}
