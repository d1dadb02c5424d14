package org.ncverify.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.SplittableRandom;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The report's charts, built from the plot data records only (rendering apart from
 * computing). Axes are logarithmic where the data spans decades: the eigenvalues s_i^2 of a
 * long tail, and s in the scalar law; margins are already log10 values.
 */
public final class Charts {
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    static final Color SURVIVING = new Color(0x1f77b4);
    static final Color COLLAPSED = new Color(0xd62728);
    /** Seed of the horizontal jitter of the margin strip plot (display only). */
    public static final long JITTER_SEED = 14L;

    private Charts() {
    }

    /**
     * The charts of a further figure, chart id (the figure's id, or id-suffix for several panels) to chart.
     * Each figure type adds its case here.
     */
    public static java.util.Map<String, JFreeChart> figure(FigureData f) {
        java.util.Optional<java.util.Map<String, JFreeChart>> theory = TheoryCharts.of(f);
        if (theory.isPresent()) {
            return theory.get();
        }
        if (f instanceof SweepFigure s) {
            return SweepCharts.of(s);
        }
        if (f instanceof OptimizerFigure o) {
            return OptimizerCharts.of(o);
        }
        throw new IllegalArgumentException("no chart for figure " + f.id() + " (" + f.getClass().getSimpleName() + ")");
    }

    /** s_i^2 (points) inside its interlacing interval [n_(i+1), n_(i)] (bars), log y. */
    public static JFreeChart spectrum(SpectrumPlot d) {
        XYIntervalSeries s = new XYIntervalSeries("s_i^2 with [n_(i+1), n_(i)]");
        for (SpectrumPlot.Point p : d.points()) {
            s.add(p.index(), p.index(), p.index(), p.eigenvalue(), p.lower(), p.upper());
        }
        XYIntervalSeriesCollection ds = new XYIntervalSeriesCollection();
        ds.addSeries(s);
        NumberAxis x = new NumberAxis("i");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        LogarithmicAxis y = new LogarithmicAxis("eigenvalue s_i^2 of Yhat^T Yhat (log)");
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setErrorPaint(Color.GRAY);
        r.setErrorStroke(new BasicStroke(2f));
        r.setSeriesPaint(0, SURVIVING);
        r.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        XYPlot plot = new XYPlot(ds, x, y, r);
        return chart("Spectrum of Yhat against interlacing bounds: " + d.label(), plot);
    }

    /** p*(s) of one depth, log s; s_crit and the jump marked, the instance's s_i as points. */
    public static JFreeChart scalarLaw(String label, ScalarLawPlot.Curve c) {
        XYSeries curve = new XYSeries("p*(s), L = " + c.depth(), false, true);
        for (int g = 0; g < c.s().length; g++) {
            curve.add(c.s()[g], c.p()[g]);
        }
        XYSeries alive = new XYSeries("s_i surviving", false, true);
        XYSeries dead = new XYSeries("s_i collapsed", false, true);
        for (ScalarLawPlot.Mark m : c.marks()) {
            (m.surviving() ? alive : dead).add(m.s(), m.p());
        }
        XYSeriesCollection ds = new XYSeriesCollection();
        ds.addSeries(curve);
        ds.addSeries(alive);
        ds.addSeries(dead);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        r.setSeriesLinesVisible(0, true);
        r.setSeriesShapesVisible(0, false);
        r.setSeriesPaint(0, Color.DARK_GRAY);
        r.setSeriesStroke(0, new BasicStroke(2f));
        for (int k = 1; k <= 2; k++) {
            r.setSeriesLinesVisible(k, false);
            r.setSeriesShapesVisible(k, true);
            r.setSeriesShape(k, new Ellipse2D.Double(-5, -5, 10, 10));
        }
        r.setSeriesPaint(1, SURVIVING);
        r.setSeriesPaint(2, COLLAPSED);
        XYPlot plot = new XYPlot(ds, new LogarithmicAxis("s (log)"), new NumberAxis("p*(s)"), r);
        ValueMarker crit = new ValueMarker(c.threshold(), Color.BLACK, new BasicStroke(1f, BasicStroke.CAP_BUTT,
            BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
        crit.setLabel("s_crit = " + String.format("%.6g", c.threshold()));
        crit.setLabelFont(LABEL);
        crit.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        crit.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        plot.addDomainMarker(crit);
        if (c.jump() > 0) {
            ValueMarker jump = new ValueMarker(c.jump(), Color.GRAY, new BasicStroke(1f));
            jump.setLabel("jump (L-1) s_crit / L = " + String.format("%.6g", c.jump()));
            jump.setLabelFont(LABEL);
            jump.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
            jump.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            plot.addRangeMarker(jump);
        }
        return chart("Scalar law, L = " + c.depth() + ": " + label, plot);
    }

    /** One column per claim, one point per finite margin (seeded jitter), the line 0 = tolerance. */
    public static JFreeChart margins(MarginDistribution d) {
        List<MarginDistribution.ClaimMargins> cs = d.claims();
        XYSeries s = new XYSeries("log10(residual / tolerance)", false, true);
        SplittableRandom jitter = new SplittableRandom(JITTER_SEED);
        for (int k = 0; k < cs.size(); k++) {
            for (double m : cs.get(k).margins()) {
                s.add(k + (jitter.nextDouble() - 0.5) * 0.5, m);
            }
        }
        XYSeriesCollection ds = new XYSeriesCollection(s);
        SymbolAxis x = new SymbolAxis("claim", cs.stream().map(MarginDistribution.ClaimMargins::claimId)
            .toArray(String[]::new));
        x.setRange(-0.6, cs.size() - 0.4);
        NumberAxis y = new NumberAxis("log10(residual / tolerance); FAIL above 0");
        y.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setSeriesPaint(0, SURVIVING);
        r.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        XYPlot plot = new XYPlot(ds, x, y, r);
        ValueMarker zero = new ValueMarker(0, COLLAPSED, new BasicStroke(1.5f));
        zero.setLabel("tolerance");
        zero.setLabelFont(LABEL);
        zero.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        zero.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(zero);
        return chart("Margin of every claim over the seeded sample", plot);
    }

    /** A chart of {@code plot} in the report's fonts and colours (white background, light grid, legend). */
    static JFreeChart chart(String title, XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.getDomainAxis().setLabelFont(LABEL);
        plot.getRangeAxis().setLabelFont(LABEL);
        JFreeChart c = new JFreeChart(title, TITLE, plot, true);
        c.setBackgroundPaint(Color.WHITE);
        c.setAntiAlias(true);
        return c;
    }
}
