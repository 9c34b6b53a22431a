package io.mtcassistant.common.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import org.slf4j.Logger;

/**
 * The log set up in code, found by logback through ServiceLoader: parsing an XML configuration cost the start of
 * every command about 400 classes (Joran, the XML parser). Logs go to a file only (the screen gets plain-word
 * errors, the file the details), with secrets masked in messages and stack traces.
 */
public class LogConfigurator extends ContextAwareBase implements Configurator {

    private static final String FILE_NAME = "mtc-assistant";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        configure(context, LogDirectory.folder());
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    void configure(LoggerContext context, String folder) {

        MaskedLineLayout layout = new MaskedLineLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();

        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(folder + "/" + FILE_NAME + ".log");
        file.setEncoder(encoder);
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(folder + "/" + FILE_NAME + ".%i.log");
        rolling.setMinIndex(1);
        rolling.setMaxIndex(3);
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf("10MB"));
        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(trigger);
        rolling.start();
        trigger.start();
        file.start();

        context.getLogger("io.mtcassistant").setLevel(Level.DEBUG);
        context.getLogger("io.fabric8").setLevel(Level.INFO);
        // fabric8 warns about every v1alpha1 API it reads (OLM, MTC): known and harmless here.
        context.getLogger("io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils").setLevel(Level.ERROR);
        context.getLogger("io.vertx").setLevel(Level.WARN);
        // The simulation's mock server (vert.x) warns of a "blocked" event loop whenever a busy machine is slow.
        context.getLogger("io.vertx.core.impl.BlockedThreadChecker").setLevel(Level.ERROR);
        context.getLogger("io.netty").setLevel(Level.WARN);
        context.getLogger("okhttp3").setLevel(Level.WARN);
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(file);
    }
}
