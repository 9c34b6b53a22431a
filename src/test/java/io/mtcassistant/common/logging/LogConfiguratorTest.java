package io.mtcassistant.common.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.mtcassistant.common.SecretMasker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /** The line logback's PatternLayout wrote before MaskedLineLayout replaced it (the masking converters included). */
    private static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %maskedMsg%n%maskedEx";

    @Test
    void eachLineIsTheOnePatternLayoutWroteBefore() {
        LoggerContext context = new LoggerContext();
        PatternLayout pattern = new PatternLayout();
        pattern.setContext(context);
        pattern.getInstanceConverterMap().put("maskedMsg", () -> new MessageConverter() {
            @Override
            public String convert(ILoggingEvent event) {
                return SecretMasker.mask(super.convert(event));
            }
        });
        pattern.getInstanceConverterMap().put("maskedEx", MaskingThrowableConverter::new);
        pattern.setPattern(PATTERN);
        pattern.start();
        MaskedLineLayout layout = new MaskedLineLayout();
        layout.setContext(context);
        layout.start();

        ch.qos.logback.classic.Logger longName = context.getLogger("io.mtcassistant.mirror.registry.RegistryClient");
        List<LoggingEvent> events = List.of(
                new LoggingEvent("x", longName, Level.INFO, "token={} sent to {}", null, new Object[] {"s3cr3tvalue", "host"}),
                new LoggingEvent("x", context.getLogger("activity"), Level.WARN, "plain", null, null),
                new LoggingEvent("x", longName, Level.ERROR, "failed", new IllegalStateException("password=hunter22 rejected"), null),
                new LoggingEvent("x", context.getLogger("a.b.C"), Level.DEBUG, "Bearer sha256~abcdefghijklmnopqrstuvwxyz", null, null));
        for (LoggingEvent event : events) {
            assertThat(layout.doLayout(event)).isEqualTo(pattern.doLayout(event));
        }
        assertThat(layout.doLayout(events.get(2))).contains("java.lang.IllegalStateException").doesNotContain("hunter22");
        assertThat(layout.doLayout(events.get(0))).contains(" INFO  [").contains("i.m.mirror.registry.RegistryClient - ");
    }

    @Test
    void isTheConfigurationLogbackFindsThroughServiceLoader() {
        assertThat(java.util.ServiceLoader.load(ch.qos.logback.classic.spi.Configurator.class).stream()
                .map(provider -> provider.type().getName())).containsExactly(LogConfigurator.class.getName());
    }
}
