package io.mtcassistant.network;

/** Whether passwords in proxy URLs go into an object: only the patch sent to the cluster, or an export asked for them. */
public enum SecretHandling {
    /** The real password: for Apply, or an export the admin explicitly asked to include secrets in. */
    INCLUDE,
    /** {@link #PLACEHOLDER_TEXT} instead of the password: previews and exports by default. */
    PLACEHOLDER;

    public static final String PLACEHOLDER_TEXT = "PASSWORD-NOT-EXPORTED";
}
