package io.mtcassistant.install.plan;

/**
 * One action as the admin reviews it: the YAML it carries and, for a merge patch, the unified diff of the live
 * object against the object after the patch (empty when not compared with a cluster).
 */
public record ActionPreview(int number, ChangeAction action, String yaml, String diff) {
}
