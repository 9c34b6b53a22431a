package io.mtcassistant.compat;

import java.util.List;

/**
 * One answer the admin can give, with what it leads to.
 *
 * @param id                stable id ("mtc-1.7", "tunnel-api", "legacy-control-cluster", "fix-network")
 * @param label             short text for a radio button
 * @param available         false when the table rules it out here (then unavailableReason says why)
 * @param consequences      what happens with this choice, one sentence each
 * @param unavailableReason why it cannot be chosen; null when available
 * @param cliFlag           the command-line option that records this choice ("--mtc-version 1.7"); null if none
 */
public record DecisionOption(
        String id,
        String label,
        boolean available,
        List<String> consequences,
        String unavailableReason,
        String cliFlag) {

    public DecisionOption {
        consequences = consequences == null ? List.of() : List.copyOf(consequences);
    }
}
