package org.ncverify.results;

/**
 * A computed result of {@code solve}, {@code verify} or {@code optimize}: an immutable value
 * holding what was computed (Apfloat values, verdicts, runs), never display strings. It is
 * turned into text or JSON by a {@link Renderer}; computing and rendering are separate layers
 * (STYLE.md 11).
 */
public sealed interface Result permits SolveResult, VerifyResult, OptimizeResult, CheckResult {
    /** This result in the renderer's format (double dispatch: the renderer picks the layout per result type). */
    String render(Renderer renderer);

    /**
     * True when the result refutes something: some verdict FAILs (for {@code optimize} also when
     * no run ended at a finite value). PASS, NOT_APPLICABLE and INCONCLUSIVE verdicts never make a
     * result fail.
     */
    boolean failed();
}
