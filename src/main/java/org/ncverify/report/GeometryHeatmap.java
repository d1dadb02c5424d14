package org.ncverify.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import org.apfloat.Apfloat;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.ncverify.claims.Subject;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;
import org.ncverify.theory.ClosedForm;

/**
 * Figure data: the geometry of claims C5-C7 at the closed-form minimizer of one small case, built
 * with seeded random orthonormal frames R_0..R_{L-1} ({@link ClosedForm#rotated}) so that no entry
 * is zero by construction: the Gram matrix of the rows of A = U^T W_L...W_1 (K x K, claim C5),
 * the Gram matrix of the columns of B = Mbar D V (K x K, claim C6), and C7's cosines
 * cos_i = &lt;A_(i,:), B_(:,i)&gt; / (|A_(i,:)| |B_(:,i)|) for each surviving i (p*(s_i) &gt; 0 by the
 * closed form; null for a collapsed direction, whose row and column are zero up to rounding).
 * The theory says both Grams are diagonal, the rows and columns of collapsed directions zero, and every cosine 1; under a tie (a size repeated three or more
 * times) this holds for the consistent pair U, V of the closed form. The chart shows
 * log10(|G_ij| / max |G|), floored at -(P+G): the working precision, below which an entry is
 * rounding.
 *
 * @param id          figure id
 * @param caption     caption
 * @param label       the case
 * @param instance    the case (InstanceJson shape)
 * @param digits      P (working P + G)
 * @param seed        seed of the random frames
 * @param floor       the plot floor -(P+G)
 * @param rowGram     (U^T W)(U^T W)^T as doubles
 * @param columnGram  (X V)^T (X V) as doubles
 * @param cosines     cos_i, full digits, null for a collapsed direction
 * @param oneMinusCos 1 - cos_i as doubles (may be a tiny negative: rounding), null for a collapsed direction
 */
public record GeometryHeatmap(String id, String caption, String label, ObjectNode instance, int digits, long seed, int floor,
                              double[][] rowGram, double[][] columnGram, String[] cosines, Double[] oneMinusCos)
    implements FigureData {
    public GeometryHeatmap {
        instance = instance.deepCopy();
        rowGram = copy(rowGram);
        columnGram = copy(columnGram);
        cosines = cosines.clone();
        oneMinusCos = oneMinusCos.clone();
    }

    /** The figure of {@code instance} at {@code digits} with frames from {@code seed}. */
    static GeometryHeatmap of(String label, Instance instance, int digits, long seed) {
        Precision pr = Precision.of(digits);
        ClosedForm cf = ClosedForm.rotated(instance, pr, seed);
        Subject s = Subject.ofClosedForm(cf);
        Precision wp = s.precision();
        ApMatrix a = s.projectedWeights();
        ApMatrix b = s.projectedMeans();
        ApMatrix rows = a.multiply(a.transpose());
        ApMatrix cols = b.transpose().multiply(b);
        int k = instance.classes();
        String[] cos = new String[k];
        Double[] gap = new Double[k];
        FixedPrecisionApfloatHelper h = wp.helper();
        for (int i = 0; i < k; i++) {
            if (cf.solutions().get(i).p().signum() <= 0) {
                continue;
            }
            Apfloat na = h.sqrt(rows.get(i, i));
            Apfloat nb = h.sqrt(cols.get(i, i));
            Apfloat c = h.divide(ApMatrix.dot(a.row(i), b.column(i), wp), h.multiply(na, nb));
            cos[i] = org.ncverify.results.JsonRenderer.fullDigits(c);
            gap[i] = h.subtract(wp.of(1L), c).doubleValue();
        }
        int floor = (int) -wp.working();
        String caption = "Geometry of the closed-form minimizer of " + label + " " + instance.describe() + " at " + digits
            + " digits (working " + wp.working() + "), random orthonormal frames from seed " + seed + ": log10 |G_ij| / max |G| "
            + "of the Gram matrices of the rows of U^T W_L...W_1 (C5) and of the columns of Mbar D V (C6), floored at "
            + floor + " (rounding); and 1 - cos_i of row i against column i (C7) for each surviving direction, where the "
            + "theory says 0 (points at the floor 10^" + floor + " are at or below rounding). Data: data/"
            + TheoryFigures.GEOMETRY + ".json.";
        return new GeometryHeatmap(TheoryFigures.GEOMETRY, caption, label, org.ncverify.instance.InstanceJson.write(instance),
            digits, seed, floor, rows.toDoubleArray(), cols.toDoubleArray(), cos, gap);
    }

    private static double[][] copy(double[][] m) {
        return Arrays.stream(m).map(double[]::clone).toArray(double[][]::new);
    }
}
