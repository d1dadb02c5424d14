package org.ncverify.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.ncverify.claims.Catalogue;
import org.ncverify.instance.InstanceJson;
import org.ncverify.linalg.Precision;
import org.ncverify.optim.LbfgsResult;
import org.ncverify.results.OptimizeResult;
import org.ncverify.results.OptimizeSettings;
import org.ncverify.runs.RunSummary;
import org.ncverify.runs.StartClass;

/**
 * The optimizer figure's data equals the runs it came from (every kept iteration's gap is the
 * run's recorded f minus f* in double, the classes are the runs' own, the data file holds the
 * same numbers), long traces keep their last iteration, a gap &lt;= 0 is counted and drawn on the
 * floor (never dropped), and a non-finite f is null, never a number.
 */
class OptimizerFigureTest {
    private static final int DIGITS = 30;

    @Test
    void theFiguresDataEqualsTheRunsItCameFrom() throws Exception {
        OptimizerCase c = new OptimizerCase("tiny", NamedCase.of(new long[] {3, 2, 1}, 3, 2, "1e-3"), 2, 5, 3000);
        OptimizeResult r = OptimizeResult.compute(c.instance(), Precision.of(DIGITS),
            new OptimizeSettings(c.starts(), c.seed(), new double[] {1.0}, c.maxIterations(), false), Catalogue.of(List.of("C13")));
        OptimizerFigure.Panel p = OptimizerFigure.Panel.of(c, r, DIGITS);
        double fStar = r.objective().doubleValue();
        assertEquals(fStar, p.objectiveDouble());
        assertEquals(r.runs().size(), p.traces().size());
        for (int s = 0; s < r.runs().size(); s++) {
            RunSummary run = r.runs().get(s);
            OptimizerFigure.Trace t = p.traces().get(s);
            assertEquals(run.classification().name(), t.classification());
            assertEquals(run.seed(), t.seed());
            double[] f = run.trace();
            double[] it = t.iteration();
            Double[] gap = t.gap();
            assertEquals(f.length - 1, (int) it[it.length - 1], "the last iteration is kept");
            for (int k = 0; k < it.length; k++) {
                assertEquals(f[(int) it[k]] - fStar, gap[k], 0.0, "start " + s + " iteration " + it[k]);
            }
        }
        OptimizerFigure fig = OptimizerFigure.of(List.of(p), DIGITS);
        JsonNode json = InstanceJson.mapper().readTree(InstanceJson.mapper().writeValueAsString(fig));
        JsonNode traces = json.get("panels").get(0).get("traces");
        for (int s = 0; s < traces.size(); s++) {
            Double[] gap = p.traces().get(s).gap();
            for (int k = 0; k < gap.length; k++) {
                assertEquals(gap[k], traces.get(s).get("gap").get(k).asDouble(), 0.0);
            }
        }
        assertTrue(fig.caption().contains("tiny: " + p.classes()), fig.caption());
    }

    @Test
    void longTracesAreThinnedNonPositiveGapsDrawnOnTheFloorNonFiniteNull() {
        double fStar = 0.0;
        double[] f = new double[1001];
        for (int k = 0; k < f.length; k++) {
            f[k] = fStar + Math.pow(10, -k / 50.0);
        }
        f[1000] = fStar - 1e-16;
        f[500] = fStar;
        f[9] = Double.NaN;
        f[10] = Double.NaN;
        RunSummary run = new RunSummary(0, 7, 1.0, f[1000], 0, -1e-16, 1e-12, 1000, 1100, 0.1, Double.NaN, -1,
            LbfgsResult.Stop.GRADIENT, StartClass.GLOBAL, 2, f);
        OptimizerFigure.Trace t = OptimizerFigure.Trace.of(run, fStar);
        double[] it = t.iteration();
        assertTrue(it.length <= OptimizerFigure.MAX_POINTS + 1, "thinned: " + it.length);
        assertEquals(1000, (int) it[it.length - 1]);
        assertEquals(3, (int) it[1], "every third iteration of 1001");
        assertEquals(2, t.nonPositive(), "iterations 500 (gap 0, not kept) and 1000 (gap < 0, kept), counted over the whole trace");
        assertEquals(2, t.nonFinite(), "iterations 9 (kept) and 10 (not kept)");
        assertEquals(1001, t.iterations());
        assertNull(t.gap()[3], "the NaN f of iteration 9 is null");
        OptimizerFigure.Panel p = new OptimizerFigure.Panel("synthetic", "-", "1", fStar, 2, "2", List.of(t));
        Map<String, JFreeChart> charts = Charts.figure(OptimizerFigure.of(List.of(p), DIGITS));
        XYSeriesCollection ds = (XYSeriesCollection) charts.get("optimizer-0").getXYPlot().getDataset();
        assertEquals(1, ds.getSeries(1).getItemCount(), "the kept gap <= 0 is drawn (on the floor)");
        double floor = OptimizerCharts.floor(p);
        assertEquals(floor, ds.getSeries(1).getY(0).doubleValue());
        assertEquals(it.length - 2, ds.getSeries(0).getItemCount(), "every kept positive gap is drawn");
        String caption = OptimizerFigure.of(List.of(p), DIGITS).caption();
        assertTrue(caption.contains("of 1001 iterations 2 with gap <= 0 (drawn on the floor where kept), 2 non-finite"), caption);
    }
}
