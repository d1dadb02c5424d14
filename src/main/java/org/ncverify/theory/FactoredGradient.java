package org.ncverify.theory;

import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;
import org.ncverify.linalg.Tasks;
import org.ncverify.spectrum.SingularVectors;

/**
 * Two-sided bounds of ||grad f|| (every W_l, all N feature columns, b) and of the dense checker's
 * scale ({@code model.Gradient#scale()}) at a {@link FactoredMinimizer} with a given bias, from the
 * factor values and the structured pairs only: O(m D) work plus O(m^2) doubles for the Gram
 * rounding, no K x d or K x K matrix (proofs-notes/C11-stationarity.md, "The factored bound").
 *
 * <p>With U = U_m, V = V_m (K x m, the stored pairs), a_{j,i} the factor values, p'_i = prod_j
 * a_{j,i}, alpha_{l,i} = prod_{j&gt;l} a_{j,i}, beta_{l,i} = prod_{j&lt;l} a_{j,i}, and with the class
 * means as the feature columns, the N-column sums collapse to Q = R D = U diag(p') V^T - Yhat +
 * db sqrt(n)^T (db = b - n/N). Writing G_U = diag(g^U) + Delta_U, G_V = diag(g^V) + Delta_V,
 * Yhat v_i = s_i u_i + rho_i and Yhat^T u_i = s_i v_i + sigma_i, every block is a diagonal main
 * part plus a rest:
 * <pre>
 *   H:    E diag(c^0) V^T,  c^0_i = alpha_0 (g^U p' - s)/N + lambda_H a_0      ||.||^2 = sum c^2 g^V
 *   W_l:  E diag(c^l) E^T,  c^l_i = alpha_l beta_l (g^U p' - s) g^V / N + lambda_l a_l   (0 &lt; l &lt; L)
 *   W_L:  U diag(c^L) E^T,  c^L_i = beta_L (p' g^V - s)/N + lambda_L a_L        ||.||^2 = sum c^2 g^U
 *   b:    db,
 * </pre>
 * and the rests are bounded by e_U &gt;= ||Delta_U||_F, e_V, ||rho_i||, ||sigma_i||, |nu_i| =
 * |sqrt(n)^T v_i| and ||db|| (class comment of each term in the notes). The rounding of the main
 * parts is allowed for as gamma eps times the norm of their terms' magnitudes. Then
 * lower = sqrt(sum max(0, main - rest)^2) &lt;= ||grad f|| &lt;= upper = sqrt(sum (main + rest)^2).
 */
public final class FactoredGradient {
    private static final long LOW = SingularVectors.BOUND_DIGITS;

    private final Apfloat lower;
    private final Apfloat upper;
    private final Apfloat scaleLower;
    private final Apfloat scaleUpper;
    private final Apfloat restShare;
    private final String undecidable;

    private FactoredGradient(Apfloat lower, Apfloat upper, Apfloat scaleLower, Apfloat scaleUpper, Apfloat restShare,
                             String undecidable) {
        this.lower = lower;
        this.upper = upper;
        this.scaleLower = scaleLower;
        this.scaleUpper = scaleUpper;
        this.restShare = restShare;
        this.undecidable = undecidable;
    }

    /** The bounds at {@code point} with bias {@code bias} (K entries). */
    public static FactoredGradient of(FactoredMinimizer point, Apfloat[] bias) {
        Instance inst = point.instance();
        if (bias.length != inst.classes()) {
            throw new IllegalArgumentException("bias has " + bias.length + " entries, need K = " + inst.classes());
        }
        return new Builder(point, bias).build();
    }

    /** A lower bound of ||grad f|| (null when no finite bound could be formed). */
    public Apfloat lower() {
        return lower;
    }

    /** An upper bound of ||grad f|| (null when no finite bound could be formed). */
    public Apfloat upper() {
        return upper;
    }

    /** A lower bound of the dense checker's scale (data + penalty + rounding magnitude). */
    public Apfloat scaleLower() {
        return scaleLower;
    }

    /** An upper bound of the dense checker's scale. */
    public Apfloat scaleUpper() {
        return scaleUpper;
    }

    /** upper / scaleLower: at least the dense residual ||grad f|| / scale (null if undecidable). */
    public Apfloat residualUpper() {
        return upper == null ? null : new FixedPrecisionApfloatHelper(LOW).divide(upper, scaleLower);
    }

    /** lower / scaleUpper: at most the dense residual (null if undecidable). */
    public Apfloat residualLower() {
        return lower == null ? null : new FixedPrecisionApfloatHelper(LOW).divide(lower, scaleUpper);
    }

    /** The part of upper that is not the main (diagonal) parts: rests and rounding allowances. */
    public Apfloat restShare() {
        return restShare;
    }

    /** Why no finite bound exists (two roots equal in double precision), or null. */
    public String undecidable() {
        return undecidable;
    }

    /** One computation; the fields are the intermediate quantities of the class comment. */
    private static final class Builder {
        private final FixedPrecisionApfloatHelper h;
        private final FixedPrecisionApfloatHelper low = new FixedPrecisionApfloatHelper(LOW);
        private final Instance inst;
        private final Precision precision;
        private final SingularVectors pairs;
        private final Apfloat[] bias;
        private final int m;
        private final int depth;
        private final Apfloat[][] a;
        private final Apfloat[][] alpha;
        private final Apfloat[][] beta;
        private final Apfloat[] p;
        private final Apfloat[] gu;
        private final Apfloat[] gv;
        private final Apfloat[] s;
        private final Apfloat[] lambda;
        private final Apfloat invN;
        private final Apfloat gammaEps;
        private final FactoredMinimizer point;

        Builder(FactoredMinimizer point, Apfloat[] bias) {
            this.point = point;
            this.inst = point.instance();
            this.precision = point.precision();
            this.h = precision.helper();
            this.pairs = point.pairs();
            this.bias = bias;
            this.m = pairs.count();
            this.depth = inst.depth();
            this.a = new Apfloat[depth + 1][];
            this.lambda = new Apfloat[depth + 1];
            for (int j = 0; j <= depth; j++) {
                a[j] = point.factor(j);
                lambda[j] = precision.of(j == 0 ? inst.lambdaH() : inst.lambdaW(j));
            }
            this.p = point.productValues();
            this.alpha = new Apfloat[depth + 1][m];
            this.beta = new Apfloat[depth + 1][m];
            this.gu = new Apfloat[m];
            this.gv = new Apfloat[m];
            this.s = new Apfloat[m];
            for (int i = 0; i < m; i++) {
                beta[0][i] = Apfloat.ONE;
                alpha[depth][i] = Apfloat.ONE;
                for (int l = 1; l <= depth; l++) {
                    beta[l][i] = h.multiply(beta[l - 1][i], a[l - 1][i]);
                    alpha[depth - l][i] = h.multiply(alpha[depth - l + 1][i], a[depth - l + 1][i]);
                }
                gu[i] = pairs.leftGram(i, i);
                gv[i] = pairs.rightGram(i, i);
                s[i] = pairs.spectrum().singularValue(i);
            }
            this.invN = h.divide(Apfloat.ONE, precision.of(inst.total()));
            this.gammaEps = low.multiply(new Apfloat(pairs.roundingFactor() + 4.0 * depth, LOW), pairs.unitError());
        }

        FactoredGradient build() {
            Apfloat[] e = point.gramDefectBounds();
            if (e == null) {
                return new FactoredGradient(null, null, null, null, null,
                    "two secular roots coincide in double precision: no finite Gram rounding bound");
            }
            Apfloat eU = e[0];
            Apfloat eV = e[1];
            Apfloat[] nu = new Apfloat[m];
            Apfloat[] rho = new Apfloat[m];
            Apfloat[] sigma = new Apfloat[m];
            Apfloat sqrtN = low.sqrt(low.valueOf(precision.of(inst.total())));
            // per pair, independent: one task each on the spectrum's executor (the values do not depend on it)
            java.util.List<Apfloat[]> perPair = Tasks.onEach(m, i -> new Apfloat[] {
                // |nu_i| plus its rounding: sum |terms| <= sqrt(N) ||v_i|| (Cauchy-Schwarz)
                low.add(ApfloatMath.abs(low.valueOf(pairs.rightNullComponent(i))),
                    low.multiply(gammaEps, low.multiply(sqrtN, low.sqrt(low.valueOf(gv[i]))))),
                pairs.yhatResidualBound(i), pairs.yhatTransposeResidualBound(i)}, pairs.spectrum().executor());
            for (int i = 0; i < m; i++) {
                nu[i] = perPair.get(i)[0];
                rho[i] = perPair.get(i)[1];
                sigma[i] = perPair.get(i)[2];
            }
            Apfloat db = biasDefect();
            Apfloat lowerSq = Apfloat.ZERO;
            Apfloat upperSq = Apfloat.ZERO;
            Apfloat restSq = Apfloat.ZERO;
            Apfloat pMax = max(p);
            Apfloat lowInvN = low.valueOf(invN);
            for (int j = 0; j <= depth + 1; j++) {
                Apfloat[] mainAndRound = j <= depth ? mainPart(j) : new Apfloat[] {db,
                    low.multiply(new Apfloat("2e-" + (2 * precision.working() - 2), LOW), norm(bias))};
                Apfloat rest = low.add(mainAndRound[1], low.multiply(lowInvN, restPart(j, eU, eV, nu, rho, sigma, db, pMax, sqrtN)));
                Apfloat up = low.add(mainAndRound[0], rest);
                Apfloat down = ApfloatMath.max(Apfloat.ZERO, low.subtract(mainAndRound[0], rest));
                upperSq = low.add(upperSq, low.multiply(up, up));
                lowerSq = low.add(lowerSq, low.multiply(down, down));
                restSq = low.add(restSq, low.multiply(rest, rest));
            }
            Apfloat upper = low.sqrt(upperSq);
            Apfloat[] scale = scaleBounds(upper);
            return new FactoredGradient(low.sqrt(lowerSq), upper, scale[0], scale[1], low.sqrt(restSq), null);
        }

        /** ||b - n/N||, each n_k / N at 2W digits (its own error 10^-(2W-2) is below any allowance here). */
        private Apfloat biasDefect() {
            FixedPrecisionApfloatHelper wide = new FixedPrecisionApfloatHelper(2 * precision.working());
            Apfloat total = new Apfloat(inst.total(), 2 * precision.working());
            Apfloat sq = Apfloat.ZERO;
            java.util.Map<Long, Apfloat> quotient = new java.util.HashMap<>();
            for (int k = 0; k < bias.length; k++) {
                Apfloat q = quotient.computeIfAbsent(inst.size(k), n -> wide.divide(new Apfloat(n, 2 * precision.working()), total));
                Apfloat d = low.valueOf(wide.subtract(wide.valueOf(bias[k]), q));
                sq = low.add(sq, low.multiply(d, d));
            }
            return low.sqrt(sq);
        }

        /** {||main part||, gamma eps ||magnitudes||} of block j (0: H, 1..L: W_l). */
        private Apfloat[] mainPart(int j) {
            Apfloat mainSq = Apfloat.ZERO;
            Apfloat magSq = Apfloat.ZERO;
            boolean middle = j > 0 && j < depth;
            for (int i = 0; i < m; i++) {
                Apfloat pf = prefactor(j, i);
                Apfloat gp = h.multiply(j == depth && j > 0 ? gv[i] : gu[i], p[i]);
                Apfloat diff = h.subtract(gp, s[i]);
                Apfloat mag = low.add(ApfloatMath.abs(low.valueOf(gp)), low.valueOf(s[i]));
                if (middle) {
                    diff = h.multiply(diff, gv[i]);
                    mag = low.multiply(mag, low.valueOf(gv[i]));
                }
                Apfloat penalty = h.multiply(lambda[j], a[j][i]);
                Apfloat c = low.valueOf(h.add(h.multiply(h.multiply(invN, pf), diff), penalty));
                mag = low.add(low.multiply(low.valueOf(h.multiply(invN, pf)), mag), ApfloatMath.abs(low.valueOf(penalty)));
                Apfloat w = j == 0 ? low.valueOf(gv[i]) : j == depth ? low.valueOf(gu[i]) : Apfloat.ONE;
                mainSq = low.add(mainSq, low.multiply(w, low.multiply(c, c)));
                magSq = low.add(magSq, low.multiply(w, low.multiply(mag, mag)));
            }
            return new Apfloat[] {low.sqrt(mainSq), low.multiply(gammaEps, low.sqrt(magSq))};
        }

        /** alpha_0 (H), alpha_l beta_l (0 &lt; l &lt; L), beta_L (W_L). */
        private Apfloat prefactor(int j, int i) {
            if (j == 0) {
                return alpha[0][i];
            }
            return j == depth ? beta[depth][i] : h.multiply(alpha[j][i], beta[j][i]);
        }

        /** N times the bound of the rest of block j (0: H, 1..L: W_l, L + 1: b); see the notes. */
        private Apfloat restPart(int j, Apfloat eU, Apfloat eV, Apfloat[] nu, Apfloat[] rho, Apfloat[] sigma, Apfloat db,
                                 Apfloat pMax, Apfloat sqrtN) {
            Apfloat oneU = low.add(Apfloat.ONE, eU);
            Apfloat oneV = low.add(Apfloat.ONE, eV);
            if (j == depth + 1) {
                return low.multiply(low.sqrt(oneU), weighted(p, nu, null));
            }
            Apfloat offU = low.multiply(pMax, eU);
            if (j == 0) {
                return sum(low.multiply(low.multiply(max(alpha[0]), offU), low.sqrt(oneV)), weighted(alpha[0], sigma, null),
                    low.multiply(low.multiply(sqrtN, db), weighted(alpha[0], null, gu)));
            }
            Apfloat betaMax = max(beta[j]);
            if (j == depth) {
                return sum(low.multiply(low.multiply(low.sqrt(oneU), pMax), low.multiply(betaMax, eV)),
                    weighted(beta[depth], rho, null), low.multiply(db, weighted(beta[depth], nu, null)));
            }
            Apfloat ab = low.multiply(max(alpha[j]), betaMax);
            Apfloat diffMax = Apfloat.ZERO;
            for (int i = 0; i < m; i++) {
                diffMax = ApfloatMath.max(diffMax, ApfloatMath.abs(low.valueOf(h.subtract(h.multiply(gu[i], p[i]), s[i]))));
            }
            return sum(low.multiply(ab, low.add(low.multiply(diffMax, eV), low.multiply(offU, oneV))),
                low.multiply(low.multiply(weighted(alpha[j], sigma, null), low.sqrt(oneV)), betaMax),
                low.multiply(db, low.multiply(weighted(alpha[j], null, gu), weighted(beta[j], nu, null))));
        }

        /**
         * Lower and upper bounds of scale = ||data part|| + ||penalty part|| + rounding magnitude
         * (notes): data in [Pen - upper, Pen + upper]; rounding magnitude at least (1 + ||b||)(1 + T_0)
         * and at most A C mu1 + A K mu2 + B C + B K mu1 with A = T_0 = ||W||_F, B = ||b|| + 1,
         * C = 1 + T_0, K = sum_l T_l omega_l, mu2 = ||X||_F^2 / N, mu1 = sqrt(mu2).
         */
        private Apfloat[] scaleBounds(Apfloat upper) {
            Apfloat penSq = Apfloat.ZERO;
            for (int j = 0; j <= depth; j++) {
                Apfloat lam2 = low.multiply(low.valueOf(lambda[j]), low.valueOf(lambda[j]));
                penSq = low.add(penSq, low.multiply(lam2, weightedSq(a[j], j == 0 ? gv : j == depth ? gu : null)));
            }
            Apfloat pen = low.sqrt(penSq);
            Apfloat b = low.add(low.valueOf(norm(bias)), Apfloat.ONE);
            Apfloat t0 = low.sqrt(weightedSq(alpha[0], gu));
            Apfloat c = low.add(Apfloat.ONE, t0);
            Apfloat kSum = Apfloat.ZERO;
            for (int l = 1; l <= depth; l++) {
                Apfloat tl = l == depth ? Apfloat.ONE : low.sqrt(weightedSq(alpha[l], gu));
                Apfloat omega = l == 1 ? Apfloat.ONE : Apfloat.ZERO;
                for (int i = 0; i < m && l > 1; i++) {
                    Apfloat prod = Apfloat.ONE;
                    for (int j = 1; j < l; j++) {
                        prod = low.multiply(prod, low.valueOf(a[j][i]));
                    }
                    omega = ApfloatMath.max(omega, prod);
                }
                kSum = low.add(kSum, low.multiply(tl, omega));
            }
            Apfloat mu2 = low.multiply(weightedSq(a[0], gv), low.valueOf(invN));
            Apfloat mu1 = low.sqrt(mu2);
            Apfloat data = ApfloatMath.max(Apfloat.ZERO, low.subtract(pen, upper));
            Apfloat lowS = low.add(low.add(pen, data), low.multiply(b, c));
            Apfloat rounding = sum(low.multiply(low.multiply(t0, c), mu1), low.multiply(low.multiply(t0, kSum), mu2),
                low.add(low.multiply(b, c), low.multiply(low.multiply(b, kSum), mu1)));
            Apfloat highS = sum(low.multiply(new Apfloat(2), pen), upper, rounding);
            return new Apfloat[] {low.multiply(lowS, new Apfloat("0.999999999999", LOW)),
                low.multiply(highS, new Apfloat("1.000000000001", LOW))};
        }

        /** sqrt(sum_i x_i^2 y_i^2 w_i) (y or w null: 1). */
        private Apfloat weighted(Apfloat[] x, Apfloat[] y, Apfloat[] w) {
            Apfloat sum = Apfloat.ZERO;
            for (int i = 0; i < m; i++) {
                Apfloat t = low.valueOf(x[i]);
                Apfloat term = low.multiply(t, t);
                if (y != null) {
                    term = low.multiply(term, low.multiply(y[i], y[i]));
                }
                if (w != null) {
                    term = low.multiply(term, low.valueOf(w[i]));
                }
                sum = low.add(sum, term);
            }
            return low.sqrt(sum);
        }

        private Apfloat weightedSq(Apfloat[] x, Apfloat[] w) {
            Apfloat r = weighted(x, null, w);
            return low.multiply(r, r);
        }

        private Apfloat sum(Apfloat x, Apfloat y, Apfloat z) {
            return low.add(low.add(x, y), z);
        }

        private Apfloat max(Apfloat[] x) {
            Apfloat r = Apfloat.ZERO;
            for (int i = 0; i < m; i++) {
                r = ApfloatMath.max(r, ApfloatMath.abs(low.valueOf(x[i])));
            }
            return r;
        }

        private Apfloat norm(Apfloat[] x) {
            Apfloat sq = Apfloat.ZERO;
            for (Apfloat v : x) {
                Apfloat t = low.valueOf(v);
                sq = low.add(sq, low.multiply(t, t));
            }
            return low.sqrt(sq);
        }
    }
}
