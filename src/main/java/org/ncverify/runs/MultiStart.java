package org.ncverify.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ncverify.instance.InputException;
import org.ncverify.instance.Instance;
import org.ncverify.theory.ClosedForm;
import org.ncverify.optim.FullObjective;
import org.ncverify.optim.Lbfgs;
import org.ncverify.optim.LbfgsOptions;
import org.ncverify.optim.LbfgsResult;

/**
 * Multi-start L-BFGS on the {@link FullObjective}: start i (0-based) draws every variable
 * from N(0, 1) times scale_i = scales[i mod scales.length], with a {@link SplittableRandom}
 * seeded by seed + i, and runs {@link Lbfgs}. Each run is classified against the closed
 * form's f* and admissible direction counts ({@link RunClassifier}) (the optimizer itself never sees the theory: f* is used
 * only to time and classify). Sequential and deterministic for a given seed (up to the wall
 * times).
 */
public final class MultiStart {
    private final int starts;
    private final long seed;
    private final double[] scales;
    private final LbfgsOptions options;

    /**
     * @param starts  number of starts, &gt;= 1
     * @param seed    base seed
     * @param scales  one or more positive initialisation scales, used in turn
     * @param options L-BFGS settings
     */
    public MultiStart(int starts, long seed, double[] scales, LbfgsOptions options) {
        if (starts < 1) {
            throw new InputException("starts", " = " + starts + ": must be >= 1");
        }
        if (scales == null || scales.length == 0) {
            throw new InputException("scales", ": at least one initialisation scale is required");
        }
        for (int i = 0; i < scales.length; i++) {
            if (!(scales[i] > 0) || Double.isInfinite(scales[i])) {
                throw new InputException("scales", "[" + i + "] = " + scales[i] + ": must be a positive number");
            }
        }
        this.starts = starts;
        this.seed = seed;
        this.scales = scales.clone();
        this.options = options;
    }

    /** The start point of start i: N(0, 1) * scale, seeded by seed + i. */
    public static double[] startPoint(int size, long seed, double scale) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] x = new double[size];
        for (int i = 0; i < size; i++) {
            x[i] = rnd.nextGaussian() * scale;
        }
        return x;
    }

    /**
     * Runs every start on the instance of the reference and classifies it. The best run is the
     * GLOBAL run with the closed form's own direction count, else any GLOBAL run (at s_crit several
     * counts are global), else any run with a finite value; the lowest final f within that rank.
     */
    public MultiStartResult run(ClosedForm reference) {
        Instance inst = reference.instance();
        FullObjective f = FullObjective.of(inst);
        RunClassifier classifier = RunClassifier.of(reference);
        int referenceCount = classifier.rule().referenceCount();
        Lbfgs lbfgs = new Lbfgs(options);
        List<RunSummary> runs = new ArrayList<>();
        double[] best = null;
        int bestIndex = -1;
        for (int i = 0; i < starts; i++) {
            long s = seed + i;
            double scale = scales[i % scales.length];
            double[] x0 = startPoint(f.size(), s, scale);
            double[] hit = {Double.NaN, -1};
            LbfgsResult r = lbfgs.minimize(f, x0, (k, v, g, t) -> {
                if (hit[1] < 0 && Math.abs(classifier.relativeGap(v)) < RunClassifier.GLOBAL_GAP) {
                    hit[0] = t / 1e9;
                    hit[1] = k;
                }
            });
            double[] x = r.point();
            DirectionCount count = classifier.count(x, r.gradientNorm());
            StartClass cls = classifier.classify(x, r.value(), r.stop(), count);
            RunSummary run = new RunSummary(i, s, scale, r.value(), f.valueErrorBound(x),
                classifier.relativeGap(r.value()), r.gradientNorm(), r.iterations(), r.evaluations(), r.seconds(), hit[0],
                (int) hit[1], r.stop(), cls, count.observed(), r.trace(), count);
            runs.add(run);
            if (better(run, bestIndex < 0 ? null : runs.get(bestIndex), referenceCount)) {
                bestIndex = i;
                best = x;
            }
        }
        return new MultiStartResult(reference, runs, bestIndex, best, classifier.rule().admissible());
    }

    /** Whether run a ranks before b (null: no best yet) by {@link #rank}, then by the lower final f. */
    private static boolean better(RunSummary a, RunSummary b, int referenceCount) {
        if (!Double.isFinite(a.value())) {
            return false;
        }
        if (b == null) {
            return true;
        }
        int ra = rank(a, referenceCount);
        int rb = rank(b, referenceCount);
        return ra != rb ? ra < rb : a.value() < b.value();
    }

    /** 0: GLOBAL with the reference count; 1: GLOBAL with another admissible count; 2: any other run. */
    private static int rank(RunSummary r, int referenceCount) {
        if (r.classification() != StartClass.GLOBAL) {
            return 2;
        }
        return r.directions() == referenceCount ? 0 : 1;
    }
}
