package io.mtcassistant.sim;

/**
 * A user the simulated API server knows.
 *
 * @param name     the identity the server reports ("system:admin", "developer")
 * @param token    bearer token the server accepts for this user
 * @param password password for the OpenShift OAuth challenge flow; null when the user cannot log in that way
 * @param admin    whether this user is cluster-admin (answers SelfSubjectAccessReviews accordingly)
 */
public record SimulatedUser(String name, String token, String password, boolean admin) {

    @Override
    public String toString() {
        return "SimulatedUser[" + name + (admin ? ", cluster-admin" : "") + "]";
    }
}
