package org.ncverify.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apfloat.Apfloat;
import org.apfloat.Apint;
import org.apfloat.Aprational;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;

/** Seeded random instances and points shared by the model tests. */
final class ModelFixtures {
    private ModelFixtures() {
    }

    static Aprational rational(long num, long den) {
        return new Aprational(new Apint(num), new Apint(den));
    }

    /** K = 3, sizes (3,2,1), d = 2, L = 2, width 3, lambda_W = (1/100, 3/100), lambda_H = 1/50. */
    static Instance small() {
        return Instance.of(new long[] {3, 2, 1}, 2, new int[] {3}, 2,
            new Aprational[] {rational(1, 100), rational(3, 100)}, rational(1, 50));
    }

    static double[][] gaussian(Random rnd, int rows, int cols) {
        double[][] a = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                a[i][j] = rnd.nextGaussian();
            }
        }
        return a;
    }

    static List<ApMatrix> randomWeights(Instance inst, Random rnd, Precision p) {
        List<ApMatrix> w = new ArrayList<>();
        for (int l = 1; l <= inst.depth(); l++) {
            w.add(ApMatrix.of(gaussian(rnd, inst.layerDim(l), inst.layerDim(l - 1)), p));
        }
        return w;
    }

    static Apfloat[] randomBias(Instance inst, Random rnd, Precision p) {
        Apfloat[] b = new Apfloat[inst.classes()];
        for (int k = 0; k < b.length; k++) {
            b[k] = p.ofBinary(rnd.nextGaussian());
        }
        return b;
    }

    /** A point with explicit, distinct random feature columns. */
    static Point randomFeaturesPoint(Instance inst, Random rnd, Precision p) {
        ApMatrix h = ApMatrix.of(gaussian(rnd, inst.dim(), (int) inst.total()), p);
        return Point.ofFeatures(inst, randomWeights(inst, rnd, p), h, randomBias(inst, rnd, p));
    }

    /** A point stored as random class means. */
    static Point randomMeansPoint(Instance inst, Random rnd, Precision p) {
        ApMatrix m = ApMatrix.of(gaussian(rnd, inst.dim(), inst.classes()), p);
        return Point.ofClassMeans(inst, randomWeights(inst, rnd, p), m, randomBias(inst, rnd, p));
    }
}
