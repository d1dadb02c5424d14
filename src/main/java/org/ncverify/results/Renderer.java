package org.ncverify.results;

/**
 * Turns a {@link Result} into one output format. One method per result type; a result calls
 * the one that fits it ({@link Result#render}). Implementations: {@link TextRenderer} (the
 * tables a reader sees, residuals and tolerances to 3 significant digits) and
 * {@link JsonRenderer} (every field, residuals and tolerances with all their digits).
 */
public interface Renderer {
    /** The closed form, its spectrum and the verdicts of {@code solve}. */
    String solve(SolveResult result);

    /** The verdicts of {@code verify}. */
    String verify(VerifyResult result);

    /** The runs, their classes, the best run's verdicts and the polish of {@code optimize}. */
    String optimize(OptimizeResult result);

    /** The judgement of a point from outside ({@code check}): the closed form beside the point, its verdicts and metrics. */
    String check(CheckResult result);
}
