package org.ncverify.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apfloat.Apfloat;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.ncverify.claims.Catalogue;
import org.ncverify.claims.Subject;
import org.ncverify.claims.Verdict;
import org.ncverify.external.ExternalPoint;
import org.ncverify.instance.Instance;
import org.ncverify.instance.Rationals;
import org.ncverify.linalg.Precision;
import org.ncverify.metrics.CollapseMetrics;
import org.ncverify.model.Evaluation;
import org.ncverify.spectrum.YhatSpectrum;
import org.ncverify.theory.ClosedForm;

/**
 * The result of {@code check}: a point from outside ({@link ExternalPoint}) judged against the
 * closed-form global minimizer of the same instance. Immutable; computed values only.
 *
 * @param point        the point and where it came from
 * @param precision    P of the judgement (the point's entries are exact binary values)
 * @param objective    f* of the closed form
 * @param threshold    s_crit
 * @param lambdaBar    lambda_bar
 * @param survivingDirections the theory's count of p*(s_i) &gt; 0
 * @param value        f at the point
 * @param gap          (f - f*) / f*
 * @param gradientNorm ||grad f|| at the point (all W_l, all N columns, b)
 * @param bias         b_k of the point beside n_k/N
 * @param spectrum     singular values of W_L...W_1 X of the point beside p*(s_i)
 * @param verdicts     C1-C11 (or the catalogue asked for) under the curvature rule
 * @param inconclusiveReason why the rule cannot bound the distance, or null
 * @param measured     the neural-collapse metrics of the point
 * @param predicted    the same metrics of the closed-form minimizer (the theory's values for this imbalance)
 * @param seconds      wall time of the judgement
 */
public record CheckResult(ExternalPoint point, Precision precision, Apfloat objective, Apfloat threshold,
                          Apfloat lambdaBar, int survivingDirections, Apfloat value, Apfloat gap, Apfloat gradientNorm,
                          List<BiasRow> bias, List<DirectionRow> spectrum, List<Verdict> verdicts, String inconclusiveReason,
                          CollapseMetrics measured, CollapseMetrics predicted, double seconds) implements Result {
    public CheckResult {
        Objects.requireNonNull(point, "point");
        bias = List.copyOf(bias);
        spectrum = List.copyOf(spectrum);
        verdicts = List.copyOf(verdicts);
    }

    /** True when some verdict is INCONCLUSIVE (the CLI exits 3 unless something FAILs). */
    @Override
    public boolean inconclusive() {
        return Verdicts.anyInconclusive(verdicts);
    }

    /**
     * One class's bias.
     *
     * @param measured b_k of the point
     * @param target   n_k / N
     */
    public record BiasRow(Apfloat measured, Apfloat target) {
    }

    /**
     * One direction i of the spectrum, in the order of s_i.
     *
     * @param singularValue s_i of Yhat
     * @param predicted     p*(s_i) (0 beyond the bottleneck)
     * @param measured      sigma_i of W_L...W_1 X at the point (double SVD of the product, decreasing)
     */
    public record DirectionRow(Apfloat singularValue, Apfloat predicted, double measured) {
        /** True when the theory keeps the direction (p*(s_i) &gt; 0). */
        public boolean surviving() {
            return predicted.signum() > 0;
        }
    }

    /** Judges {@code x} by {@code catalogue} at {@code precision} against the closed form of its instance. */
    public static CheckResult compute(ExternalPoint x, Precision precision, Catalogue catalogue) {
        long t0 = System.nanoTime();
        Instance inst = x.instance();
        ClosedForm cf = ClosedForm.of(inst, precision);
        Subject subject = Subject.ofExternal(cf, x.point(), x.unitRoundoff(), x.floatType());
        List<Verdict> verdicts = catalogue.run(subject);
        Evaluation e = subject.evaluation();
        Apfloat fStar = cf.objective();
        Apfloat gap = precision.helper().divide(precision.helper().subtract(e.value(), fStar), fStar);
        List<BiasRow> bias = new ArrayList<>();
        Apfloat[] b = x.point().bias();
        for (int k = 0; k < inst.classes(); k++) {
            bias.add(new BiasRow(b[k], precision.of(Rationals.of(inst.size(k), inst.total()))));
        }
        double[] sigma = new SingularValueDecomposition(new Array2DRowRealMatrix(subject.product().toDoubleArray(), false))
            .getSingularValues();
        YhatSpectrum sp = cf.spectrum();
        Apfloat[] p = cf.productSingularValues();
        List<DirectionRow> rows = new ArrayList<>();
        for (int i = 0; i < sp.size(); i++) {
            rows.add(new DirectionRow(sp.singularValue(i), p[i], i < sigma.length ? sigma[i] : 0.0));
        }
        return new CheckResult(x, precision, fStar, cf.threshold(), cf.law().lambdaBar(), cf.survivingDirections(),
            e.value(), gap, e.gradient().norm(), bias, rows, verdicts, subject.inconclusiveReason(),
            CollapseMetrics.of(x.point()), CollapseMetrics.of(cf.point()), (System.nanoTime() - t0) / 1e9);
    }

    public Instance instance() {
        return point.instance();
    }

    @Override
    public String render(Renderer renderer) {
        return renderer.check(this);
    }

    @Override
    public boolean failed() {
        return Verdicts.anyFail(verdicts);
    }
}
