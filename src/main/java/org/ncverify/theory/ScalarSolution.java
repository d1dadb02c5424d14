package org.ncverify.theory;

import org.apfloat.Apfloat;

/**
 * The minimizer of the scalar problem
 * phi_s(p) = (p - s)^2/(2N) + (L+1)/2 lambda_bar p^(2/(L+1)) for one singular value s:
 * p = p*(s), q = p^(1/(L+1)) (so that the penalty is (L+1)/2 lambda_bar q^2 with integer
 * powers only), the value phi_s(p*) and the branch.
 */
public final class ScalarSolution {
    private final Apfloat s;
    private final Apfloat p;
    private final Apfloat q;
    private final Apfloat phi;
    private final Branch branch;

    ScalarSolution(Apfloat s, Apfloat p, Apfloat q, Apfloat phi, Branch branch) {
        this.s = s;
        this.p = p;
        this.q = q;
        this.phi = phi;
        this.branch = branch;
    }

    /** The singular value s of Yhat. */
    public Apfloat s() {
        return s;
    }

    /** p*(s), exactly 0 when collapsed. */
    public Apfloat p() {
        return p;
    }

    /** q = p^(1/(L+1)). */
    public Apfloat q() {
        return q;
    }

    /** phi_s(p*(s)). */
    public Apfloat phi() {
        return phi;
    }

    public Branch branch() {
        return branch;
    }

    @Override
    public String toString() {
        return "p*(" + s.doubleValue() + ") = " + p.doubleValue() + " [" + branch + "]";
    }
}
