package org.ncverify.results.sweep;

import org.ncverify.results.sweep.Range.Kind;

/**
 * A quantity a sweep can vary, with its flag, its JSON name and whether it is an integer. The
 * declaration order is the order of the cartesian product ({@link SweepGrid}): the first axis
 * varies slowest, the last ({@link #LAMBDA_H}) fastest, like nested loops written in this order.
 */
public enum Axis {
    /** K, the number of classes of a size rule. */
    CLASSES("--classes", "classes", Kind.INTEGER),
    /** n_max, the largest class size of a size rule (samples). */
    N_MAX("--n-max", "nMax", Kind.INTEGER),
    /** rho = n_max / n_min requested from a size rule (before the floors). */
    IMBALANCE("--imbalance", "imbalance", Kind.DECIMAL),
    /** d, the feature dimension. */
    DIM("--dim", "dim", Kind.INTEGER),
    /** L, the number of linear layers. */
    DEPTH("--depth", "depth", Kind.INTEGER),
    /** the common width d_1 = ... = d_{L-1} of the hidden layers (default: d). */
    WIDTH("--width", "width", Kind.INTEGER),
    /** the weight decay of every layer, lambda_{W_1} = ... = lambda_{W_L}. */
    LAMBDA_W("--lambda-w", "lambdaW", Kind.DECIMAL),
    /** lambda_H, the feature decay. */
    LAMBDA_H("--lambda-h", "lambdaH", Kind.DECIMAL);

    private final String flag;
    private final String key;
    private final Kind kind;

    Axis(String flag, String key, Kind kind) {
        this.flag = flag;
        this.key = key;
        this.kind = kind;
    }

    /** The command-line flag. */
    public String flag() {
        return flag;
    }

    /** The name in JSON {@code parameters} and in the CSV header. */
    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }
}
