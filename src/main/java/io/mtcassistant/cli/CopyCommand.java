package io.mtcassistant.cli;

import io.mtcassistant.mirror.ImageReference;
import io.mtcassistant.mirror.MirrorException;
import io.mtcassistant.mirror.MirrorOptions;
import io.mtcassistant.mirror.engine.ImageCopy;
import io.mtcassistant.mirror.engine.ImageResult;
import io.mtcassistant.mirror.engine.TransferStats;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mtc-assistant copy [--all] SRC DEST}: one image, skopeo-like, digests preserved. */
@Command(name = "copy", mixinStandardHelpOptions = true,
        description = {"Copy one image, keeping its digest.",
            "SRC and DEST: docker://HOST[:PORT]/REPO[:TAG|@sha256:...] or oci:DIR[:TAG]."})
public class CopyCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    RegistryOptionsMixin registry;

    @Option(names = "--all", description = "Copy every image of a multi-arch index (default: only linux/amd64, like skopeo).")
    boolean all;

    @Option(names = "--jobs", paramLabel = "N", description = "Parallel blob transfers per registry (default ${DEFAULT-VALUE}).")
    int jobs = MirrorOptions.DEFAULT_JOBS;

    @Parameters(index = "0", paramLabel = "SRC")
    String source;

    @Parameters(index = "1", paramLabel = "DEST")
    String destination;

    @Override
    public Integer call() {
        ImageReference src;
        ImageReference dst;
        try {
            src = ImageReference.parse(source);
            dst = ImageReference.parse(destination);
        } catch (MirrorException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        if (jobs < 1) {
            throw new BadInputException("--jobs must be at least 1");
        }
        TransferStats stats = new TransferStats();
        ImageResult result;
        try {
            result = new ImageCopy(registry.access()).copy(src, dst, all, registry.srcTlsVerify, registry.destTlsVerify, jobs, stats);
        } catch (MirrorException e) {
            if (e.isBadInput()) {
                throw new BadInputException(e.getMessage(), e);
            }
            spec.commandLine().getErr().println("mtc-assistant: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        if (!result.ok()) {
            spec.commandLine().getErr().println("mtc-assistant: copy failed: " + result.error());
            return ExitCodes.FAILED;
        }
        spec.commandLine().getOut().println("Copied " + source + " -> " + destination + " (" + result.digest() + ", "
                + stats.blobsCopied() + " blobs copied, " + stats.blobsSkipped() + " already there, "
                + stats.blobsMounted() + " mounted, " + stats.bytesTransferred() + " bytes)");
        return ExitCodes.OK;
    }
}
