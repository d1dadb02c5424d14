package org.ncverify.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apfloat.Aprational;
import org.junit.jupiter.api.Test;
import org.ncverify.claims.Catalogue;
import org.ncverify.claims.Status;
import org.ncverify.claims.Subject;
import org.ncverify.claims.Verdict;
import org.ncverify.instance.Instance;
import org.ncverify.instance.MemoryEstimate;
import org.ncverify.linalg.Precision;
import org.ncverify.support.Instances;

/**
 * The {@link MemoryEstimate.Workload#FACTORED} model against the heap a factored solve actually
 * retains (K = 600 distinct sizes, r = 120, 30 digits): within a factor 3 either way.
 */
class FactoredMemoryTest {
    private static long used() {
        Runtime rt = Runtime.getRuntime();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            best = Math.min(best, rt.totalMemory() - rt.freeMemory());
        }
        return best;
    }

    @Test
    void theFactoredEstimateIsWithinAFactorThreeOfTheRetainedHeap() {
        int k = 600;
        long[] sizes = new long[k];
        for (int i = 0; i < k; i++) {
            sizes[i] = 5000 - 7L * i;
        }
        Instance inst = Instance.of(sizes, 120, null, 2, new Aprational[] {Instances.dec("1e-6")}, Instances.dec("1e-6"));
        Precision p = Precision.of(30);
        assertEquals(MemoryEstimate.Workload.FACTORED, MemoryEstimate.solveWorkload(inst));
        long before = used();
        ClosedForm cf = ClosedForm.of(inst, p);
        Subject s = Subject.ofClosedForm(cf);
        List<Verdict> verdicts = Catalogue.of(List.of("C3", "C4", "C8", "C10")).run(s);
        long retained = used() - before;
        for (Verdict v : verdicts) {
            assertEquals(Status.PASS, v.status(), v::toString);
        }
        assertEquals(120, cf.survivingDirections());
        double estimate = MemoryEstimate.of(inst, p.working(), MemoryEstimate.Workload.FACTORED).bytes();
        assertTrue(estimate <= 3 * retained && retained <= 3 * estimate,
            "estimate " + MemoryEstimate.format(estimate) + ", retained " + MemoryEstimate.format(retained));
        System.out.println("factored solve K = 600, r = 120, 30 digits: estimate " + MemoryEstimate.format(estimate)
            + ", retained " + MemoryEstimate.format(retained) + " (" + cf.objective().precision() + ")");
    }
}
