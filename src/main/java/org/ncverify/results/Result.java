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
     * True when the result refutes something: some verdict FAILs on its measurement. PASS, NOT_APPLICABLE and INCONCLUSIVE verdicts never make a
     * result fail.
     */
    boolean failed();

    /**
     * True when the evidence decides nothing about some claim: an INCONCLUSIVE verdict (an
     * unconverged or unbounded candidate, insufficient precision) or, for {@code optimize}, no
     * run that ended at a finite value. The CLI exits 3 for it unless {@link #failed()} (which
     * takes priority). A result type without such states keeps this default.
     */
    default boolean inconclusive() {
        return false;
    }
}
