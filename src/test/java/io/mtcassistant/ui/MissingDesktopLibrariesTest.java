package io.mtcassistant.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MissingDesktopLibrariesTest {

    @Test
    void namesTheDebianAndRhelPackageWhenGlassCannotLoadGtk() {
        RuntimeException launch = new RuntimeException("Application launch failed",
                new UnsupportedOperationException("Unable to load glass GTK library."));
        assertThat(MissingDesktopLibraries.advice(launch)).hasValueSatisfying(advice -> assertThat(advice)
                .contains("libgtk-3-0", "gtk3").doesNotContain("\n"));
        assertThat(new MissingDesktopLibraries.Failure(launch).getMessage()).isEqualTo(MissingDesktopLibraries.ADVICE);
    }

    @Test
    void otherToolkitFailuresKeepTheirOwnWords() {
        assertThat(MissingDesktopLibraries.advice(new UnsupportedOperationException("Unable to open DISPLAY")))
                .isEmpty();
    }
}
