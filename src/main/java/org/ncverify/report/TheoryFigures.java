package org.ncverify.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The figures a campaign shows that come from the theory alone (computed from instances, not
 * from the campaign's judgements), page order: the singular values of Yhat as the imbalance
 * ratio grows ({@link ImbalanceSpectrum}), the scalar law of L = 1, 2, 3 on one normalised
 * axis ({@link ScalarLawComparison}), minority collapse for CIFAR-100-LT at rho = 100
 * ({@link MinorityCollapse}), the phase diagram rho x lambda ({@link PhaseDiagram}) and the
 * geometry heatmaps of a tie case ({@link GeometryHeatmap}). {@link Campaign#run} appends them
 * to the report's figures. The rho x lambda grid is {@link Grid#REPORT}; tests may pass a
 * smaller one.
 */
public final class TheoryFigures {
    /** Figure ids. */
    static final String IMBALANCE = "singular-values-vs-rho";
    static final String LAW = "scalar-law-compare";
    static final String MINORITY = "minority-collapse";
    static final String PHASE = "phase-diagram";
    static final String GEOMETRY = "geometry";

    /** Dimension of the CIFAR-100-LT cases: d &gt;= K, so the bottleneck is r = K. */
    static final int CIFAR100_DIM = 128;
    /** Seed of the geometry figure's random frames. */
    static final long GEOMETRY_SEED = 14L;

    private TheoryFigures() {
    }

    /**
     * The rho x lambda grid.
     *
     * @param rhoPoints    imbalance ratios, log-spaced from 1 to {@code maxRho}
     * @param maxRho       the largest ratio
     * @param lambdaPoints decays, log-spaced from 10^-5 to 10^-2
     */
    public record Grid(int rhoPoints, double maxRho, int lambdaPoints) {
        /** The report's grid. */
        public static final Grid REPORT = new Grid(21, 500, 41);
    }

    /** The theory figures of {@code c}, page order, on the report's grid. */
    public static List<FigureData> of(Campaign c) {
        return of(c, Grid.REPORT);
    }

    /** The theory figures of {@code c} on {@code grid}. */
    public static List<FigureData> of(Campaign c, Grid grid) {
        NamedCase lt = c.named().get(c.longTail());
        LongTailFamily family = LongTailFamily.of(LongTailFamily.CIFAR100_CLASSES, LongTailFamily.CIFAR100_MAX,
            grid.maxRho(), grid.rhoPoints(), PhaseDiagram.DIGITS);
        List<FigureData> out = new ArrayList<>();
        out.add(ImbalanceSpectrum.of(family, PhaseDiagram.DIGITS));
        out.add(ScalarLawComparison.of(ScalarLawPlot.of(lt.label(), lt.instance())));
        double decay = lt.instance().lambdaH().doubleValue();
        out.add(MinorityCollapse.of("CIFAR-100-LT rho=100",
            NamedCase.longTail(LongTailFamily.CIFAR100_CLASSES, LongTailFamily.CIFAR100_MAX, 100), CIFAR100_DIM, decay));
        out.add(PhaseDiagram.of(family, CIFAR100_DIM, PhaseDiagram.decays(-5, -2, grid.lambdaPoints())));
        out.add(GeometryHeatmap.of("ties", NamedCase.of(new long[] {8, 8, 8, 3, 1}, 6, 2, "1e-3"), c.digits(), GEOMETRY_SEED));
        return out;
    }
}
