package org.ncverify.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apfloat.Apfloat;
import org.apfloat.Aprational;
import org.junit.jupiter.api.Test;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;

class PointTest {
    private static final Precision P = Precision.of(30);

    private static String rejection(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void rejectsWrongShapesNamingThePiece() {
        Instance inst = ModelFixtures.small(); // W_1 3x2, W_2 3x3, M 2x3, H 2x6, b 3
        Random rnd = new Random(1);
        List<ApMatrix> w = ModelFixtures.randomWeights(inst, rnd, P);
        ApMatrix means = ApMatrix.zeros(2, 3, P);
        Apfloat[] b = ModelFixtures.randomBias(inst, rnd, P);

        List<ApMatrix> badW2 = new ArrayList<>(w);
        badW2.set(1, ApMatrix.zeros(3, 4, P));
        assertEquals("W_2 is 3x4, expected 3x3", rejection(() -> Point.ofClassMeans(inst, badW2, means, b)));

        List<ApMatrix> badW1 = new ArrayList<>(w);
        badW1.set(0, ApMatrix.zeros(2, 3, P));
        assertEquals("W_1 is 2x3, expected 3x2", rejection(() -> Point.ofClassMeans(inst, badW1, means, b)));

        assertTrue(rejection(() -> Point.ofClassMeans(inst, w.subList(0, 1), means, b)).startsWith("W has 1 layer"));
        assertTrue(rejection(() -> Point.ofClassMeans(inst, w, ApMatrix.zeros(2, 2, P), b))
            .startsWith("M (class means) is 2x2, expected 2x3"));
        assertTrue(rejection(() -> Point.ofClassMeans(inst, w, means, new Apfloat[2]))
            .startsWith("b has 2 entries, expected K = 3"));
        assertTrue(rejection(() -> Point.ofFeatures(inst, w, ApMatrix.zeros(2, 5, P), b))
            .startsWith("H is 2x5, expected 2x6"));
        assertTrue(rejection(() -> Point.ofFeatures(inst, w, ApMatrix.zeros(3, 6, P), b))
            .startsWith("H is 3x6, expected 2x6"));

        List<ApMatrix> blocks = List.of(ApMatrix.zeros(2, 2, P), ApMatrix.zeros(2, 1, P), ApMatrix.zeros(2, 1, P));
        assertTrue(rejection(() -> Point.of(inst, w, blocks, new long[] {1, 2, 1}, b))
            .startsWith("H block of class 0 has 2 column(s) of multiplicity 1, but n_0 = 3"));
        Point ok = Point.of(inst, w, List.of(ApMatrix.zeros(2, 3, P), ApMatrix.zeros(2, 1, P), ApMatrix.zeros(2, 1, P)),
            new long[] {1, 2, 1}, b);
        assertEquals(2, ok.multiplicity(1));
        assertTrue(rejection(() -> ok.withClassBlock(2, ApMatrix.zeros(1, 1, P))).startsWith("H block of class 2 is 1x1"));
        assertEquals("W_2 is 2x2, expected 3x3", rejection(() -> ok.withWeight(2, ApMatrix.zeros(2, 2, P))));
    }

    @Test
    void rejectsTooManyExplicitColumns() {
        Instance huge = Instance.of(new long[] {20_000_000L, 1}, 1, null, 1,
            new Aprational[] {ModelFixtures.rational(1, 10)}, ModelFixtures.rational(1, 10));
        String msg = rejection(() -> Point.ofFeatures(huge, List.of(ApMatrix.zeros(2, 1, P)),
            ApMatrix.zeros(1, 1, P), new Apfloat[] {Apfloat.ZERO, Apfloat.ZERO}));
        assertTrue(msg.contains("N = 20000001") && msg.contains("ofClassMeans"), msg);
    }

    @Test
    void accessorsAndMaterialisation() {
        Instance inst = ModelFixtures.small();
        Random rnd = new Random(2);
        Point x = ModelFixtures.randomFeaturesPoint(inst, rnd, P);
        assertEquals(2, x.depth());
        assertEquals(3, x.columns(0));
        assertEquals(1, x.multiplicity(0));
        // class mean of class 0 is the average of its 3 columns
        ApMatrix m = x.classMeans();
        ApMatrix b0 = x.classBlock(0);
        for (int i = 0; i < 2; i++) {
            double avg = (b0.get(i, 0).doubleValue() + b0.get(i, 1).doubleValue() + b0.get(i, 2).doubleValue()) / 3;
            assertEquals(avg, m.get(i, 0).doubleValue(), 1e-14);
        }
        // sample 4 is column 1 of class 1
        assertEquals(1, x.classOfSample(4));
        assertEquals(x.classBlock(1).get(1, 1), x.featureColumn(4).get(1, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> x.featureColumn(6));
        // product W_2 W_1 is K x d
        ApMatrix prod = x.product();
        assertEquals(3, prod.rows());
        assertEquals(2, prod.cols());

        Point y = ModelFixtures.randomMeansPoint(inst, rnd, P);
        assertEquals(3, y.multiplicity(0));
        assertEquals(1, y.columns(0));
        assertEquals(y.classBlock(2).get(0, 0), y.featureColumn(5).get(0, 0));
        assertEquals(y.classBlock(0).get(1, 0), y.featureColumn(2).get(1, 0));
        assertEquals(y.classMeans().get(1, 1), y.classBlock(1).get(1, 0));
        // the bias is copied out
        Apfloat before = y.bias()[0];
        Apfloat[] b = y.bias();
        b[0] = new Apfloat(12345);
        assertEquals(before, y.bias()[0]);
    }

    /**
     * X = Mbar D: X sqrt(n) = Mbar n = 0 (the weighted centre is removed), and adding one vector
     * to every class mean leaves X unchanged; W_L ... W_1 is the product of the layers.
     */
    @Test
    void centredMeansAndWeightProduct() {
        Precision p = Precision.of(40);
        Instance inst = ModelFixtures.small();
        Point x = ModelFixtures.randomMeansPoint(inst, new Random(17), p);
        ApMatrix m = x.classMeans(p);
        ApMatrix centred = Point.centredMeans(inst, m, p);
        Apfloat[] sqrtN = new Apfloat[inst.classes()];
        Apfloat[] ones = new Apfloat[inst.classes()];
        for (int c = 0; c < sqrtN.length; c++) {
            sqrtN[c] = p.helper().sqrt(p.of(inst.size(c)));
            ones[c] = Apfloat.ONE;
        }
        Apfloat scale = m.frobeniusNorm();
        for (Apfloat v : centred.multiply(sqrtN)) {
            assertTrue(v.doubleValue() == 0 || Math.abs(v.doubleValue()) < 1e-35 * scale.doubleValue() * inst.total(), v::toString);
        }
        ApMatrix shift = ApMatrix.fromColumns(new Apfloat[][] {m.column(0)}, p).multiply(ApMatrix.fromColumns(new Apfloat[][] {ones}, p).transpose());
        ApMatrix moved = Point.centredMeans(inst, m.add(shift), p);
        assertTrue(moved.subtract(centred).frobeniusNorm().doubleValue() < 1e-35 * scale.doubleValue(), "X depends on h_G");
        ApMatrix w = x.weight(1);
        for (int l = 2; l <= x.depth(); l++) {
            w = x.weight(l).multiply(w);
        }
        assertTrue(x.weightProduct(p).subtract(w).frobeniusNorm().doubleValue() < 1e-35 * w.frobeniusNorm().doubleValue());
        assertEquals(inst.classes(), x.weightProduct(p).rows());
    }
}
