package org.ncverify.runs;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Point;
import org.ncverify.theory.ClosedForm;
import org.ncverify.optim.FullObjective;

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
        return DoublePoints.toPoint(reference.instance(), bestPoint, p);
    }
}
