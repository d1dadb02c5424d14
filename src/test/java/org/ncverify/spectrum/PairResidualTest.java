package org.ncverify.spectrum;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.Apint;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ncverify.linalg.Precision;

/**
 * The residual bounds of a secular pair from its sums ({@link PairBounds#residual}, proofs-notes/C11-stationarity.md,
 * "Pair residuals from the sums"): each is at least the true ||Yhat v - s u|| (||Yhat^T u - s v||) of the stored
 * values, evaluated entry by entry at three times the working digits, and within 10x of the bound the direct
 * W-digit pass over the stored values gives ({@link PairBounds#directResidual}), which it replaces.
 */
class PairResidualTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ncverify.spectrum.ScaledGramTest#cases")
    void theBoundFromTheSumsCoversTheTrueResidualAndIsAsTightAsTheDirectOne(String name, long[] sizes, int digits) {
        SingularVectors sv = SingularVectors.of(YhatSpectrum.compute(sizes, Precision.of(digits)), sizes.length - 1);
        int checked = 0;
        for (int i = 0; i < sv.count(); i++) {
            if (sv.pair(i).support != null) {
                continue;
            }
            for (boolean transpose : new boolean[] {false, true}) {
                double truth = trueResidual(sv, sv.pair(i), transpose);
                double bound = PairBounds.residual(sv, i, transpose).doubleValue();
                double direct = PairBounds.directResidual(sv, i, transpose).doubleValue();
                String what = name + " pair " + i + (transpose ? " (transpose)" : "") + ": true " + truth + ", bound "
                    + bound + ", direct bound " + direct;
                assertTrue(truth <= bound, what);
                assertTrue(bound <= 10 * direct, what);
                checked++;
            }
        }
        assertTrue(checked > 0, name + ": no secular pair");
    }

    /**
     * A pair formed at a root moved by 1e-20 relative (its sums S0, S1 are then off by about that): the true
     * residual is that defect, 1e10 times the rounding level, and the bound still covers it and is within
     * 10x of it, so each defect term of the bound is needed (without the S0 or S1 term it fails).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.ncverify.spectrum.ScaledGramTest#cases")
    void aPairAtAWrongRootHasItsDefectCoveredTightly(String name, long[] sizes, int digits) {
        SingularVectors exact = SingularVectors.of(YhatSpectrum.compute(sizes, Precision.of(digits)), sizes.length - 1);
        int i = 0;
        while (exact.pair(i).support != null) {
            i++;
        }
        StoredPair p = exact.pair(i);
        FixedPrecisionApfloatHelper h = exact.spectrum().precision().helper();
        Apfloat mu = h.add(new Apint(p.origin), p.delta);
        Apfloat moved = h.add(p.delta, h.multiply(mu, new Apfloat("1e-20", 20)));
        SingularVectors sv = exact.withSecularPairAt(i, moved);
        for (boolean transpose : new boolean[] {false, true}) {
            double truth = trueResidual(sv, sv.pair(i), transpose);
            double bound = PairBounds.residual(sv, i, transpose).doubleValue();
            String what = name + " pair " + i + (transpose ? " (transpose)" : "") + ": true " + truth + ", bound " + bound;
            assertTrue(truth <= bound && bound <= 10 * truth, what);
        }
    }

    /** ||Yhat v - s u|| (or ||Yhat^T u - s v||) of the stored values over all K entries, at 3W digits. */
    private static double trueResidual(SingularVectors sv, StoredPair p, boolean transpose) {
        SizeGroups g = sv.spectrum().groups();
        FixedPrecisionApfloatHelper x = new FixedPrecisionApfloatHelper(3 * sv.spectrum().precision().working());
        Apfloat s = sv.spectrum().singularValue(p.index);
        Apfloat total = new Apint(g.total());
        Apfloat[] sq = new Apfloat[g.count()];
        Apfloat coupling = Apfloat.ZERO; // sqrt(n)^T v, or n^T u
        for (int t = 0; t < g.count(); t++) {
            sq[t] = x.sqrt(new Apint(g.value(t)));
            Apfloat term = transpose ? x.multiply(new Apint(g.value(t)), p.u[t]) : x.multiply(sq[t], p.v[t]);
            coupling = x.add(coupling, x.multiply(new Apint(g.multiplicity(t)), term));
        }
        Apfloat over = x.divide(coupling, total);
        Apfloat sum = Apfloat.ZERO;
        for (int t = 0; t < g.count(); t++) {
            Apfloat r = transpose
                ? x.subtract(x.multiply(sq[t], x.subtract(p.u[t], over)), x.multiply(s, p.v[t]))
                : x.subtract(x.subtract(x.multiply(sq[t], p.v[t]), x.multiply(new Apint(g.value(t)), over)), x.multiply(s, p.u[t]));
            sum = x.add(sum, x.multiply(new Apint(g.multiplicity(t)), x.multiply(r, r)));
        }
        return ApfloatMath.sqrt(sum).doubleValue();
    }
}
