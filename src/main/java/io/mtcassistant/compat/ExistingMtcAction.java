package io.mtcassistant.compat;

/** What an MTC already on a cluster means for the install. */
public enum ExistingMtcAction {
    /** Nothing installed: a fresh install. */
    INSTALL,
    /** The planned version is there already: keep it. */
    REUSE,
    /** An older version is there: upgrade it to the planned one. */
    UPGRADE,
    /** A newer or otherwise incompatible install is there: it must go, or the plan must change. */
    CONFLICT,
    /** Not known yet (no connection, or the MTC version is not decided). */
    UNKNOWN
}
