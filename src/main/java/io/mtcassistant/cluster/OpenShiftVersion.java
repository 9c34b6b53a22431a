package io.mtcassistant.cluster;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenShift release number as clusters report it ("3.11.784", "4.12.45", "v3.11.0+d4cacc0-1", "4.14.0-rc.2").
 * Only major, minor and patch take part in ordering; the rest is kept for display.
 */
public record OpenShiftVersion(int major, int minor, int patch, String text) implements Comparable<OpenShiftVersion> {

    private static final Pattern NUMBERS = Pattern.compile("^v?(\\d+)\\.(\\d+)\\+?(?:\\.(\\d+))?.*$");

    /** Parses a version; empty when the text does not start with major.minor. */
    public static Optional<OpenShiftVersion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = NUMBERS.matcher(text.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            int patch = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
            return Optional.of(new OpenShiftVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                    patch, text.trim()));
        } catch (NumberFormatException e) {
            // Digits beyond an int are no release a server reports.
            return Optional.empty();
        }
    }

    /**
     * The OpenShift minor release that ships a Kubernetes version, for when the cluster does not say it itself
     * (3.x ships Kubernetes 1.x of the same minor from 3.6 on; 4.1 ships 1.13, 4.2 1.14, and 4.n for n >= 3
     * ships 1.(n+13)).
     */
    public static Optional<OpenShiftVersion> impliedByKubernetes(KubernetesVersion kubernetes, boolean openShift4) {
        if (kubernetes == null || kubernetes.major() != 1) {
            return Optional.empty();
        }
        int kubeMinor = kubernetes.minor();
        if (!openShift4) {
            return kubeMinor >= 6 && kubeMinor <= 11
                    ? Optional.of(new OpenShiftVersion(3, kubeMinor, 0, "3." + kubeMinor)) : Optional.empty();
        }
        int minor;
        if (kubeMinor == 13) {
            minor = 1;
        } else if (kubeMinor == 14) {
            minor = 2;
        } else if (kubeMinor >= 16) {
            minor = kubeMinor - 13;
        } else {
            return Optional.empty();
        }
        return Optional.of(new OpenShiftVersion(4, minor, 0, "4." + minor));
    }

    /** The procedure's platform class: legacy up to 4.5, modern from 4.6. */
    public PlatformClass platformClass() {
        return major < 4 || (major == 4 && minor <= 5) ? PlatformClass.LEGACY : PlatformClass.MODERN;
    }

    /** "3.11", "4.12". */
    public String majorMinor() {
        return major + "." + minor;
    }

    public boolean isAtLeast(int otherMajor, int otherMinor) {
        return major > otherMajor || (major == otherMajor && minor >= otherMinor);
    }

    @Override
    public int compareTo(OpenShiftVersion other) {
        int result = Integer.compare(major, other.major);
        if (result == 0) {
            result = Integer.compare(minor, other.minor);
        }
        return result != 0 ? result : Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return text;
    }
}
