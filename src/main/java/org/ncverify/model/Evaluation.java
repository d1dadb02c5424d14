package org.ncverify.model;

import org.apfloat.Apfloat;
import org.ncverify.linalg.Precision;

/**
 * The value of f at a point, split as f = dataTerm + penalty with
 * dataTerm = 1/(2N) ||W_L...W_1 H + b 1_N^T - Y||_F^2 and
 * penalty = sum_l lambda_{W_l}/2 ||W_l||_F^2 + lambda_H/2 ||H||_F^2, plus its {@link Gradient}.
 * Immutable.
 */
public final class Evaluation {
    private final Apfloat value;
    private final Apfloat dataTerm;
    private final Apfloat penalty;
    private final Gradient gradient;
    private final Precision precision;

    Evaluation(Apfloat value, Apfloat dataTerm, Apfloat penalty, Gradient gradient, Precision precision) {
        this.value = value;
        this.dataTerm = dataTerm;
        this.penalty = penalty;
        this.gradient = gradient;
        this.precision = precision;
    }

    /** f = dataTerm + penalty. */
    public Apfloat value() {
        return value;
    }

    /** 1/(2N) ||W_L...W_1 H + b 1_N^T - Y||_F^2. */
    public Apfloat dataTerm() {
        return dataTerm;
    }

    /** sum_l lambda_{W_l}/2 ||W_l||_F^2 + lambda_H/2 ||H||_F^2. */
    public Apfloat penalty() {
        return penalty;
    }

    /** The gradient of f. */
    public Gradient gradient() {
        return gradient;
    }

    /** The precision the evaluation was carried out at. */
    public Precision precision() {
        return precision;
    }

    @Override
    public String toString() {
        return "Evaluation[f=" + Precision.format(value, 20) + ", " + gradient + "]";
    }
}
