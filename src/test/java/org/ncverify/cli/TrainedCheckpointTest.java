package org.ncverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The paper's experiment end to end: checkpoints of {@code scripts/train_ufm.py} (plain gradient
 * descent from a seeded start, CIFAR-10-LT-shaped sizes with rho = 10 scaled down to N = 78, L = 2;
 * the command is in src/test/resources/check/README.md) judged by {@code check}. The converged run
 * PASSes C1, C2, C4 and C9 (and every other claim) at its gradient tolerance; the checkpoint at
 * iteration 3000 is reported with its gap and residuals and is not passed.
 */
class TrainedCheckpointTest {
    private static final String LAMBDAS = "--lambda-w 5e-3 --lambda-h 5e-3";

    private static Path fixture(String name) {
        try {
            return Path.of(TrainedCheckpointTest.class.getResource("/check/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void convergedRunPassesAtItsGradientTolerance() {
        JsonNode out = CheckRoundTripTest.check(fixture("ckpt_012827.npz"), LAMBDAS, 0);
        Map<String, String> s = CheckRoundTripTest.statuses(out);
        for (String id : List.of("C1", "C2", "C4", "C9")) {
            assertEquals("PASS", s.get(id), id);
        }
        s.forEach((id, st) -> assertEquals("PASS", st, id));
        out.get("claims").forEach(c -> {
            if (List.of("C1", "C2", "C4", "C9").contains(c.get("id").asText())) {
                assertTrue(c.get("toleranceOrigin").asText().startsWith("curvature rule"), c.toString());
                // the tolerance comes from the run's own gradient: 100 ||grad f|| / mu + 10^-(P-10), well below 1e-9
                assertTrue(Double.parseDouble(c.get("tolerance").asText()) < 1e-9, c.toString());
            }
        });
        assertEquals(List.of(20L, 15L, 11L, 9L, 7L, 5L, 4L, 3L, 2L, 2L),
            java.util.stream.StreamSupport.stream(out.get("instance").get("sizes").spliterator(), false)
                .map(JsonNode::asLong).toList());
        assertTrue(out.get("regroupedByLabel").asBoolean(), "train_ufm.py shuffles the columns");
        assertTrue(Math.abs(Double.parseDouble(out.get("relativeGap").asText())) < 1e-20);
        assertTrue(out.get("metrics").get("nc1").get("point").asDouble() < 1e-20);
        double predicted = out.get("metrics").get("equinorm").get("theory").asDouble();
        assertTrue(predicted > 0.1, "imbalance: the theory's centred means are not equinorm");
        assertEquals(predicted, out.get("metrics").get("equinorm").get("point").asDouble(), 1e-9);
    }

    @Test
    void unconvergedCheckpointIsReportedAndNotPassed() {
        JsonNode out = CheckRoundTripTest.check(fixture("ckpt_003000.npz"), LAMBDAS, 1);
        double gap = Double.parseDouble(out.get("relativeGap").asText());
        assertTrue(gap > 1e-8 && gap < 1e-4, "gap " + gap);
        double grad = Double.parseDouble(out.get("gradientNorm").asText());
        assertTrue(grad > 1e-6 && grad < 1e-4, "gradient " + grad);
        Map<String, String> s = CheckRoundTripTest.statuses(out);
        for (String id : List.of("C1", "C2", "C4", "C9", "C11")) {
            assertEquals("FAIL", s.get(id), id + " at a gradient of " + grad);
        }
        out.get("claims").forEach(c -> assertTrue(c.get("residual").isTextual(), c.toString()));
    }
}
