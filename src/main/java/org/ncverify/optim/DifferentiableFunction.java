package org.ncverify.optim;

/** A smooth function R^n -> R with its gradient: the contract of {@link Lbfgs} and {@link WolfeLineSearch}. */
public interface DifferentiableFunction {
    /** n. */
    int dimension();

    /** f(x); writes grad f(x) into {@code grad} (length n). Must not keep references to either array. */
    double evaluate(double[] x, double[] grad);
}
