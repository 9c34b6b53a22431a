package io.mtcassistant.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mtcassistant.storage.CheckStep;
import io.mtcassistant.storage.RepositoryCheck;
import io.mtcassistant.storage.RepositoryCheckReport;
import io.mtcassistant.storage.RepositoryCheckText;
import io.mtcassistant.storage.RepositoryTarget;
import io.mtcassistant.storage.S3Keys;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `mtc-assistant repository check`: the replication repository checked from this workstation with a real S3 client. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check an S3 endpoint and bucket from this workstation: name, port, TLS, keys, bucket, and a "
                + "probe object written, read and deleted with path-style requests.",
            "Exit code: 0 the check passes, 1 the repository fails it, 2 bad input."})
public class RepositoryCheckCommand implements Callable<Integer> {

    enum Output { table, json }


    @Spec
    CommandSpec spec;

    @Mixin
    RepositoryTargetOptions targetOptions;

    @Option(names = "--create-bucket", description = "Create the bucket when it is missing.")
    boolean createBucket;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10", description = "Per connection and request (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--output", paramLabel = "table|json", defaultValue = "table", description = "Output format (default: ${DEFAULT-VALUE}).")
    Output output;

    @Mixin
    RepositoryKeysOptions keysOptions;

    @Override
    public Integer call() {
        RepositoryTarget target = targetOptions.target();
        if (timeoutSeconds < 1) {
            throw new BadInputException("--timeout " + timeoutSeconds + ": give at least 1 second");
        }
        S3Keys keys = keysOptions.keys(System.getenv());
        PrintWriter out = spec.commandLine().getOut();
        RepositoryCheckReport report = new RepositoryCheck(Duration.ofSeconds(timeoutSeconds))
                .run(target, keys, createBucket, step -> { });
        out.print(output == Output.json ? json(report, keys) : RepositoryCheckText.of(report, keys));
        out.flush();
        return report.passed() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    static String json(RepositoryCheckReport report, S3Keys keys) {
        ObjectNode root = JsonText.object()
                .put("endpoint", report.target().endpoint().toString())
                .put("bucket", report.target().bucket())
                .put("region", report.target().region())
                .put("accessKey", keys.maskedAccessKeyId())
                .put("passed", report.passed());
        report.problem().ifPresent(p -> root.put("problem", p.name()).put("meaning", p.meaning())
                .put("nextStep", p.nextStep()));
        ArrayNode steps = root.putArray("steps");
        for (CheckStep step : report.steps()) {
            ObjectNode s = steps.addObject().put("step", step.name()).put("status", step.status().name())
                    .put("detail", step.detail());
            step.problem().ifPresent(p -> s.put("problem", p.name()));
        }
        return JsonText.pretty(root) + "\n";
    }
}
