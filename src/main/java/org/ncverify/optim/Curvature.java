package org.ncverify.optim;

/**
 * The smallest curvature of f at a point on the complement of its symmetry directions, as
 * estimated by {@link CurvatureEstimator}: the smallest Ritz value theta of a few Lanczos steps
 * on P H P (H the Hessian, P the orthogonal projector onto the complement of the symmetry
 * tangents), with the errors that separate it from the true smallest eigenvalue mu_min.
 * Immutable.
 *
 * <p>{@code residual} = beta_m |s_m| = ||H y - theta y|| for the Ritz vector y: some eigenvalue
 * of P H P lies within it of theta (Kahan's bound for a symmetric operator). {@code productError}
 * is the measured error of one Hessian-vector product (central difference of the analytic
 * gradient, {@link CurvatureEstimator}), which perturbs the operator by at most that in norm.
 * Lanczos approaches the extreme eigenvalues from inside, so theta &gt;= mu_min up to these errors;
 * {@link #lowerBound()} is the value a tolerance rule may divide by once it has checked that it
 * is not near zero. When {@code steps} equals {@code dimension} the Krylov space is the whole
 * complement, or when the iteration stopped on an invariant Krylov space (beta = 0: the space
 * then holds the start vector's component in every eigenspace, and a seeded Gaussian start has
 * a nonzero component in each with probability 1), the estimate is {@link #complete()} and
 * theta is (up to the errors) mu_min itself.
 *
 * @param smallestRitzValue theta, the smallest Ritz value
 * @param residual          ||H y - theta y|| for its Ritz vector y
 * @param productError      estimated error of one Hessian-vector product (norm, unit vector)
 * @param steps             Lanczos steps taken
 * @param dimension         dimension of the complement (variables minus the rank of the symmetry tangents)
 * @param symmetryRank      rank of the symmetry tangents projected out
 * @param complete          the Krylov space is invariant (every step taken, or beta = 0)
 */
public record Curvature(double smallestRitzValue, double residual, double productError, int steps, int dimension,
                        int symmetryRank, boolean complete) {
    public Curvature {
        if (steps < 0 || dimension < 0 || symmetryRank < 0) {
            throw new IllegalArgumentException("negative count in a curvature estimate");
        }
    }

    /** theta - residual - productError: the estimate less every error it carries (may be negative). */
    public double lowerBound() {
        return smallestRitzValue - residual - productError;
    }

    /** True when every value is finite. */
    public boolean finite() {
        return Double.isFinite(smallestRitzValue) && Double.isFinite(residual) && Double.isFinite(productError);
    }

    @Override
    public String toString() {
        return String.format("mu = %.3e (Ritz residual %.1e, Hv error %.1e, %d Lanczos steps on %d dimensions, %d symmetry"
            + " directions removed%s)", smallestRitzValue, residual, productError, steps, dimension, symmetryRank,
            complete ? ", invariant Krylov space" : "");
    }
}
