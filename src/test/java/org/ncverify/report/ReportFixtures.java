package org.ncverify.report;

import java.util.ArrayList;
import java.util.List;
import org.ncverify.instance.InstanceJson;

/** Small hand-made report data (no campaign): fast, and every string in it can be hostile. */
final class ReportFixtures {
    static final String HOSTILE = "<script>alert(\"x\")</script> & 'quoted' </script><!-- <img src=http://example.invalid/x>";

    private ReportFixtures() {
    }

    /** A report whose labels, readings, replay commands and command line are {@code label}. */
    static ReportData data(String label, boolean withFail) {
        List<VerdictRow> rows = new ArrayList<>();
        rows.add(new VerdictRow("C1", "PASS", "1e-50", "1e-42", -8.0, "", label, List.of()));
        rows.add(new VerdictRow("C7", "PASS", "1e-50", "1e-42", -8.0, "", label, List.of(label + " (margin 42.00)")));
        rows.add(withFail
            ? new VerdictRow("C3", "FAIL", "1e-40", "1e-42", 2.0, "", label, List.of())
            : new VerdictRow("C3", "NOT_APPLICABLE", null, null, null, "no numeric comparison", label, List.of()));
        CaseResult c = new CaseResult(label, "named", null,
            InstanceJson.write(NamedCase.of(new long[] {3, 2}, 2, 1, "1e-3")), "ncverify verify " + label, rows, 0.5);
        List<CaseResult> cases = List.of(c);
        List<ClaimTally> summary = List.of("C1", "C3", "C7").stream().map(id -> ClaimTally.of(id, cases)).toList();
        SpectrumPlot spectrum = new SpectrumPlot(label, List.of(new SpectrumPlot.Point(1, 2.4, "2.4", 2, 3)));
        ScalarLawPlot.Curve curve = new ScalarLawPlot.Curve(2, 1.0, 0.5, new double[] {0.5, 1.0, 2.0},
            new double[] {0, 0.5, 1.8}, List.of(new ScalarLawPlot.Mark(1, 1.5, 1.2, true)));
        ScalarLawPlot law = new ScalarLawPlot(label, List.of(curve));
        MarginDistribution margins = MarginDistribution.of(List.of("C1", "C3", "C7"), cases);
        RunInfo run = new RunInfo(label, label, "2026-12-02T00:00:00Z", label, 1.5, 40, List.of(1L), label);
        return new ReportData(run, summary, cases, spectrum, law, margins);
    }
}
