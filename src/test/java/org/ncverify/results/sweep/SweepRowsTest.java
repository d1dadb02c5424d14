package org.ncverify.results.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apfloat.Apfloat;
import org.junit.jupiter.api.Test;
import org.ncverify.claims.Catalogue;
import org.ncverify.claims.Verdict;
import org.ncverify.linalg.Precision;

/**
 * Rows that are not all PASS: a FAIL anywhere makes the sweep fail (exit 1), NOT_APPLICABLE and
 * INCONCLUSIVE do not; unmeasured residuals are empty CSV fields; the runner delivers rows in
 * point order and stops on a failing sink.
 */
class SweepRowsTest {
    private static final Precision P = Precision.of(20);

    private static SweepGrid grid(String lambdaH) {
        Map<Axis, Range> axes = new EnumMap<>(Axis.class);
        axes.put(Axis.DIM, Range.parse("--dim", "6", Range.Kind.INTEGER));
        axes.put(Axis.DEPTH, Range.parse("--depth", "2", Range.Kind.INTEGER));
        axes.put(Axis.LAMBDA_W, Range.parse("--lambda-w", "1e-3", Range.Kind.DECIMAL));
        axes.put(Axis.LAMBDA_H, Range.parse("--lambda-h", lambdaH, Range.Kind.DECIMAL));
        return SweepGrid.of(new long[] {10, 5, 3, 2}, null, axes);
    }

    private static SweepRow row(Verdict... verdicts) {
        Catalogue c = Catalogue.of(List.of("C3", "C4", "C8", "C10").subList(0, verdicts.length));
        return new SweepRow(grid("1e-3").point(0), P, 3, new Apfloat("0.1", 20), new Apfloat("0.007", 20), c.claims(),
            List.of(verdicts));
    }

    @Test
    void oneFailAnywhereFailsTheSweepAndNothingElseDoes() {
        SweepSummary.Counter counter = new SweepSummary.Counter();
        counter.add(row(Verdict.notApplicable("C3", "not here")));
        counter.add(row(Verdict.inconclusive("C3", null, null, "-", "cannot bound")));
        SweepSummary quiet = counter.summary(1);
        assertFalse(quiet.failed(), quiet.describe());
        assertEquals("2 points, 2 verdicts: 0 PASS, 0 FAIL, 1 NOT_APPLICABLE, 1 INCONCLUSIVE (at 1 points)", quiet.describe());
        counter.add(row(Verdict.notApplicable("C3", "n/a"), Verdict.nonFinite("C4", "NaN")));
        SweepSummary failed = counter.summary(1);
        assertTrue(failed.failed());
        assertEquals(1, failed.fail());
        assertEquals(1, failed.failingPoints());
    }

    @Test
    void unmeasuredResidualsAreEmptyCsvFieldsAndTheStatusIsKept() {
        String line = SweepCsv.line(row(Verdict.notApplicable("C3", "n/a"), Verdict.nonFinite("C4", "NaN")));
        assertTrue(line.endsWith(",NOT_APPLICABLE,,,FAIL,,"), line);
        ObjectNode o = SweepJsonl.object(row(Verdict.nonFinite("C3", "NaN")), "ncverify sweep");
        JsonNode v = o.get("verdicts").get(0);
        assertEquals("FAIL", v.get("status").asText());
        assertTrue(v.get("detail").asText().contains("non-finite"), v.toString());
    }

    @Test
    void theRunnerDeliversRowsInPointOrderAndStopsOnAFailingSink() throws IOException {
        SweepGrid g = grid("1e-4..1e-2:log:5");
        List<Long> seen = new ArrayList<>();
        List<Long> progress = new ArrayList<>();
        SweepSummary s = SweepRunner.run(g, P, Catalogue.of(List.of("C10")), 3, r -> seen.add(r.point().index()), progress::add);
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), seen);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), progress);
        assertEquals(5, s.points());
        IOException e = assertThrows(IOException.class, () -> SweepRunner.run(g, P, Catalogue.of(List.of("C10")), 2, r -> {
            throw new IOException("disk full");
        }, n -> { }));
        assertEquals("disk full", e.getMessage());
    }
}
