package org.ncverify.runs;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Point;
import org.ncverify.theory.ClosedForm;
import org.ncverify.optim.FullObjective;

/**
 * The runs of a {@link MultiStart}, the admissible direction counts of the theory, the best run
 * (a GLOBAL one when there is one, see {@link MultiStart#run}) and its end point. Immutable.
 */
public final class MultiStartResult {
    private final ClosedForm reference;
    private final List<RunSummary> runs;
    private final int bestIndex;
    private final double[] bestPoint;
    private final CountRange admissible;

    MultiStartResult(ClosedForm reference, List<RunSummary> runs, int bestIndex, double[] bestPoint,
                     CountRange admissible) {
        this.reference = reference;
        this.runs = List.copyOf(runs);
        this.bestIndex = bestIndex;
        this.bestPoint = bestPoint == null ? null : bestPoint.clone();
        this.admissible = admissible;
    }

    /** The direction counts of the theory's global minimizers (several when some s_i = s_crit, L &gt;= 2). */
    public CountRange admissibleCounts() {
        return admissible;
    }

    public ClosedForm reference() {
        return reference;
    }

    /** Every run, in start order. */
    public List<RunSummary> runs() {
        return runs;
    }

    /**
     * Index of the best run: the lowest final value among GLOBAL runs (those with the closed form's
     * own direction count first), else among all finite runs; -1 if none is finite.
     */
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

    /** True when the best run is GLOBAL (value and direction count). */
    public boolean bestIsGlobal() {
        return best() != null && best().classification() == StartClass.GLOBAL;
    }

    /** The runs that ended at a near-degenerate local minimum ({@link RunSummary#nearDegenerateLocalMinimum()}). */
    public List<RunSummary> nearDegenerateLocalMinima() {
        return runs.stream().filter(RunSummary::nearDegenerateLocalMinimum).toList();
    }

    /** Fraction of runs that reached a global minimizer (GLOBAL: value and direction count). */
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
