package org.ncverify.polish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.apfloat.Apfloat;
import org.junit.jupiter.api.Test;
import org.ncverify.linalg.Precision;

/** The distance estimate that turns the achieved gradient into digits. */
class PolishResultTest {
    private static PolishResult result(String gradient, String curvature, PolishResult.Stop stop) {
        Apfloat g = new Apfloat(gradient, 30);
        return new PolishResult(null, Precision.of(40), Apfloat.ZERO, g, g, Apfloat.ZERO, 3, 10, 4, Duration.ZERO,
            List.of(g), stop, 1e-9, curvature == null ? null : new Apfloat(curvature, 30), 0);
    }

    @Test
    void nondegenerateDistanceIsTheGradientOverATrustedCurvature() {
        assertEquals(35, result("1e-40", "1e-3", PolishResult.Stop.CONVERGED).distanceDigits(), 1e-9);
        assertEquals(30, result("1e-40", "1e-10", PolishResult.Stop.CONVERGED).distanceDigits(), 1e-9);
        assertEquals(35, result("1e-40", null, PolishResult.Stop.CONVERGED).distanceDigits(), 1e-9);
    }

    /** A vanishing or negative curvature: the quartic model, distance ||g||^(1/3). */
    @Test
    void degenerateDistanceIsTheCubeRootOfTheGradient() {
        assertEquals(9, result("1e-27", "-3.8e-19", PolishResult.Stop.DEGENERATE_LINEAR).distanceDigits(), 1e-9);
        assertEquals(9, result("1e-27", "1e-30", PolishResult.Stop.CONVERGED).distanceDigits(), 1e-9);
        assertEquals(10, result("1e-27", "1e-17", PolishResult.Stop.CONVERGED).distanceDigits(), 1e-9);
    }
}
