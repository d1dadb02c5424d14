package org.ncverify.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of the theory figures ({@link TheoryFigures}), built from their data records only.
 * Log axes wherever the data spans decades (s_i against rho, lambda_i, 1 - cos_i); the phase
 * diagram and the Gram heatmaps are {@link XYBlockRenderer} grids with a paint-scale legend.
 */
final class TheoryCharts {
    private static final Color[] DEPTH = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c)};
    /** Anchors of the sequential colour scale (dark blue to yellow, readable in grey print). */
    private static final Color[] RAMP = {new Color(0x30123b), new Color(0x3e6fd8), new Color(0x1ec9b0),
        new Color(0x9bef52), new Color(0xfde725)};
    private static final BasicStroke DASHED = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
        new float[] {4f, 3f}, 0f);

    private TheoryCharts() {
    }

    /** The charts of {@code f} if it is a theory figure, chart id to chart; empty otherwise. */
    static Optional<Map<String, JFreeChart>> of(FigureData f) {
        Map<String, JFreeChart> m = new LinkedHashMap<>();
        if (f instanceof ImbalanceSpectrum d) {
            m.put(d.id(), imbalance(d));
        } else if (f instanceof ScalarLawComparison d) {
            m.put(d.id(), law(d));
        } else if (f instanceof MinorityCollapse d) {
            m.put(d.id(), minority(d));
        } else if (f instanceof PhaseDiagram d) {
            for (PhaseDiagram.Panel p : d.panels()) {
                m.put(d.id() + "-l" + p.depth(), phase(d, p));
            }
        } else if (f instanceof GeometryHeatmap d) {
            m.put(d.id() + "-rows", gram("Gram of the rows of U^T W_L...W_1 (C5): " + d.label(), d.rowGram(), d.floor()));
            m.put(d.id() + "-columns", gram("Gram of the columns of Mbar D V (C6): " + d.label(), d.columnGram(), d.floor()));
            m.put(d.id() + "-cosines", cosines(d));
        } else {
            return Optional.empty();
        }
        return Optional.of(m);
    }

    /** s_i against rho, both log; all i as thin lines coloured by i, dashed bounds of the marked indices. */
    static JFreeChart imbalance(ImbalanceSpectrum d) {
        XYSeriesCollection ds = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        int m = d.classes() - 1;
        for (int i = 0; i < m; i++) {
            XYSeries s = new XYSeries("s_" + (i + 1), false, true);
            for (ImbalanceSpectrum.Column c : d.columns()) {
                s.add(c.rho(), c.s()[i]);
            }
            ds.addSeries(s);
            r.setSeriesPaint(ds.getSeriesCount() - 1, ramp(m == 1 ? 0 : i / (m - 1.0)));
            r.setSeriesStroke(ds.getSeriesCount() - 1, new BasicStroke(1f));
        }
        for (int i : d.markedIndices()) {
            XYSeries lo = new XYSeries("sqrt(n_(" + (i + 1) + "))", false, true);
            XYSeries hi = new XYSeries("sqrt(n_(" + i + "))", false, true);
            for (ImbalanceSpectrum.Column c : d.columns()) {
                lo.add(c.rho(), c.lower()[i - 1]);
                hi.add(c.rho(), c.upper()[i - 1]);
            }
            for (XYSeries s : List.of(lo, hi)) {
                ds.addSeries(s);
                r.setSeriesPaint(ds.getSeriesCount() - 1, Color.BLACK);
                r.setSeriesStroke(ds.getSeriesCount() - 1, DASHED);
            }
        }
        XYPlot plot = new XYPlot(ds, new LogarithmicAxis("imbalance ratio rho (log)"),
            new LogarithmicAxis("singular value s_i of Yhat (log)"), r);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(line("s_1 (dark) ... s_" + m + " (light)", ramp(0.5), new BasicStroke(2f)));
        legend.add(line("interlacing bounds sqrt(n_(i+1)), sqrt(n_(i)) for i = " + joined(d.markedIndices()), Color.BLACK,
            DASHED));
        plot.setFixedLegendItems(legend);
        return Charts.chart("Singular values of Yhat as the imbalance grows (K = " + d.classes() + ", n_max = " + d.nMax()
            + ")", plot);
    }

    /** p*(s)/s_crit against s/s_crit for every depth; the marks filled (surviving) or open (collapsed). */
    static JFreeChart law(ScalarLawComparison d) {
        XYSeriesCollection ds = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        XYPlot plot = new XYPlot(ds, new LogarithmicAxis("s / s_crit (log)"), new NumberAxis("p*(s) / s_crit"), r);
        for (ScalarLawPlot.Curve c : d.normalised().curves()) {
            Color col = DEPTH[(c.depth() - 1) % DEPTH.length];
            XYSeries curve = new XYSeries("p*, L = " + c.depth(), false, true);
            for (int g = 0; g < c.s().length; g++) {
                curve.add(c.s()[g], c.p()[g]);
            }
            int k = ds.getSeriesCount();
            ds.addSeries(curve);
            r.setSeriesShapesVisible(k, false);
            r.setSeriesPaint(k, col);
            r.setSeriesStroke(k, new BasicStroke(2f));
            for (boolean alive : new boolean[] {true, false}) {
                XYSeries s = new XYSeries("s_i " + (alive ? "surviving" : "collapsed") + ", L = " + c.depth(), false, true);
                c.marks().stream().filter(x -> x.surviving() == alive).forEach(x -> s.add(x.s(), x.p()));
                int j = ds.getSeriesCount();
                ds.addSeries(s);
                r.setSeriesLinesVisible(j, false);
                r.setSeriesShape(j, new Ellipse2D.Double(-5, -5, 10, 10));
                r.setSeriesShapesFilled(j, alive);
                r.setSeriesPaint(j, col);
            }
            if (c.jump() > 0) {
                ValueMarker jump = new ValueMarker(c.jump(), col, DASHED);
                jump.setLabel("jump (L-1)/L = " + ImbalanceSpectrum.fmt(c.jump()) + ", L = " + c.depth());
                jump.setLabelFont(Charts.LABEL);
                jump.setLabelAnchor(c.depth() % 2 == 0 ? RectangleAnchor.BOTTOM_LEFT : RectangleAnchor.TOP_LEFT);
                jump.setLabelTextAnchor(c.depth() % 2 == 0 ? TextAnchor.TOP_LEFT : TextAnchor.BOTTOM_LEFT);
                plot.addRangeMarker(jump);
            }
        }
        ValueMarker crit = new ValueMarker(1, Color.BLACK, DASHED);
        crit.setLabel("s = s_crit");
        crit.setLabelFont(Charts.LABEL);
        crit.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        crit.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        plot.addDomainMarker(crit);
        return Charts.chart("Scalar law p*(s) for L = 1, 2, 3, normalised by s_crit: " + d.normalised().label(), plot);
    }

    /** lambda_i against i (log y) for every depth, the campaign's decay as a line. */
    static JFreeChart minority(MinorityCollapse d) {
        XYSeriesCollection ds = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (MinorityCollapse.Depth dep : d.depths()) {
            XYSeries s = new XYSeries("lambda_i, L = " + dep.depth(), false, true);
            dep.directions().stream().filter(x -> x.lambda() != null).forEach(x -> s.add(x.index(), x.lambda()));
            int k = ds.getSeriesCount();
            ds.addSeries(s);
            r.setSeriesPaint(k, DEPTH[(dep.depth() - 1) % DEPTH.length]);
            r.setSeriesShape(k, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        }
        NumberAxis x = new NumberAxis("direction i (s_i decreasing)");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(ds, x, new LogarithmicAxis("weight decay lambda_i at which direction i collapses (log)"), r);
        ValueMarker at = new ValueMarker(d.marked(), Color.GRAY, new BasicStroke(1.5f));
        at.setLabel("campaign's decay " + d.marked() + ": directions whose lambda_i lies above it survive");
        at.setLabelFont(Charts.LABEL);
        at.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        at.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(at);
        return Charts.chart("Minority collapse: " + d.label() + " (d = " + d.dim() + ")", plot);
    }

    /** The count over log10 rho x log10 lambda; undecided cells are left blank. */
    static JFreeChart phase(PhaseDiagram d, PhaseDiagram.Panel p) {
        DefaultXYZDataset ds = new DefaultXYZDataset();
        int n = 0;
        for (Integer[] col : p.surviving()) {
            for (Integer v : col) {
                n += v == null ? 0 : 1;
            }
        }
        double[][] xyz = new double[3][n];
        int at = 0;
        for (int j = 0; j < d.rho().length; j++) {
            for (int t = 0; t < d.lambda().length; t++) {
                Integer v = p.surviving()[j][t];
                if (v != null) {
                    xyz[0][at] = Math.log10(d.rho()[j]);
                    xyz[1][at] = Math.log10(d.lambda()[t]);
                    xyz[2][at++] = v;
                }
            }
        }
        ds.addSeries("surviving directions", xyz);
        int max = Math.min(d.classes() - 1, d.dim());
        XYBlockRenderer r = new XYBlockRenderer();
        r.setBlockWidth(step(d.rho()));
        r.setBlockHeight(step(d.lambda()));
        r.setPaintScale(scale(0, max));
        XYPlot plot = new XYPlot(ds, gridAxis("log10 imbalance ratio rho", d.rho()),
            gridAxis("log10 weight decay lambda (uniform: lambda_H = lambda_W)", d.lambda()), r);
        JFreeChart c = Charts.chart("Phase diagram, L = " + p.depth() + ": surviving directions (K = " + d.classes() + ")", plot);
        c.removeLegend();
        c.addSubtitle(legend(r.getPaintScale(), "surviving directions", 0, max));
        return c;
    }

    /** log10(|G_ij| / max |G|), floored, row i downwards. */
    static JFreeChart gram(String title, double[][] g, int floor) {
        double max = 0;
        for (double[] row : g) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        int k = g.length;
        double[][] xyz = new double[3][k * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double v = max > 0 ? Math.abs(g[i][j]) / max : 0;
                xyz[0][i * k + j] = j + 1;
                xyz[1][i * k + j] = i + 1;
                xyz[2][i * k + j] = v > 0 ? Math.max(floor, Math.log10(v)) : floor;
            }
        }
        DefaultXYZDataset ds = new DefaultXYZDataset();
        ds.addSeries("log10 |G_ij| / max |G|", xyz);
        XYBlockRenderer r = new XYBlockRenderer();
        r.setPaintScale(scale(floor, 0));
        NumberAxis x = indexAxis("j", k);
        NumberAxis y = indexAxis("i", k);
        y.setInverted(true);
        XYPlot plot = new XYPlot(ds, x, y, r);
        JFreeChart c = Charts.chart(title, plot);
        c.removeLegend();
        c.addSubtitle(legend(r.getPaintScale(), "log10 |G_ij| / max |G| (floor " + floor + " = rounding)", floor, 0));
        return c;
    }

    /** log10 |1 - cos_i| for surviving i, floored at the working precision (a log10 axis: the values span 50 decades). */
    static JFreeChart cosines(GeometryHeatmap d) {
        XYSeries s = new XYSeries("log10 |1 - cos_i| (floored at " + d.floor() + ")", false, true);
        for (int i = 0; i < d.oneMinusCos().length; i++) {
            Double g = d.oneMinusCos()[i];
            if (g != null) {
                s.add(i + 1, g == 0 ? d.floor() : Math.max(d.floor(), Math.log10(Math.abs(g))));
            }
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setSeriesPaint(0, Charts.SURVIVING);
        r.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
        NumberAxis y = new NumberAxis("log10 |1 - cos_i|, row i of U^T W vs column i of Mbar D V");
        y.setRange(d.floor() - 2, 0.5);
        XYPlot plot = new XYPlot(new XYSeriesCollection(s), indexAxis("direction i (surviving only)", d.oneMinusCos().length),
            y, r);
        ValueMarker floor = new ValueMarker(d.floor(), Color.GRAY, DASHED);
        floor.setLabel("working precision 10^" + d.floor());
        floor.setLabelFont(Charts.LABEL);
        floor.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        floor.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(floor);
        return Charts.chart("Alignment (C7): " + d.label(), plot);
    }

    /** An integer axis over 1..n with half a unit either side. */
    private static NumberAxis indexAxis(String label, int n) {
        NumberAxis a = new NumberAxis(label);
        a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        a.setRange(0.5, n + 0.5);
        return a;
    }

    /** A log10 axis spanning a log-spaced grid with half a cell either side. */
    private static NumberAxis gridAxis(String label, double[] v) {
        NumberAxis a = new NumberAxis(label);
        double h = step(v) / 2;
        a.setRange(Math.log10(v[0]) - h, Math.log10(v[v.length - 1]) + h);
        return a;
    }

    /** The uniform log10 spacing of a log-spaced grid. */
    private static double step(double[] v) {
        return v.length < 2 ? 1 : (Math.log10(v[v.length - 1]) - Math.log10(v[0])) / (v.length - 1);
    }

    private static PaintScale scale(double lo, double hi) {
        LookupPaintScale s = new LookupPaintScale(lo, hi + 1e-9, Color.WHITE);
        int steps = 64;
        for (int k = 0; k <= steps; k++) {
            s.add(lo + (hi - lo) * k / steps, ramp(k / (double) steps));
        }
        return s;
    }

    private static PaintScaleLegend legend(PaintScale scale, String label, double lo, double hi) {
        NumberAxis axis = new NumberAxis(label);
        axis.setRange(lo, hi);
        axis.setLabelFont(Charts.LABEL);
        PaintScaleLegend l = new PaintScaleLegend(scale, axis);
        l.setPosition(RectangleEdge.RIGHT);
        l.setMargin(8, 8, 8, 8);
        l.setStripWidth(16);
        return l;
    }

    /** The colour at t in [0, 1] of the sequential ramp. */
    static Color ramp(double t) {
        double u = Math.max(0, Math.min(1, t)) * (RAMP.length - 1);
        int a = Math.min((int) u, RAMP.length - 2);
        double f = u - a;
        Color p = RAMP[a];
        Color q = RAMP[a + 1];
        return new Color((int) Math.round(p.getRed() + f * (q.getRed() - p.getRed())),
            (int) Math.round(p.getGreen() + f * (q.getGreen() - p.getGreen())),
            (int) Math.round(p.getBlue() + f * (q.getBlue() - p.getBlue())));
    }

    private static LegendItem line(String label, Paint paint, BasicStroke stroke) {
        Shape seg = new Rectangle2D.Double(-8, -1, 16, 2);
        LegendItem item = new LegendItem(label, null, null, null, seg, paint, stroke, paint);
        item.setShapeVisible(false);
        item.setLine(new java.awt.geom.Line2D.Double(-8, 0, 8, 0));
        item.setLineVisible(true);
        item.setLinePaint(paint);
        item.setLineStroke(stroke);
        return item;
    }

    private static String joined(int[] v) {
        StringBuilder b = new StringBuilder();
        for (int x : v) {
            b.append(b.length() == 0 ? "" : ", ").append(x);
        }
        return b.toString();
    }
}
