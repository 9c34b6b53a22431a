package io.mtcassistant.plans;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * A hook of the plan: an Ansible playbook run by the hook-runner image, or a custom image; where and when it runs.
 *
 * @param name               the MigHook's name
 * @param playbook           the playbook's YAML text (null for a custom image)
 * @param image              the custom image, or the hook-runner image for a playbook
 * @param phase              when it runs
 * @param targetCluster      "source" or "destination"
 * @param executionNamespace the namespace its job runs in
 * @param serviceAccount     the service account of its job
 */
public record PlanHook(String name, String playbook, String image, HookPhase phase, String targetCluster,
        String executionNamespace, String serviceAccount) {

    /** MTC 1.8's hook runner (mirrored like the other MTC images). */
    public static final String HOOK_RUNNER_IMAGE = "registry.redhat.io/rhmtc/openshift-migration-hook-runner-rhel8:v1.8";

    public PlanHook {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(phase, "phase");
        targetCluster = targetCluster == null || targetCluster.isEmpty() ? phase.defaultTargetCluster() : targetCluster;
        image = image == null || image.isEmpty() ? (playbook == null ? null : HOOK_RUNNER_IMAGE) : image;
    }

    public boolean custom() {
        return playbook == null;
    }

    /** The playbook as MigHook.spec.playbook holds it. */
    public String playbookBase64() {
        return playbook == null ? null : Base64.getEncoder().encodeToString(playbook.getBytes(StandardCharsets.UTF_8));
    }
}
