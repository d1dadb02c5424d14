package org.ncverify.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apfloat.Aprational;
import org.junit.jupiter.api.Test;
import org.ncverify.instance.InputException;
import org.ncverify.instance.Instance;
import org.ncverify.instance.MemoryEstimate;
import org.ncverify.instance.MemoryEstimate.Workload;
import org.ncverify.instance.Preset;
import org.ncverify.linalg.Precision;
import org.ncverify.support.Instances;

/**
 * verify at scale (verify-geometry): its memory estimate follows the factored workload (nothing
 * K x K, K x d or d x N) above the dense geometry budget, and a run whose estimate exceeds the
 * heap is still refused with one line naming the estimate.
 */
class VerifyScaleTest {
    private static Instance imagenet(int dim) {
        return Instance.of(Preset.of("imagenet-lt").sizes(), dim, null, 2, new Aprational[] {Instances.dec("1e-5")},
            Instances.dec("1e-5"));
    }

    @Test
    void imagenetAtDim512IsEstimatedInFactoredFormAndRefusedBeyondTheHeap() {
        Instance inst = imagenet(512);
        assertEquals(Workload.FACTORED_CLAIMS, MemoryEstimate.verifyWorkload(inst));
        Precision p = Precision.of(30);
        MemoryEstimate e = MemoryEstimate.of(inst, p.working(), Workload.FACTORED_CLAIMS);
        assertTrue(e.bytes() < 256.0 * (1 << 20), MemoryEstimate.format(e.bytes()));
        assertTrue(e.bytes() > MemoryEstimate.of(inst, p.working(), Workload.FACTORED).bytes());
        InstanceOptions o = new InstanceOptions();
        assertDoesNotThrow(() -> o.checkMemory(inst, p, MemoryEstimate.verifyWorkload(inst), "verify", 2L << 30));
        InputException x = assertThrows(InputException.class,
            () -> o.checkMemory(inst, p, MemoryEstimate.verifyWorkload(inst), "verify", 16L << 20));
        assertTrue(x.getMessage().startsWith("--sizes (K = 1000, N = 115846): verify would need about"), x.getMessage());
        assertTrue(x.getMessage().contains("more than the 16.0 MiB of the JVM's heap"), x.getMessage());
        assertEquals(1, x.getMessage().lines().count());
        // the dense model it replaces would not fit 2 GiB of heap
        assertTrue(MemoryEstimate.of(inst, p.working(), Workload.ALL_CLAIMS).bytes() > 2.0 * (1L << 30));
    }

    @Test
    void smallOrBalancedInstancesKeepTheDenseWorkload() {
        Instance small = Instances.imbalanced();
        assertEquals(Workload.ALL_CLAIMS, MemoryEstimate.verifyWorkload(small));
        Instance balanced = Instance.of(new long[] {4, 4, 4}, 1_000_000_000, null, 2,
            new Aprational[] {Instances.dec("1e-3")}, Instances.dec("1e-3"));
        assertEquals(Workload.CLOSED_FORM, MemoryEstimate.verifyWorkload(balanced));
    }

    /** Nothing of size d is stored on the factored route: d = 1e9 is answered, C11 on the factored gradient bound. */
    @Test
    void verifyAnswersABillionDimensionsInFactoredForm() {
        CliRunner r = CliRunner.run("verify --sizes 10,5,3,2 --dim 1000000000 --depth 2 --lambda-w 1e-3 --lambda-h 1e-3"
            .split(" "));
        assertEquals(ExitCodes.OK, r.status, r.err + r.out);
        for (String id : new String[] {"C5", "C6", "C7"}) {
            assertTrue(r.out.lines().anyMatch(l -> l.startsWith(id + " ") && l.contains("PASS") && l.contains("(factored)")),
                r.out);
        }
        assertTrue(r.out.lines().anyMatch(l -> l.startsWith("C11 ") && l.contains("PASS") && l.contains("factored gradient bound")),
            r.out);
        CliRunner w = CliRunner.run("verify --sizes 10,5,3,2 --dim 6 --depth 3 --widths 6,1000000000 --lambda-w 1e-3 --lambda-h 1e-3"
            .split(" "));
        assertEquals(ExitCodes.OK, w.status, w.err + w.out);
        assertTrue(w.out.lines().anyMatch(l -> l.startsWith("C9 ") && l.contains("PASS") && l.contains("(factored)")), w.out);
    }
}
