package io.mtcassistant.sim;

import java.util.Optional;

/**
 * Which writes a user who is not cluster-admin is refused, in line with the simulation's access-review answers:
 * cluster-scoped objects and the platform's own namespaces (openshift-*, kube-*) are forbidden, other namespaces
 * are not. The message is the one kube-apiserver's RBAC authorizer gives.
 */
final class OrdinaryUserWrites {

    private OrdinaryUserWrites() {
    }

    /** The 403 message for this write, or empty when it is allowed. */
    static Optional<String> forbidden(String method, String path, String userName) {
        String verb = switch (method) {
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> "delete";
            default -> null;
        };
        if (verb == null || path.endsWith("/selfsubjectaccessreviews") || path.endsWith("/selfsubjectreviews")) {
            return Optional.empty();
        }
        String[] parts = path.split("/");
        int resourceIndex;
        String group;
        if (path.startsWith("/api/") && parts.length >= 4) {
            group = "";
            resourceIndex = 3;
        } else if (path.startsWith("/apis/") && parts.length >= 5) {
            group = parts[2];
            resourceIndex = 4;
        } else {
            return Optional.empty();
        }
        String namespace = null;
        if ("namespaces".equals(parts[resourceIndex]) && parts.length > resourceIndex + 2) {
            namespace = parts[resourceIndex + 1];
            resourceIndex += 2;
        }
        String resource = parts[resourceIndex];
        if (namespace != null && !namespace.startsWith("openshift-") && !namespace.startsWith("kube-")
                && !namespace.equals("openshift")) {
            return Optional.empty();
        }
        String qualified = group.isEmpty() ? resource : resource + "." + group;
        String scope = namespace == null ? "at the cluster scope" : "in the namespace \"" + namespace + "\"";
        return Optional.of(qualified + " is forbidden: User \"" + userName + "\" cannot " + verb + " resource \""
                + resource + "\" in API group \"" + group + "\" " + scope);
    }
}
