package io.mtcassistant.compat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Check 2: one MTC version on every cluster. When the table's columns disagree the app does not pick: the row
 * needs a decision and lists every version with its consequences.
 */
final class MtcVersionCheck {

    /** The row and the version every cluster runs (null while undecided or impossible). */
    record Outcome(CheckResult row, MtcVersion chosen) {
    }

    private MtcVersionCheck() {
    }

    static Outcome evaluate(List<Placement> placements, CompatibilityMatrix matrix, MigrationDecisions decisions) {
        List<Fact> facts = new ArrayList<>();
        for (Placement placement : placements) {
            facts.add(Fact.of("Stable MTC version for " + placement.role() + " " + placement.context(),
                    placement.placed() ? PlatformCheck.labelOf(placement.column().stableMtc()) + " (" + placement.column().label() + ")"
                            : "(not in Table 7.1)", "Table 7.1"));
        }
        if (decisions.mtcVersion() != null) {
            facts.add(Fact.of("Your decision", "MTC " + decisions.mtcVersion() + " on every cluster", "your decision"));
        }
        List<Placement> placed = placements.stream().filter(Placement::placed).toList();
        if (placed.size() < placements.size() || placed.isEmpty()) {
            return new Outcome(new CheckResult(CheckKind.SAME_MTC_VERSION, null, null, Severity.WARNING,
                    "Not evaluated: not every cluster is connected and in Table 7.1",
                    facts, "The MTC version can be chosen only when every cluster is connected and covered by the table. "
                            + matrix.rules().sameVersion(),
                    "Solve the blocking rows of the clusters first.", null), null);
        }
        Set<MtcVersion> stable = new LinkedHashSet<>();
        placed.forEach(p -> stable.add(p.column().stableMtc()));
        String tableWords = tableWords(placed, matrix);

        if (decisions.mtcVersion() != null) {
            MtcVersion chosen = decisions.mtcVersion();
            MtcRelease release = matrix.release(chosen).orElse(null);
            if (release == null) {
                return new Outcome(new CheckResult(CheckKind.SAME_MTC_VERSION, null, null, Severity.BLOCKING,
                        "MTC " + chosen + " is not in the compatibility data", facts,
                        "The compatibility data knows " + known(matrix) + ".",
                        "Choose one of " + known(matrix) + ".", null), null);
            }
            DecisionOption option = option(release, placed, matrix);
            if (!option.available()) {
                return new Outcome(new CheckResult(CheckKind.SAME_MTC_VERSION, null, null, Severity.BLOCKING,
                        "MTC " + chosen + " cannot run on every cluster", facts,
                        option.unavailableReason() + " " + matrix.rules().sameVersion(),
                        "Choose another MTC version" + availableHint(placed, matrix) + ", or change the clusters.", null), null);
            }
            boolean matchesTable = stable.size() == 1 && stable.contains(chosen);
            Severity severity = matchesTable ? Severity.OK : Severity.WARNING;
            String explanation = (matchesTable ? "Table 7.1 gives " + PlatformCheck.labelOf(chosen) + " for every cluster and you chose it. "
                    : "You chose MTC " + chosen + " for every cluster. " + tableWords + " ")
                    + String.join(" ", option.consequences());
            return new Outcome(new CheckResult(CheckKind.SAME_MTC_VERSION, null, null, severity,
                    "MTC " + chosen + " on every cluster (your decision)", facts, explanation,
                    "Mirror and install MTC " + chosen + ".z on every cluster; keep the exact same z-stream everywhere "
                            + "(Manual install plan approval, or pin startingCSV).", null), chosen);
        }
        if (stable.size() == 1) {
            MtcVersion only = stable.iterator().next();
            MtcRelease release = matrix.release(only).orElseThrow();
            return new Outcome(new CheckResult(CheckKind.SAME_MTC_VERSION, null, null, Severity.OK,
                    "MTC " + only + " on every cluster", facts,
                    tableWords + " " + matrix.rules().sameVersion() + " " + release.supportStatement(),
                    "Mirror and install " + PlatformCheck.labelOf(only) + " on every cluster, the same z-stream everywhere "
                            + "(Manual install plan approval, or pin startingCSV).", null), only);
        }
        List<DecisionOption> options = matrix.mtcReleases().stream().map(r -> option(r, placed, matrix)).toList();
        StringBuilder explanation = new StringBuilder(tableWords).append(" The procedure says: \"")
                .append(matrix.rules().sameVersion()).append("\"");
        for (MtcVersion version : stable) {
            matrix.release(version).ifPresent(r -> explanation.append(" \"").append(r.supportStatement()).append("\""));
        }
        List<DecisionOption> possible = options.stream().filter(DecisionOption::available).toList();
        // "The choice is yours" is only true when there is more than one possible choice.
        explanation.append(possible.size() == 1
                ? " The table gives no single version for this pair; of the versions below only " + possible.get(0).label()
                        + " is possible for these clusters."
                : " The table gives no single version for this pair, so the choice is yours.");
        DecisionRequest request = new DecisionRequest(DecisionTopic.MTC_VERSION,
                "Which MTC version should run on every cluster?", options);
        return new Outcome(new CheckResult(CheckKind.SAME_MTC_VERSION, null, null, Severity.NEEDS_DECISION,
                "Table 7.1 gives different MTC versions: " + String.join(" vs ", stable.stream().map(PlatformCheck::labelOf).toList()),
                facts, explanation.toString(),
                "Choose the MTC version" + availableHint(placed, matrix) + "; each option lists what it means.", request), null);
    }

    /** One option: the version on every cluster, what it means per cluster, or why it is impossible. */
    static DecisionOption option(MtcRelease release, List<Placement> placed, CompatibilityMatrix matrix) {
        List<String> consequences = new ArrayList<>();
        List<String> impossible = new ArrayList<>();
        for (Placement placement : placed) {
            InstallOption install = placement.column().installFor(release.version()).orElse(null);
            if (install == null) {
                impossible.add(placement.describe() + " has no " + release.label() + " install: Table 7.1 lists only \""
                        + placement.column().stableInstall().text() + "\" for " + placement.column().label() + ".");
            } else {
                consequences.add(placement.describe() + ": " + install.text()
                        + (install.offTable() ? " — " + install.note() : " (Table 7.1)"));
            }
        }
        consequences.add("\"" + release.supportStatement() + "\"");
        if (release.oadpChannel() != null && placed.stream().anyMatch(p -> p.column().installFor(release.version())
                .map(i -> i.method() == InstallMethod.OLM).orElse(false))) {
            consequences.add("The OLM bundle depends on the OADP operator, channel " + release.oadpChannel()
                    + ": it must be mirrored with the catalog.");
        }
        if (impossible.isEmpty()) {
            return new DecisionOption("mtc-" + release.version(), "MTC " + release.version() + " on every cluster", true,
                    consequences, null, "--mtc-version " + release.version());
        }
        return new DecisionOption("mtc-" + release.version(), "MTC " + release.version() + " on every cluster", false,
                consequences, String.join(" ", impossible) + " \"" + release.supportStatement() + "\"",
                "--mtc-version " + release.version());
    }

    private static String tableWords(List<Placement> placed, CompatibilityMatrix matrix) {
        List<String> parts = new ArrayList<>();
        for (Placement placement : placed) {
            parts.add("\"MTC v." + placement.column().stableMtc() + ".z\" for " + placement.describe());
        }
        return "Table 7.1 gives " + String.join(" and ", parts) + ".";
    }

    private static String known(CompatibilityMatrix matrix) {
        return String.join(", ", matrix.mtcReleases().stream().map(r -> r.version().toString()).toList());
    }

    private static String availableHint(List<Placement> placed, CompatibilityMatrix matrix) {
        List<String> available = matrix.mtcReleases().stream().filter(r -> option(r, placed, matrix).available())
                .map(r -> r.version().toString()).toList();
        return available.isEmpty() ? " (none can run on every cluster)" : " (possible: " + String.join(", ", available) + ")";
    }
}
