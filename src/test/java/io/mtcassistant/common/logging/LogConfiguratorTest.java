package io.mtcassistant.common.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

class LogConfiguratorTest {

    @TempDir
    Path folder;

    @Test
    void writesTheLogFileWithSecretsMaskedInMessagesAndStackTraces() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        new LogConfigurator().configure(context, folder.toString());
        Logger log = context.getLogger("io.mtcassistant.cluster.Something");
        log.debug("connecting with Bearer sha256~abcdefghijklmnopqrstuvwxyz");
        log.error("Command failed", new IllegalStateException("password=hunter22 rejected"));
        context.getLogger("io.fabric8.Noise").debug("not logged below INFO");
        context.stop();

        String text = Files.readString(folder.resolve("mtc-assistant.log"));
        assertThat(text)
                .containsPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\S+ DEBUG \\[[^]]+\\] "
                        + "io\\.mtcassistant\\.cluster\\.Something - connecting with Bearer ")
                .contains("java.lang.IllegalStateException")
                .contains("at io.mtcassistant.common.logging.LogConfiguratorTest")
                .doesNotContain("abcdefghijklmnopqrstuvwxyz", "hunter22", "not logged below INFO");
    }

    @Test
    void isTheConfigurationLogbackFindsThroughServiceLoader() {
        assertThat(java.util.ServiceLoader.load(ch.qos.logback.classic.spi.Configurator.class).stream()
                .map(provider -> provider.type().getName())).containsExactly(LogConfigurator.class.getName());
    }
}
