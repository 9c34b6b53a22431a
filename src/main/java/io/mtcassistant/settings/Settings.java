package io.mtcassistant.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What the desktop app remembers between runs.
 *
 * @param kubeconfigFiles the kubeconfig files the user added, in merge order (absolute paths)
 * @param theme           light or dark
 * @param compatibility   the Compatibility step's decisions for the clusters last checked; null when none
 * @param roles           the roles given on the Clusters step, per context name and file
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(List<String> kubeconfigFiles, Theme theme, RememberedDecisions compatibility, List<RememberedRole> roles) {

    public Settings {
        kubeconfigFiles = kubeconfigFiles == null ? List.of() : List.copyOf(kubeconfigFiles);
        theme = theme == null ? Theme.LIGHT : theme;
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** Without remembered roles. */
    public Settings(List<String> kubeconfigFiles, Theme theme, RememberedDecisions compatibility) {
        this(kubeconfigFiles, theme, compatibility, List.of());
    }

    /** Without remembered compatibility decisions. */
    public Settings(List<String> kubeconfigFiles, Theme theme) {
        this(kubeconfigFiles, theme, null);
    }

    public static Settings defaults() {
        return new Settings(List.of(), Theme.LIGHT);
    }

    public Settings withKubeconfigFiles(List<String> files) {
        return new Settings(files, theme, compatibility, roles);
    }

    public Settings withTheme(Theme newTheme) {
        return new Settings(kubeconfigFiles, newTheme, compatibility, roles);
    }

    public Settings withCompatibility(RememberedDecisions decisions) {
        return new Settings(kubeconfigFiles, theme, decisions, roles);
    }

    public Settings withRoles(List<RememberedRole> newRoles) {
        return new Settings(kubeconfigFiles, theme, compatibility, newRoles);
    }
}
