package io.mtcassistant.compat;

/**
 * One way to install one MTC release on a column's clusters.
 *
 * @param mtc      the MTC release line
 * @param method   legacy operator (operator.yml) or OLM
 * @param channel  OLM channel; null for the legacy operator
 * @param text     the table's own words for it
 * @param offTable true when the table does not list this option (it comes from other Red Hat material)
 * @param note     why an off-table option exists and what it needs; may be null
 */
public record InstallOption(MtcVersion mtc, InstallMethod method, String channel, String text, boolean offTable, String note) {

    /** "OLM, channel release-v1.8" or "legacy operator from operator.yml". */
    public String summary() {
        return method == InstallMethod.OLM ? "OLM, channel " + channel : method.label();
    }
}
