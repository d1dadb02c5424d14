package org.ncverify.hunt;

import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.ncverify.claims.Subject;
import org.ncverify.claims.Tolerance;
import org.ncverify.claims.Verdict;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;
import org.ncverify.theory.ClosedForm;

/**
 * Two plausible but false claims whose failure region is narrow, to compare the targeted and
 * the random strategies (test fixtures, not part of the catalogue).
 */
final class NarrowMutants {
    private NarrowMutants() {
    }

    /**
     * "The threshold law holds with a double-precision margin": false exactly when some s_i with
     * i &lt; min(r, K - 1) is within a relative {@link #WINDOW} of s_crit. Residual
     * WINDOW / min_i |s_i / s_crit - 1| against tolerance 1: it FAILs inside the window and its
     * margin grows as an s_i approaches s_crit.
     */
    static final class NearThresholdMutant extends FixtureClaim {
        static final double WINDOW = 1e-15;

        NearThresholdMutant() {
            super("M-THR", "no s_i is within a relative 1e-15 of s_crit (mutant)");
        }

        @Override
        public Verdict check(Subject subject) {
            ClosedForm cf = subject.reference();
            Precision p = cf.precision();
            Apfloat crit = cf.threshold();
            int top = Math.min(subject.instance().bottleneck(), subject.instance().classes() - 1);
            Apfloat nearest = null;
            for (int i = 0; i < top; i++) {
                Apfloat d = ApfloatMath.abs(p.helper().subtract(p.helper().divide(cf.spectrum().singularValue(i), crit),
                    Apfloat.ONE));
                nearest = nearest == null || d.compareTo(nearest) < 0 ? d : nearest;
            }
            Apfloat floor = p.pow10(-p.digits());
            Apfloat residual = p.helper().divide(p.pow10(-15), nearest.compareTo(floor) < 0 ? floor : nearest);
            return Verdict.judge(id(), residual, Tolerance.of(p.pow10(0), "1 (mutant)"), "distance to s_crit",
                "min |s_i / s_crit - 1| = " + Precision.formatScientific(nearest, 3));
        }
    }

    /**
     * "A tie of multiplicity &gt;= 3 never meets a bottleneck": false exactly when a class size is
     * repeated at least three times and r &lt; K - 1. Its residual is 0 on every other instance
     * (margin -infinity: no gradient to climb), 1 on a counterexample.
     */
    static final class TieBottleneckMutant extends FixtureClaim {
        TieBottleneckMutant() {
            super("M-TIE", "a size repeated 3+ times never meets a bottleneck r < K - 1 (mutant)");
        }

        @Override
        public Verdict check(Subject subject) {
            Instance x = subject.instance();
            Precision p = subject.reference().precision();
            boolean fails = maxMultiplicity(x.sizes()) >= 3 && x.bottleneck() < x.classes() - 1;
            return Verdict.judge(id(), fails ? p.pow10(0) : Apfloat.ZERO, Tolerance.of(p.pow10(-3), "1e-3 (mutant)"),
                "tie and bottleneck", "r = " + x.bottleneck() + ", K = " + x.classes());
        }
    }

    static int maxMultiplicity(long[] n) {
        int best = 0;
        for (long a : n) {
            int m = 0;
            for (long b : n) {
                m += a == b ? 1 : 0;
            }
            best = Math.max(best, m);
        }
        return best;
    }
}
