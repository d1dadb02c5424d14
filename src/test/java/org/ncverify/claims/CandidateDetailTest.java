package org.ncverify.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apfloat.Apfloat;
import org.junit.jupiter.api.Test;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Gradient;
import org.ncverify.support.Instances;
import org.ncverify.theory.ClosedForm;

/**
 * Where C1, C2, C9 and C11 locate what they measured (the detail of the verdict, printed by
 * {@code ncverify verify}) and, for C11, what the residual is. On the exact ties of a closed form
 * (all terms exactly 0) the first class, column or equation is named.
 */
class CandidateDetailTest {

    private static Verdict run(Claim c, Subject s) {
        return Catalogue.run(c, s);
    }

    /**
     * Class 1 of the imbalanced instance as 5 stored columns, the second moved by delta: it deviates
     * by 4 delta / 5 from the new mean, the others by delta / 5; 8 stored columns in all.
     */
    @Test
    void c1NamesTheMovedColumnAndCountsTheStoredOnes() {
        Verdict v = run(new C1WithinClassCollapse(), AbstractClaimContract.wrongSubject(Instances.imbalanced(), 60,
            x -> WrongPoints.movedColumn(WrongPoints.splitClass(x, 0, 5), 0, 1)));
        assertEquals(Status.FAIL, v.status(), v::toString);
        assertTrue(v.detail().startsWith("8 stored column(s); largest deviation at class 1, column 2: "), v::detail);
    }

    /** The collapsed closed form: every column 0, every deviation exactly 0, the first column named. */
    @Test
    void c1OnExactZerosNamesTheFirstColumn() {
        Verdict v = run(new C1WithinClassCollapse(), AbstractClaimContract.closedFormSubject(Instances.collapsed(), 30));
        assertEquals(Status.PASS, v.status(), v::toString);
        assertEquals("3 stored column(s); largest deviation at class 1, column 1: 0, largest column norm 0", v.detail());
    }

    /** b_3 moved: found at k = 3; on the closed form b = n/N exactly, the first class named. */
    @Test
    void c2NamesTheWrongBiasEntry() {
        Verdict wrong = run(new C2OptimalBias(), AbstractClaimContract.wrongSubject(Instances.imbalanced(), 60, x -> {
            Apfloat[] b = x.bias();
            b[2] = x.precision().helper().add(b[2], x.precision().pow10(-6));
            return x.withBias(b);
        }));
        assertEquals(Status.FAIL, wrong.status(), wrong::toString);
        assertTrue(wrong.detail().startsWith("max_k |b_k - n_k/N| = 1e-6 (at k = 3); "), wrong::detail);
        Verdict exact = run(new C2OptimalBias(), AbstractClaimContract.closedFormSubject(Instances.imbalanced(), 60));
        assertTrue(exact.detail().startsWith("max_k |b_k - n_k/N| = 0 (at k = 1); "), exact::detail);
    }

    /**
     * W_1 -&gt; 2 W_1, W_2 -&gt; W_2 / 2 at balance (A_l = B_l = G): equation 1 compares 4G with G
     * (gap 3/4), equation 2 G/4 with 4G (gap 15/16): worst at equation 2.
     */
    @Test
    void c9ReportsEveryEquationAndTheWorst() {
        Verdict v = run(new C9LayerBalance(), AbstractClaimContract.wrongSubject(Instances.imbalanced(), 60,
            WrongPoints::unbalancedRescaling));
        assertEquals(Status.FAIL, v.status(), v::toString);
        // 15/16 = 0.9375 is a tie at 3 digits: the last working digit decides 9.37e-1 or 9.38e-1 (the value is pinned below)
        assertTrue(v.detail().matches("W_1 vs H: 7\\.5e-1, W_2 vs W_1: 9\\.3[78]e-1; worst at equation 2"), v.detail());
        Precision p = Precision.of(60);
        assertTrue(AbstractClaim.relative(v.residual(), new Apfloat("0.9375", p.working()), Apfloat.ZERO, p)
            .compareTo(p.pow10(-40)) < 0, v::toString);
    }

    /** W = 0, H = 0 (collapsed, L = 2): every equation 0 / 0 = 0, the first named. */
    @Test
    void c9OnExactZerosNamesTheFirstEquation() {
        Verdict v = run(new C9LayerBalance(), AbstractClaimContract.closedFormSubject(Instances.collapsed(), 30));
        assertEquals(Status.PASS, v.status(), v::toString);
        assertEquals("W_1 vs H: 0, W_2 vs W_1: 0; worst at equation 1", v.detail());
    }

    /** C11's residual is ||grad f|| over the gradient's own scale, not the bare norm. */
    @Test
    void c11IsTheGradientNormRelativeToItsScale() {
        Subject s = AbstractClaimContract.wrongSubject(Instances.imbalanced(), 60, WrongPoints::shiftedBias);
        Verdict v = run(new C11Stationarity(), s);
        Gradient g = s.evaluation().gradient();
        Precision p = s.precision();
        assertTrue(g.scale().compareTo(p.of(2L)) > 0, () -> "scale " + g.scale());
        Apfloat expected = p.helper().divide(g.norm(), g.scale());
        assertEquals(Status.FAIL, v.status(), v::toString);
        assertTrue(AbstractClaim.relative(v.residual(), expected, Apfloat.ZERO, p).compareTo(p.pow10(-40)) < 0,
            v::toString);
        assertTrue(v.detail().startsWith("||grad f|| = "), v::detail);
    }

    /** A subject reports the digits it was given, and its tolerances derive from them. */
    @Test
    void subjectDigitsDriveTheTolerance() {
        ClosedForm cf = AbstractClaimContract.closedForm(Instances.imbalanced(), 30);
        Subject s = Subject.of(cf, cf.point(), 15);
        assertEquals(15, s.digits());
        assertEquals("1e-8", s.tolerance(10).toString());
        assertEquals((int) cf.precision().working(), Subject.ofClosedForm(cf).digits());
    }
}
