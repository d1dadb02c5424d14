package org.ncverify.hunt.mutants;

import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.ncverify.claims.Subject;
import org.ncverify.claims.Verdict;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;
import org.ncverify.spectrum.YhatSpectrum;
import org.ncverify.theory.ClosedForm;

/**
 * M6, a mutant of C7: orthogonality across a tied block with independent bases: row i of U^T W
 * is orthogonal to column j != i of X V R (U^T P V R diagonal), with V R another basis of right
 * singular vectors chosen independently of U (R the exact rotation by (3/5, 4/5) of the first
 * two directions of each tied block). Right without a surviving tie; wrong inside one (SPEC
 * section 3: only a consistent pair aligns). Residual max_{i != j} |(U^T P V R)_ij| / p*(s_1).
 */
public final class IndependentBasesDiagonal extends MutantClaim {
    public IndependentBasesDiagonal() {
        super("M6", "U^T W_L...W_1 X V is diagonal for any right singular basis V chosen independently of U", "C7");
    }

    @Override
    public boolean judgesCandidate() {
        return true;
    }

    @Override
    public Verdict check(Subject subject) {
        ClosedForm cf = subject.reference();
        Precision p = cf.precision();
        YhatSpectrum sp = cf.spectrum();
        int k = sp.size();
        ApMatrix r = ApMatrix.identity(k, p);
        int tied = 0;
        for (int i = 0; i < k; ) {
            int m = sp.multiplicity(i);
            if (m >= 2) {
                tied++;
                Apfloat c = p.ofDecimal("0.6");
                Apfloat s = p.ofDecimal("0.8");
                r = r.with(i, i, c).with(i + 1, i + 1, c).with(i, i + 1, s.negate()).with(i + 1, i, s);
            }
            i += m;
        }
        ApMatrix b = subject.projectedWeights().multiply(subject.projectedMeans().multiply(r));
        Apfloat worst = Apfloat.ZERO;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (i != j) {
                    worst = ApfloatMath.max(worst, ApfloatMath.abs(b.get(i, j)));
                }
            }
        }
        Apfloat scale = cf.productSingularValues()[0];
        return judge(subject, relative(worst, Apfloat.ZERO, scale, p), tied + " tied block(s) rotated");
    }
}
