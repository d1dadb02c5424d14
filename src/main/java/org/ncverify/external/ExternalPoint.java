package org.ncverify.external;

import java.util.List;
import java.util.Objects;
import org.ncverify.instance.Instance;
import org.ncverify.model.Point;

/**
 * A point (W_1..W_L, H, b) read from outside (a NumPy file), with the instance its arrays and
 * the user's weight decays define. The point's feature columns are grouped by class (class 0
 * first, the file's order kept inside a class), whatever order the file's labels had.
 *
 * @param source     the file the arrays came from (as given)
 * @param instance   sizes (from the labels or --sizes), d, widths and L (from the arrays), the decays
 * @param point      the point, entries the exact binary values of the file's floats
 * @param dtypes     the dtype of each array read, e.g. "H <f4, W1 <f8, b <f8, labels <i8"
 * @param ignored    names of arrays in the file that are not part of a point
 * @param grouped    true when the file's columns were already grouped by class in class order
 * @param featuresRows true when H was stored N x d (--features-rows)
 * @param unitRoundoff the unit roundoff of the file's floats: 2^-24 when any of H, W_l, b is float32, else 2^-53
 */
public record ExternalPoint(String source, Instance instance, Point point, String dtypes, List<String> ignored,
                            boolean grouped, boolean featuresRows, double unitRoundoff) {
    public ExternalPoint {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(point, "point");
        ignored = List.copyOf(ignored);
    }

    /** The file's precision as a name: float32 or float64. */
    public String floatType() {
        return unitRoundoff > 0x1p-30 ? "float32" : "float64";
    }

    /** The flags that replay the judgement: --point, --features-rows, --sizes (implied by the labels, harmless) and the decays. */
    public String flags() {
        String d = instance.describe();
        String sizes = d.substring(0, d.indexOf(" --dim"));
        return "--point " + org.ncverify.io.Shell.quote(source) + (featuresRows ? " --features-rows " : " ") + sizes + " " + d.substring(d.indexOf("--lambda-w"));
    }
}
