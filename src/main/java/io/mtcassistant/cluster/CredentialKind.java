package io.mtcassistant.cluster;

/** How a kubeconfig user proves who it is; decides the advice when the server says no. */
enum CredentialKind {
    CLIENT_CERTIFICATE("a client certificate"),
    TOKEN("a bearer token"),
    TOKEN_FILE("a token file"),
    EXEC_PLUGIN("an exec credential plugin"),
    PASSWORD("user name and password (OpenShift OAuth)"),
    AUTH_PROVIDER("an auth-provider token"),
    NONE("no credentials");

    private final String description;

    CredentialKind(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }
}
