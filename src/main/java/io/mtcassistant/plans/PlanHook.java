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

    /**
     * A hook as a plan holds it: its entry in MigPlan.spec.hooks and the MigHook that entry names.
     *
     * @throws IllegalArgumentException when the entry's phase is not one of MTC's
     */
    public static PlanHook of(com.fasterxml.jackson.databind.JsonNode entry,
            com.fasterxml.jackson.databind.JsonNode migHook) {
        com.fasterxml.jackson.databind.JsonNode spec = migHook.path("spec");
        String playbook = spec.path("custom").asBoolean(false) || !spec.hasNonNull("playbook") ? null
                : new String(Base64.getDecoder().decode(spec.get("playbook").asText()), StandardCharsets.UTF_8);
        return new PlanHook(entry.path("reference").path("name").asText(), playbook, spec.path("image").asText(null),
                HookPhase.parse(entry.path("phase").asText()), spec.path("targetCluster").asText(null),
                entry.path("executionNamespace").asText(null), entry.path("serviceAccount").asText(null));
    }

    /** Whether the MigHook itself differs (image, playbook, cluster), not only the plan's entry for it. */
    public boolean sameMigHook(PlanHook other) {
        return Objects.equals(playbook, other.playbook) && Objects.equals(image, other.image)
                && Objects.equals(targetCluster, other.targetCluster);
    }

    /** The playbook as MigHook.spec.playbook holds it. */
    public String playbookBase64() {
        return playbook == null ? null : Base64.getEncoder().encodeToString(playbook.getBytes(StandardCharsets.UTF_8));
    }
}
