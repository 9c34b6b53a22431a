package io.mtcassistant.compat;

/** From which OpenShift release ImageDigestMirrorSet exists (ImageContentSourcePolicy before). */
public record MirrorPolicyData(OpenShiftVersion idmsFrom) {
}
