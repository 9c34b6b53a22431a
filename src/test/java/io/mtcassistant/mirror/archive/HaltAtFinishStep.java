package io.mtcassistant.mirror.archive;

import io.mtcassistant.Launcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * The command line for a child JVM that stops at one step of the archive's finish: it writes a marker file there and
 * waits (for the kill -9 the test sends). Arguments: STEP MARKER-FILE, then the mtc-assistant arguments.
 */
public final class HaltAtFinishStep {

    private HaltAtFinishStep() {
    }

    public static void main(String[] args) {
        StreamingArchive.FinishStep halt = StreamingArchive.FinishStep.valueOf(args[0]);
        Path marker = Path.of(args[1]);
        StreamingArchive.finishProbe = step -> {
            if (step == halt) {
                try {
                    Files.writeString(marker, step.name());
                    new CountDownLatch(1).await();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        Launcher.main(Arrays.copyOfRange(args, 2, args.length));
    }
}
