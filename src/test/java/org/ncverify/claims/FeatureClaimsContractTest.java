package org.ncverify.claims;

import java.util.List;
import org.apfloat.Apfloat;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.junit.jupiter.api.Nested;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;
import org.ncverify.model.Point;
import org.ncverify.support.Instances;

/**
 * The claim contract ({@link AbstractClaimContract}) run against C1 (within-class collapse) and C2 (optimal bias): claims about the features and the bias only. Each nested
 * class only supplies its claim and its seeded wrong answers.
 */
class FeatureClaimsContractTest {

    /**
     * The contract for a claim about the features and the bias only (C1, C2): W_L scaled by
     * 1.001 keeps its PASS, and the unevaluable entry sits in a feature column.
     */
    abstract class FeatureClaimContract extends AbstractClaimContract {
        @Override
        boolean judgesCandidate() {
            return true;
        }

        @Override
        Status onScaledLastWeight() {
            return Status.PASS;
        }

        @Override
        Point unevaluable(Point x) {
            return WrongPoints.overflowingFeature(x);
        }
    }

    @Nested
    class C1 extends FeatureClaimContract {
        @Override
        Claim claim() {
            return new C1WithinClassCollapse();
        }

        @Override
        List<WrongAnswer> wrongAnswers() {
            Claim c = claim();
            return List.of(
                wrongPoint(c, "class 1 as 2 columns of multiplicity 5, column 2 moved by 1e-6 relative",
                    Instances.imbalanced(), 60, x -> WrongPoints.movedColumn(WrongPoints.splitClass(x, 0, 2), 0, 1)),
                wrongPoint(c, "every sample its own column, sample 3 of class 2 moved by 1e-6 relative",
                    Instances.deep(), 30, x -> WrongPoints.movedColumn(WrongPoints.perSample(x), 1, 2)),
                wrongPoint(c, "M = 0, class 1 as 5 columns, column 4 moved to 1e-6 e_1", Instances.collapsed(), 30,
                    x -> WrongPoints.movedColumn(WrongPoints.splitClass(x, 0, 5), 0, 3)),
                wrongPoint(c, "class 3 as 5 columns, column 1 moved by 1e-6 relative", Instances.balancedDeep(), 60,
                    x -> WrongPoints.movedColumn(WrongPoints.splitClass(x, 2, 5), 2, 0)));
        }

        /**
         * Class k stored as q equal columns, column j moved by delta: it leaves the class mean by
         * delta (1 - 1/q), so delta = t S q / (q - 1), S the largest column norm, gives residual t.
         */
        private TolerancePins.Pin spread(String what, Instance inst, int digits, int k, int q, int j) {
            return TolerancePins.onPoint(claim(), "class " + (k + 1) + " as " + q + " columns, column " + (j + 1)
                + " moved by t S q / (q - 1) " + what, inst, digits, (cf, t) -> {
                    Point x = WrongPoints.splitClass(cf.point(), k, q);
                    FixedPrecisionApfloatHelper h = cf.precision().helper();
                    Apfloat delta = h.divide(h.multiply(h.multiply(t, WrongPoints.largestColumnNorm(x)),
                        cf.precision().of((long) q)), cf.precision().of(q - 1L));
                    return WrongPoints.movedColumn(x, k, j, delta);
                });
        }

        @Override
        List<TolerancePins.Pin> tolerancePins() {
            return List.of(spread("", Instances.imbalanced(), 60, 0, 2, 1),
                spread("(every sample its own column)", Instances.deep(), 30, 1, 5, 2),
                spread("", Instances.balancedDeep(), 60, 2, 5, 0));
        }
    }

    @Nested
    class C2 extends FeatureClaimContract {
        @Override
        Claim claim() {
            return new C2OptimalBias();
        }

        /**
         * Every feature moved by v = 10^-6 e_1 and the bias by -W v: the predictions, hence the
         * data term, are unchanged, but h_G = v and b != n/N.
         */
        private Point shiftedGlobalMean(Point x) {
            Precision p = x.precision();
            Apfloat step = p.pow10(-6);
            Point out = x;
            for (int k = 0; k < x.classes(); k++) {
                ApMatrix b = x.classBlock(k);
                for (int j = 0; j < b.cols(); j++) {
                    b = b.with(0, j, p.helper().add(b.get(0, j), step));
                }
                out = out.withClassBlock(k, b);
            }
            Apfloat[] bias = x.bias();
            ApMatrix w = x.product();
            for (int k = 0; k < bias.length; k++) {
                bias[k] = p.helper().subtract(bias[k], p.helper().multiply(w.get(k, 0), step));
            }
            return out.withBias(bias);
        }

        @Override
        List<WrongAnswer> wrongAnswers() {
            Claim c = claim();
            Instance imb = Instances.imbalanced();
            return List.of(
                wrongPoint(c, "bias b + 1e-6 e_1", imb, 60, WrongPoints::shiftedBias),
                wrongPoint(c, "bias b + 1e-6 e_1", Instances.deep(), 30, WrongPoints::shiftedBias),
                wrongPoint(c, "class mean 2 moved by 1e-6 (sum n_k m_k != 0)", imb, 60, x -> WrongPoints.movedMean(x, 1)),
                wrongPoint(c, "M = 0, class mean 1 moved by 1e-6 (sum n_k m_k != 0)", Instances.collapsed(), 30,
                    x -> WrongPoints.movedMean(x, 0)),
                wrongPoint(c, "global mean shifted by 1e-6 e_1, bias compensating (same predictions)", imb, 60,
                    this::shiftedGlobalMean));
        }

        /**
         * The bias residual is absolute: b + t e_1 gives t. The mean residual is ||M n|| over
         * sum_k n_k ||m_k||: m_k + delta e_1 gives n_k delta over it, so delta = t sum_j n_j ||m_j|| / n_k.
         */
        @Override
        List<TolerancePins.Pin> tolerancePins() {
            TolerancePins.Perturbation mean = (cf, t) -> {
                Precision p = cf.precision();
                FixedPrecisionApfloatHelper h = p.helper();
                Apfloat[] norms = ProductGeometry.columnNorms(cf.point().classMeans(), p);
                Apfloat magnitude = Apfloat.ZERO;
                for (int k = 0; k < norms.length; k++) {
                    magnitude = h.add(magnitude, h.multiply(p.of(cf.instance().size(k)), norms[k]));
                }
                return WrongPoints.movedMean(cf.point(), 1, h.divide(h.multiply(t, magnitude), p.of(cf.instance().size(1))));
            };
            return List.of(
                TolerancePins.onPoint(claim(), "bias b + t e_1", Instances.imbalanced(), 60, (cf, t) ->
                    WrongPoints.shiftedBias(cf.point(), t)),
                TolerancePins.onPoint(claim(), "bias b + t e_1", Instances.collapsed(), 30, (cf, t) ->
                    WrongPoints.shiftedBias(cf.point(), t)),
                TolerancePins.onPoint(claim(), "class mean 2 + t sum_k n_k ||m_k|| / n_2 e_1", Instances.imbalanced(), 60, mean),
                TolerancePins.onPoint(claim(), "class mean 2 + t sum_k n_k ||m_k|| / n_2 e_1", Instances.deep(), 30, mean));
        }
    }
}
