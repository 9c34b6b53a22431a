package io.mtcassistant.plans;

import java.util.Objects;

/**
 * One namespace of a plan: its name on the source and, when it differs, on the target. MigPlan writes it as
 * {@code src} or {@code src:dest}.
 */
public record NamespaceMapping(String source, String target) {

    public NamespaceMapping {
        Objects.requireNonNull(source, "source");
        target = target == null || target.isEmpty() ? source : target;
    }

    /** "shop" or "shop:shop-new"; no checking of the names (see {@link PlanValidator}). */
    public static NamespaceMapping parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        int colon = trimmed.indexOf(':');
        return colon < 0 ? new NamespaceMapping(trimmed, null)
                : new NamespaceMapping(trimmed.substring(0, colon), trimmed.substring(colon + 1));
    }

    public boolean renamed() {
        return !source.equals(target);
    }

    /** The form MigPlan.spec.namespaces holds. */
    public String specValue() {
        return renamed() ? source + ":" + target : source;
    }

    /** OpenShift's own namespaces: migrating them breaks the target or is refused by the controller. */
    public boolean isSystem() {
        return isSystem(source);
    }

    public static boolean isSystem(String namespace) {
        return namespace.startsWith("openshift-") || namespace.equals("openshift") || namespace.startsWith("kube-")
                || namespace.equals("default");
    }
}
