package org.ncverify.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apfloat.Aprational;
import org.junit.jupiter.api.Test;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;
import org.ncverify.support.Instances;

/**
 * f* at K = 1000 (the long tail round(1e5 1000^(-k/999)), d = 512 so the bottleneck cuts, L = 2)
 * against a direct evaluation of the K scalar problems written independently of {@link ScalarLaw}:
 * in double, for each s_i (i &lt; r) the largest root of (s - p) p^((L-1)/(L+1)) = N lambda_bar by
 * bisection on [(L-1) s / (2L), s] with fractional powers (no q-polynomial), phi compared with phi(0),
 * and s_i^2 / (2N) beyond r, summed with compensation. Agreement to 1e-11 relative (double rounding
 * over 1000 terms), and the same count of surviving directions.
 */
class ScaleObjectiveTest {
    @Test
    void fStarAtAThousandClassesIsTheSumOfTheScalarProblems() {
        int k = 1000;
        long[] sizes = new long[k];
        for (int i = 0; i < k; i++) {
            sizes[i] = Math.round(1e5 * Math.pow(1000, -i / 999.0));
        }
        Instance inst = Instance.of(sizes, 512, null, 2, new Aprational[] {Instances.dec("1e-6")}, Instances.dec("1e-6"));
        ClosedForm cf = ClosedForm.of(inst, Precision.of(20));
        double n = inst.total();
        double lambdaBar = 1e-6;
        int depth = 2;
        double a = (depth - 1.0) / (depth + 1.0);
        double sum = 0;
        double carry = 0;
        int surviving = 0;
        for (int i = 0; i < k; i++) {
            double s = cf.spectrum().singularValue(i).doubleValue();
            double term = s * s / (2 * n);
            if (i < inst.bottleneck()) {
                double lo = (depth - 1.0) * s / (2.0 * depth);
                double hi = s;
                if ((s - lo) * Math.pow(lo, a) >= n * lambdaBar) {
                    for (int it = 0; it < 200; it++) {
                        double mid = 0.5 * (lo + hi);
                        if ((s - mid) * Math.pow(mid, a) >= n * lambdaBar) {
                            lo = mid;
                        } else {
                            hi = mid;
                        }
                    }
                    double p = 0.5 * (lo + hi);
                    double phi = (p - s) * (p - s) / (2 * n) + (depth + 1) / 2.0 * lambdaBar * Math.pow(p, 2.0 / (depth + 1));
                    if (phi < term) {
                        term = phi;
                        surviving++;
                    }
                }
            }
            double y = term - carry;
            double t = sum + y;
            carry = (t - sum) - y;
            sum = t;
        }
        double fStar = cf.objective().doubleValue();
        assertTrue(Math.abs(fStar - sum) <= 1e-11 * Math.abs(sum), "f* " + fStar + " direct " + sum);
        assertEquals(surviving, cf.survivingDirections());
        // the bottleneck r = 512 < K - 1 cuts: every kept direction survives, the other 488 are s^2 / (2N)
        assertEquals(inst.bottleneck(), surviving);
    }
}
