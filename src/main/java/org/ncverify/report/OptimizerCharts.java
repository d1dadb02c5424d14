package org.ncverify.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.ncverify.runs.StartClass;

/**
 * The charts of an {@link OptimizerFigure}, one per panel (chart id {@code optimizer-<i>}):
 * x the iteration, y = f - f* on a log axis, one line per start in its class's colour. A gap
 * &lt;= 0 is drawn as a triangle at the panel's floor (a tenth of the smallest positive gap of the
 * panel, or 1e-16 |f*| when there is none); null gaps (non-finite f) are not drawn (the caption
 * counts both). Rendering only: every value comes from the record.
 */
final class OptimizerCharts {
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Color FLOOR = Color.BLACK;
    private static final Map<StartClass, Color> COLOURS = colours();

    private OptimizerCharts() {
    }

    static Map<String, JFreeChart> of(OptimizerFigure f) {
        Map<String, JFreeChart> out = new LinkedHashMap<>();
        for (int i = 0; i < f.panels().size(); i++) {
            out.put(f.id() + "-" + i, panel(f.panels().get(i)));
        }
        return out;
    }

    /** The y value at which a gap &lt;= 0 of {@code p} is drawn. */
    static double floor(OptimizerFigure.Panel p) {
        double min = Double.POSITIVE_INFINITY;
        for (OptimizerFigure.Trace t : p.traces()) {
            for (Double g : t.gap()) {
                if (g != null && g > 0) {
                    min = Math.min(min, g);
                }
            }
        }
        double fallback = Math.max(1e-16 * Math.abs(p.objectiveDouble()), Double.MIN_NORMAL);
        return Double.isFinite(min) ? Math.max(min / 10, Double.MIN_NORMAL) : fallback;
    }

    private static JFreeChart panel(OptimizerFigure.Panel p) {
        double floor = floor(p);
        XYSeriesCollection ds = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        XYSeries below = new XYSeries("gap <= 0 (drawn on the floor)", false, true);
        EnumMap<StartClass, Boolean> present = new EnumMap<>(StartClass.class);
        for (OptimizerFigure.Trace t : p.traces()) {
            XYSeries s = new XYSeries("start " + t.start(), false, true);
            double[] it = t.iteration();
            Double[] gap = t.gap();
            for (int k = 0; k < it.length; k++) {
                if (gap[k] == null) {
                    continue;
                }
                if (gap[k] > 0) {
                    s.add(it[k], gap[k]);
                } else {
                    below.add(it[k], floor);
                }
            }
            int n = ds.getSeriesCount();
            ds.addSeries(s);
            StartClass cls = StartClass.valueOf(t.classification());
            present.put(cls, true);
            r.setSeriesPaint(n, COLOURS.get(cls));
            r.setSeriesStroke(n, new BasicStroke(1.6f));
        }
        int n = ds.getSeriesCount();
        ds.addSeries(below);
        r.setSeriesLinesVisible(n, false);
        r.setSeriesShapesVisible(n, true);
        r.setSeriesShape(n, triangle());
        r.setSeriesPaint(n, FLOOR);
        NumberAxis x = new NumberAxis("L-BFGS iteration");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        LogarithmicAxis y = new LogarithmicAxis("f - f* (log)");
        y.setAllowNegativesFlag(false);
        y.setStrictValuesFlag(false);
        y.setExpTickLabelsFlag(true);
        XYPlot plot = new XYPlot(ds, x, y, r);
        LegendItemCollection legend = new LegendItemCollection();
        for (StartClass c : present.keySet()) {
            legend.add(new LegendItem(c.name(), null, null, null, new Line2D.Double(-7, 0, 7, 0), new BasicStroke(2f),
                COLOURS.get(c)));
        }
        legend.add(new LegendItem(String.format(java.util.Locale.ROOT, "gap <= 0, drawn at %.1e", floor), null, null,
            null, triangle(), FLOOR));
        plot.setFixedLegendItems(legend);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        x.setLabelFont(LABEL);
        y.setLabelFont(LABEL);
        JFreeChart c = new JFreeChart("Optimizer: f - f* per start, " + p.label(), TITLE, plot, true);
        c.setBackgroundPaint(Color.WHITE);
        c.setAntiAlias(true);
        return c;
    }

    private static Shape triangle() {
        Path2D.Double t = new Path2D.Double();
        t.moveTo(-5, -4);
        t.lineTo(5, -4);
        t.lineTo(0, 5);
        t.closePath();
        return t;
    }

    private static Map<StartClass, Color> colours() {
        Map<StartClass, Color> m = new EnumMap<>(StartClass.class);
        m.put(StartClass.GLOBAL, new Color(0x2ca02c));
        m.put(StartClass.PARTIAL, new Color(0xff7f0e));
        m.put(StartClass.ORIGIN, new Color(0x7f7f7f));
        m.put(StartClass.EXCESS, new Color(0x9467bd));
        m.put(StartClass.OTHER_STATIONARY, new Color(0x8c564b));
        m.put(StartClass.UNRESOLVED, new Color(0x17becf));
        m.put(StartClass.NOT_CONVERGED, new Color(0xe377c2));
        m.put(StartClass.BELOW_OPTIMUM, new Color(0xd62728));
        for (StartClass c : StartClass.values()) {
            if (!m.containsKey(c)) {
                throw new IllegalStateException("no colour for " + c);
            }
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
