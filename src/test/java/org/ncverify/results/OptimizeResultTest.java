package org.ncverify.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apfloat.Apfloat;
import org.junit.jupiter.api.Test;
import org.ncverify.claims.Catalogue;
import org.ncverify.linalg.Precision;
import org.ncverify.runs.CountRange;
import org.ncverify.runs.StartClass;
import org.ncverify.support.Instances;

/** {@link OptimizeResult}: computed from seeded runs, inconclusive (never failed) without a finite run, counts for every class. */
class OptimizeResultTest {
    @Test
    void noFiniteRunIsInconclusiveNotAFailAndSaysSo() {
        OptimizeResult r = new OptimizeResult(Instances.imbalanced(), Precision.of(20), new Apfloat("0.5", 20), 3, 100,
            1e-10, List.of(), Map.of(), 0, new CountRange(3, 3), -1, List.of(), 0, Optional.empty());
        assertFalse(r.failed(), "no measurement refutes nothing: issue 11 (optimize exited 1 when every run was non-finite)");
        assertTrue(r.inconclusive());
        assertNull(r.best());
        assertEquals(StartClass.values().length, r.counts().size());
        assertTrue(r.render(new TextRenderer()).endsWith("no run ended at a finite value\n"));
    }

    @Test
    void computedFromSeededRunsWithASelection() {
        OptimizeSettings settings = new OptimizeSettings(2, 3, new double[] {1.0}, 20000, false);
        OptimizeResult r = OptimizeResult.compute(Instances.imbalanced(), Precision.of(20), settings,
            Catalogue.of(List.of("C3", "C13")));
        assertEquals(2, r.runs().size());
        assertEquals(List.of("C3", "C13"), r.verdicts().stream().map(v -> v.claimId()).toList());
        assertFalse(r.failed(), r.verdicts().toString());
        assertEquals(2, r.counts().get(StartClass.GLOBAL));
        assertEquals(OptimizeResult.variables(Instances.imbalanced()), r.variables());
        assertEquals(6 * 6 + 4 * 6 + 6 * 20 + 4, r.variables());
        OptimizeResult again = OptimizeResult.compute(Instances.imbalanced(), Precision.of(20), settings, Catalogue.all());
        for (int i = 0; i < 2; i++) {
            assertEquals(r.runs().get(i).value(), again.runs().get(i).value(), "start " + i + " is seeded");
        }
        assertEquals(Catalogue.all().ids().size(), again.verdicts().size());
    }
}
