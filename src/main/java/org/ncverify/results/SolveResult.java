package org.ncverify.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import org.apfloat.Apfloat;
import org.ncverify.claims.Catalogue;
import org.ncverify.claims.Subject;
import org.ncverify.claims.Verdict;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;
import org.ncverify.spectrum.YhatSpectrum;
import org.ncverify.theory.ClosedForm;

/**
 * The result of {@code solve}: the spectrum of Yhat with p*(s_i) per singular value, the
 * optimal value f*, the bias b* = n/N, s_crit and lambda_bar of the closed-form minimizer
 * (SPEC section 5), and the verdicts of {@link Catalogue#solve()} (C3, C4, C8, C10, C11) on it.
 * Immutable; every number is the computed Apfloat at the working precision.
 *
 * @param instance            the instance
 * @param precision           P (the digits every reported number must carry) and the guard digits
 * @param spectrum            s_1 &gt;= ... &gt;= s_K with their intervals and p*(s_i)
 * @param objective           f*
 * @param bias                b* in class order
 * @param threshold           s_crit
 * @param lambdaBar           lambda_bar = (lambda_H prod_l lambda_{W_l})^(1/(L+1))
 * @param survivingDirections the number of i with p*(s_i) &gt; 0
 * @param verdicts            the claims' verdicts, in catalogue order
 * @param seconds             wall time of the computation and the judgement
 */
public record SolveResult(Instance instance, Precision precision, List<SpectrumRow> spectrum, Apfloat objective,
                          List<Apfloat> bias, Apfloat threshold, Apfloat lambdaBar, int survivingDirections,
                          List<Verdict> verdicts, double seconds) implements Result {
    public SolveResult {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(precision, "precision");
        spectrum = List.copyOf(spectrum);
        bias = List.copyOf(bias);
        verdicts = List.copyOf(verdicts);
    }

    /**
     * Computes the closed form at {@code precision} (in the seeded random frames when
     * {@code frameSeed} is present) and judges C3, C4, C8, C10, C11 on it.
     */
    public static SolveResult compute(Instance instance, Precision precision, OptionalLong frameSeed) {
        return compute(instance, precision, frameSeed, Runnable::run);
    }

    /**
     * As {@link #compute(Instance, Precision, OptionalLong)}, the independent pieces of the closed
     * form (canonical frames) and the claims run as tasks on {@code executor}; same result.
     */
    public static SolveResult compute(Instance instance, Precision precision, OptionalLong frameSeed, Executor executor) {
        long t0 = System.nanoTime();
        ClosedForm cf = Frames.closedForm(instance, precision, frameSeed, executor);
        List<Verdict> verdicts = Catalogue.solve().run(Subject.ofClosedForm(cf), executor);
        return of(cf, verdicts, (System.nanoTime() - t0) / 1e9);
    }

    /** The values of {@code cf} with the verdicts judged on it. */
    static SolveResult of(ClosedForm cf, List<Verdict> verdicts, double seconds) {
        Instance inst = cf.instance();
        YhatSpectrum sp = cf.spectrum();
        List<SpectrumRow> rows = new ArrayList<>();
        for (int i = 0; i < sp.size(); i++) {
            long[] iv = sp.interlacingInterval(i);
            rows.add(new SpectrumRow(sp.singularValue(i), iv[0], iv[1], cf.solutions().get(i), i >= inst.bottleneck()));
        }
        return new SolveResult(inst, cf.precision(), rows, cf.objective(), List.of(cf.bias()), cf.threshold(),
            cf.law().lambdaBar(), cf.survivingDirections(), verdicts, seconds);
    }

    @Override
    public String render(Renderer renderer) {
        return renderer.solve(this);
    }

    @Override
    public boolean failed() {
        return Verdicts.anyFail(verdicts);
    }

    @Override
    public boolean inconclusive() {
        return Verdicts.anyInconclusive(verdicts);
    }
}
