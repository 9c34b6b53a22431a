package io.mtcassistant.compat;

/**
 * An MTC release line the table names.
 *
 * @param version              "1.7"
 * @param label                the table's words, "MTC v.1.7.z"
 * @param supportStatement     the procedure's sentence on what it supports
 * @param oadpChannel          the OADP channel its OLM bundle depends on
 * @param tunnelApi            whether crane tunnel-api is the documented answer to network restrictions
 * @param legacyControlCluster whether the edge case "legacy cluster as the control cluster" is allowed
 */
public record MtcRelease(
        MtcVersion version,
        String label,
        String supportStatement,
        String oadpChannel,
        boolean tunnelApi,
        boolean legacyControlCluster) {
}
