package io.mtcassistant.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mtcassistant.plans.HookPhase;
import io.mtcassistant.plans.KubernetesName;
import io.mtcassistant.plans.PlanHook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * One hook of a plan on the command line: {@code --hook NAME} starts it, the {@code --hook-*} options after it
 * describe it (the MigHook's image or playbook and cluster, the plan's phase, service account and namespace for it).
 * Repeat the group for more hooks.
 */
final class PlanHookOptions {

    static final String DEFAULT_NAMESPACE = "openshift-migration";
    static final String DEFAULT_SERVICE_ACCOUNT = "migration-controller";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Option(names = "--hook", required = true, paramLabel = "NAME",
            description = "A hook the plan runs, as a MigHook of this name; the --hook-* options after it describe "
                    + "it (repeat the group for more hooks).")
    String name;

    @Option(names = "--hook-phase", paramLabel = "PHASE",
            description = "When it runs: PreBackup, PostBackup, PreRestore or PostRestore (required).")
    String phase;

    @Option(names = "--hook-playbook", paramLabel = "FILE",
            description = "An Ansible playbook (YAML) for the MTC hook runner to run.")
    Path playbook;

    @Option(names = "--hook-image", paramLabel = "IMAGE",
            description = "A custom image to run instead of a playbook; with --hook-playbook, the image that runs "
                    + "the playbook (default: the MTC hook runner).")
    String image;

    @Option(names = "--hook-cluster", paramLabel = "source|destination",
            description = "The cluster the hook's job runs on (default: source for PreBackup and PostBackup, "
                    + "destination for PreRestore and PostRestore).")
    String cluster;

    @Option(names = "--hook-service-account", paramLabel = "SA",
            description = "The service account of the hook's job (default: " + DEFAULT_SERVICE_ACCOUNT + ").")
    String serviceAccount;

    @Option(names = "--hook-namespace", paramLabel = "NS",
            description = "The namespace the hook's job runs in (default: " + DEFAULT_NAMESPACE + ").")
    String namespace;

    /**
     * The hooks these groups describe, each checked as it was typed.
     *
     * @throws BadInputException naming the flag and the problem
     */
    static List<PlanHook> hooks(List<PlanHookOptions> groups) {
        List<PlanHook> hooks = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (PlanHookOptions group : groups == null ? List.<PlanHookOptions>of() : groups) {
            PlanHook hook = group.hook();
            if (!names.add(hook.name())) {
                throw new BadInputException("--hook " + hook.name() + ": given twice; each hook needs its own name");
            }
            hooks.add(hook);
        }
        return hooks;
    }

    private PlanHook hook() {
        KubernetesName.problem(name).ifPresent(p -> {
            throw new BadInputException("--hook: the name " + p);
        });
        String where = "--hook " + name + ": ";
        if (phase == null) {
            throw new BadInputException(where + "--hook-phase is required (PreBackup, PostBackup, PreRestore or "
                    + "PostRestore)");
        }
        HookPhase when = parsePhase(where);
        if (playbook == null && (image == null || image.isBlank())) {
            throw new BadInputException(where + "give --hook-playbook FILE (an Ansible playbook) or --hook-image "
                    + "IMAGE (a custom image)");
        }
        if (image != null && (image.isBlank() || image.chars().anyMatch(Character::isWhitespace))) {
            throw new BadInputException(where + "--hook-image '" + image + "' is not an image reference");
        }
        if (cluster != null && !cluster.equals("source") && !cluster.equals("destination")) {
            throw new BadInputException(where + "--hook-cluster '" + cluster + "' must be source or destination");
        }
        String executionNamespace = namespace == null ? DEFAULT_NAMESPACE : namespace;
        KubernetesName.problem(executionNamespace).ifPresent(p -> {
            throw new BadInputException(where + "--hook-namespace " + p);
        });
        String account = serviceAccount == null ? DEFAULT_SERVICE_ACCOUNT : serviceAccount;
        KubernetesName.problem(account).ifPresent(p -> {
            throw new BadInputException(where + "--hook-service-account " + p);
        });
        return new PlanHook(name, playbook == null ? null : readPlaybook(where), image, when, cluster,
                executionNamespace, account);
    }

    private HookPhase parsePhase(String where) {
        try {
            return HookPhase.parse(phase);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(where + "--hook-phase " + e.getMessage(), e);
        }
    }

    /** The playbook's text, once it reads as YAML holding a list of plays (what ansible-playbook runs). */
    private String readPlaybook(String where) {
        String text;
        try {
            text = Files.readString(playbook);
        } catch (IOException e) {
            throw new BadInputException(where + "--hook-playbook " + playbook + ": cannot read: " + e.getMessage(), e);
        }
        JsonNode plays;
        try {
            plays = YAML.readTree(text);
        } catch (IOException e) {
            throw new BadInputException(where + "--hook-playbook " + playbook + ": is not YAML: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (plays == null || !plays.isArray() || plays.isEmpty()) {
            throw new BadInputException(where + "--hook-playbook " + playbook + ": an Ansible playbook is a YAML "
                    + "list of plays (- hosts: localhost ...)");
        }
        return text;
    }
}
