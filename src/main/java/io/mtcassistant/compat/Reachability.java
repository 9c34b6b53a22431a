package io.mtcassistant.compat;

/** The admin's statement on whether a remote cluster and the control cluster can connect. */
public enum Reachability {
    YES, NO, UNKNOWN
}
