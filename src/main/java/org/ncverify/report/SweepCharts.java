package org.ncverify.report;

import java.awt.BasicStroke;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The two panels of a {@link SweepFigure} (rendering only): surviving directions against the
 * swept parameter (integer y axis) and f* against it (log y when the figure says so), one line
 * with points per series; the x axis is logarithmic when {@link SweepFigure#logX()}.
 */
final class SweepCharts {
    private SweepCharts() {
    }

    /** Chart id ({@code <id>-surviving}, {@code <id>-fstar}) to chart. */
    static Map<String, JFreeChart> of(SweepFigure f) {
        Map<String, JFreeChart> m = new LinkedHashMap<>();
        NumberAxis count = new NumberAxis("surviving directions");
        count.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        count.setAutoRangeIncludesZero(true);
        m.put(f.id() + "-surviving", panel(f, "Surviving directions against " + f.parameter(), count, true));
        ValueAxis y = f.logFStar() ? new LogarithmicAxis("f* (log)") : new NumberAxis("f*");
        if (y instanceof NumberAxis n) {
            n.setAutoRangeIncludesZero(false);
        }
        m.put(f.id() + "-fstar", panel(f, "f* against " + f.parameter(), y, false));
        return m;
    }

    private static JFreeChart panel(SweepFigure f, String title, ValueAxis y, boolean surviving) {
        XYSeriesCollection ds = new XYSeriesCollection();
        for (SweepFigure.Series s : f.series()) {
            XYSeries xy = new XYSeries(s.name(), false, true);
            for (int k = 0; k < s.x().length; k++) {
                xy.add(s.x()[k], surviving ? s.surviving()[k] : s.fStar()[k]);
            }
            ds.addSeries(xy);
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int k = 0; k < f.series().size(); k++) {
            r.setSeriesStroke(k, new BasicStroke(1.5f));
        }
        ValueAxis x = f.logX() ? new LogarithmicAxis(f.parameter() + " (log)") : new NumberAxis(f.parameter());
        if (x instanceof NumberAxis n) {
            n.setAutoRangeIncludesZero(false);
        }
        return Charts.chart(title + " (" + f.source() + ")", new XYPlot(ds, x, y, r));
    }
}
