package org.ncverify.report;

import java.util.ArrayList;
import java.util.List;
import org.ncverify.claims.Catalogue;
import org.ncverify.claims.Verdict;
import org.ncverify.instance.InstanceJson;
import org.ncverify.linalg.Precision;
import org.ncverify.results.OptimizeResult;
import org.ncverify.results.OptimizeSettings;

/**
 * A campaign's optimizer step: {@link OptimizeResult#compute} (exactly {@code ncverify optimize}
 * with the case's starts, seed, scale 1 and budget, no polish), giving the case's verdicts on
 * the best run (C13 judged from all the runs; tolerances from the best run's gradient norm) and
 * the figure panel of every start. When no run ended at a finite value C13 is INCONCLUSIVE
 * (nothing was measured), never PASS.
 */
final class CampaignOptimizer {
    private CampaignOptimizer() {
    }

    /** What one case gave: its verdicts as a case, and its panel of the optimizer figure. */
    record Outcome(CaseResult result, OptimizerFigure.Panel panel) {
    }

    static Outcome run(OptimizerCase c, Catalogue catalogue, int digits) {
        long t = System.nanoTime();
        OptimizeResult r = OptimizeResult.compute(c.instance(), Precision.of(digits),
            new OptimizeSettings(c.starts(), c.seed(), new double[] {1.0}, c.maxIterations(), false), catalogue);
        List<Verdict> verdicts = new ArrayList<>(r.verdicts());
        if (r.best() == null) {
            verdicts.add(Verdict.inconclusive("C13", null, null, "independent optimizer",
                "no start ended at a finite value (" + c.starts() + " starts)"));
        }
        double sec = (System.nanoTime() - t) / 1e9;
        CaseResult result = new CaseResult(c.label() + " (optimizer, " + c.starts() + " starts)", "optimizer", Long.valueOf(c.seed()),
            InstanceJson.write(c.instance()), c.replay(digits), verdicts.stream().map(VerdictRow::of).toList(), sec);
        return new Outcome(result, OptimizerFigure.Panel.of(c, r, digits));
    }
}
