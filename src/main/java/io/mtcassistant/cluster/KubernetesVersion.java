package io.mtcassistant.cluster;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes server version from /version. OpenShift 3.11 reports minor "11+" and gitVersion
 * "v1.11.0+d4cacc0", so the numbers come from gitVersion first and the major/minor fields only as a fallback.
 */
public record KubernetesVersion(int major, int minor, int patch, String gitVersion) {

    private static final Pattern GIT_VERSION = Pattern.compile("^v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?.*$");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d+).*$");

    public static Optional<KubernetesVersion> parse(String gitVersion, String majorField, String minorField) {
        if (gitVersion != null) {
            Matcher matcher = GIT_VERSION.matcher(gitVersion.trim());
            if (matcher.matches()) {
                int patch = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
                return Optional.of(new KubernetesVersion(Integer.parseInt(matcher.group(1)),
                        Integer.parseInt(matcher.group(2)), patch, gitVersion.trim()));
            }
        }
        Optional<Integer> major = leadingNumber(majorField);
        Optional<Integer> minor = leadingNumber(minorField);
        if (major.isPresent() && minor.isPresent()) {
            String text = gitVersion != null ? gitVersion : "v" + major.get() + "." + minor.get();
            return Optional.of(new KubernetesVersion(major.get(), minor.get(), 0, text));
        }
        return Optional.empty();
    }

    public static Optional<KubernetesVersion> parse(String gitVersion) {
        return parse(gitVersion, null, null);
    }

    private static Optional<Integer> leadingNumber(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = LEADING_NUMBER.matcher(text.trim());
        return matcher.matches() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }
}
