package org.ncverify.cli;

import java.nio.file.Path;
import java.util.stream.Collectors;
import org.ncverify.hunt.Finding;
import org.ncverify.hunt.HuntSummary;

/** The text a hunt (or a merge) prints on stdout: one line of totals, then one line per distinct finding with its replay. */
final class HuntText {
    private HuntText() {
    }

    static String render(HuntSummary s, Path journal) {
        StringBuilder b = new StringBuilder();
        b.append(s.instances()).append(" instances judged (stop: ").append(s.stop()).append(")");
        if (s.errors() > 0) {
            b.append(", ").append(s.errors()).append(" could not be judged (internal errors, in the journal)");
        }
        b.append("; findings: ").append(s.findingsByKind().entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        b.append(HuntProgress.fails(s.failsByClaim())).append('\n');
        for (Finding f : s.findings()) {
            b.append("  ").append(f.kind()).append(' ').append(f.claimId());
            if (f.reading() != null) {
                b.append(" (").append(f.reading()).append(')');
            }
            b.append(" x").append(f.count()).append(" first at index ").append(f.index()).append(", residual ")
                .append(f.residual()).append(" > tolerance ").append(f.tolerance()).append('\n');
            b.append("    replay: ").append(f.replay()).append('\n');
        }
        b.append("journal: ").append(journal).append('\n');
        return b.toString();
    }
}
