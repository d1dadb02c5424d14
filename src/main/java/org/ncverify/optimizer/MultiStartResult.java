package org.ncverify.optimizer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apfloat.Apfloat;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Point;
import org.ncverify.theory.ClosedForm;

/**
 * The runs of a {@link MultiStart}, the best one (lowest final f) and its end point.
 * Immutable.
 */
public final class MultiStartResult {
    private final ClosedForm reference;
    private final List<RunSummary> runs;
    private final int bestIndex;
    private final double[] bestPoint;

    MultiStartResult(ClosedForm reference, List<RunSummary> runs, int bestIndex, double[] bestPoint) {
        this.reference = reference;
        this.runs = List.copyOf(runs);
        this.bestIndex = bestIndex;
        this.bestPoint = bestPoint == null ? null : bestPoint.clone();
    }

    public ClosedForm reference() {
        return reference;
    }

    /** Every run, in start order. */
    public List<RunSummary> runs() {
        return runs;
    }

    /** Index of the run with the lowest finite final value, -1 if none is finite. */
    public int bestIndex() {
        return bestIndex;
    }

    /** The best run, or null. */
    public RunSummary best() {
        return bestIndex < 0 ? null : runs.get(bestIndex);
    }

    /** The best run's end point in the flat layout of {@link FullObjective} (copy), or null. */
    public double[] bestFlatPoint() {
        return bestPoint == null ? null : bestPoint.clone();
    }

    /** Runs per class, every class present (zero counts included), in enum order. */
    public Map<StartClass, Integer> counts() {
        Map<StartClass, Integer> m = new EnumMap<>(StartClass.class);
        for (StartClass c : StartClass.values()) {
            m.put(c, 0);
        }
        for (RunSummary r : runs) {
            m.merge(r.classification(), 1, Integer::sum);
        }
        return m;
    }

    /** Fraction of runs that reached the global value. */
    public double globalFraction() {
        return runs.isEmpty() ? 0 : (double) counts().get(StartClass.GLOBAL) / runs.size();
    }

    /**
     * The best end point as a {@link Point} with explicit features (q_k = n_k columns of
     * multiplicity 1), every double converted exactly (its binary value) and then rounded to the
     * working precision of p.
     */
    public Point bestPoint(Precision p) {
        if (bestPoint == null) {
            throw new IllegalStateException("no run ended at a finite value");
        }
        return toPoint(reference.instance(), bestPoint, p);
    }

    /** A flat double point (layout of {@link FullObjective}) as a {@link Point} at precision p. */
    public static Point toPoint(Instance inst, double[] x, Precision p) {
        FullObjective f = FullObjective.of(inst);
        if (x.length != f.size()) {
            throw new IllegalArgumentException("flat point has " + x.length + " entries, expected " + f.size());
        }
        List<ApMatrix> weights = new ArrayList<>();
        for (int l = 1; l <= inst.depth(); l++) {
            weights.add(matrix(x, f.offsetW(l), f.dim(l), f.dim(l - 1), p));
        }
        ApMatrix h = matrix(x, f.offsetH(), f.dim(0), f.samples(), p);
        Apfloat[] b = new Apfloat[inst.classes()];
        for (int k = 0; k < b.length; k++) {
            b[k] = exact(x[f.offsetB() + k], p);
        }
        return Point.ofFeatures(inst, weights, h, b);
    }

    private static ApMatrix matrix(double[] x, int offset, int rows, int cols, Precision p) {
        Apfloat[][] e = new Apfloat[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                e[i][j] = exact(x[offset + i * cols + j], p);
            }
        }
        return ApMatrix.of(e, p);
    }

    /** The binary value of a finite double, rounded to p's working digits. */
    static Apfloat exact(double v, Precision p) {
        if (!Double.isFinite(v)) {
            throw new ArithmeticException("non-finite coordinate " + v);
        }
        return v == 0 ? Apfloat.ZERO : p.of(new Apfloat(new BigDecimal(v)));
    }
}
