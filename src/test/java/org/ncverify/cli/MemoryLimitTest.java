package org.ncverify.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ncverify.instance.InputException;
import org.ncverify.instance.Instance;
import org.ncverify.instance.MemoryEstimate.Workload;
import org.ncverify.linalg.Precision;

/**
 * Resource limits for bad input: an instance whose estimated memory ({@code MemoryEstimate})
 * exceeds the JVM's heap is refused at once, exit 2, one line naming the flag and the estimate.
 */
class MemoryLimitTest {
    private static final String REST = " --lambda-w 1e-3 --lambda-h 1e-3";

    /** Bad input within two seconds, in-process (no JVM start-up in the figure). */
    private static void refusedQuickly(String name, String commandLine, String mentions) {
        long t0 = System.nanoTime();
        CliRunner.assertBadInput(name, commandLine, mentions);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds < 2, name + ": refused only after " + seconds + " s");
        CliRunner r = CliRunner.run(commandLine.split(" "));
        assertTrue(r.err.contains("would need about") && r.err.contains("of the JVM's heap"), r.err);
    }

    @Test
    void aBillionDimensionsIsRefusedByEveryCommand() {
        // verify answers 10,5,3,2 at d = 1e9 in factored form (verify-geometry); a balanced instance, whose
        // claim C12 reads the dense point, is still refused
        for (String cmd : new String[] {"verify"}) {
            refusedQuickly(cmd + " --dim 1e9", cmd + " --sizes 4,4,4 --dim 1000000000 --depth 2" + REST,
                "--dim = 1000000000: " + cmd + " would need about");
        }
        // optimize refuses it already by its variable count, before the memory model
        CliRunner.assertBadInput("optimize --dim 1e9", "optimize --sizes 10,5,3,2 --dim 1000000000 --depth 2" + REST,
            "variables");
    }

    /**
     * solve stores nothing proportional to d or the widths (the factored closed form, scale-theory):
     * a billion dimensions runs in seconds, and C11, whose dense gradient it cannot afford, is judged
     * on the factored gradient bound (factored-c11), which does not depend on d.
     */
    @Test
    void solveAnswersABillionDimensionsInFactoredForm() {
        long t0 = System.nanoTime();
        CliRunner r = CliRunner.run(("solve --sizes 10,5,3,2 --dim 1000000000 --depth 2 --format json" + REST).split(" "));
        assertEquals(ExitCodes.OK, r.status, r.err);
        assertTrue((System.nanoTime() - t0) / 1e9 < 10, "solve took too long");
        assertTrue(r.out.contains("\"id\" : \"C11\"") && r.out.contains("factored gradient bound")
            && r.out.contains("dense gradient not evaluated (about 4.0e+18 Apfloat products"), r.out);
        CliRunner w = CliRunner.run(("solve --sizes 10,5,3,2 --dim 6 --depth 3 --widths 6,1000000000" + REST).split(" "));
        assertEquals(ExitCodes.OK, w.status, w.err);
    }

    /** A factored solve whose estimate exceeds the heap is still refused, naming the estimate and the heap. */
    @Test
    void aFactoredSolveBeyondTheHeapIsRefused() {
        InstanceOptions o = new InstanceOptions();
        Instance inst = Instance.of(org.ncverify.instance.Preset.of("inat2018-like").sizes(), 512, null, 2,
            new org.apfloat.Aprational[] {org.ncverify.support.Instances.dec("1e-4")}, org.ncverify.support.Instances.dec("1e-4"));
        assertEquals(Workload.FACTORED, org.ncverify.instance.MemoryEstimate.solveWorkload(inst));
        Precision p = Precision.of(30);
        assertDoesNotThrow(() -> o.checkMemory(inst, p, Workload.FACTORED, "solve", 4L << 30));
        InputException e = assertThrows(InputException.class, () -> o.checkMemory(inst, p, Workload.FACTORED, "solve", 64L << 20));
        assertTrue(e.getMessage().startsWith("--sizes (K = 8142, N = 437513): solve would need about"), e.getMessage());
        assertTrue(e.getMessage().contains("more than the 64.0 MiB of the JVM's heap"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aBillionHiddenUnitsIsRefusedNamingTheWidths() {
        // a balanced instance: verify answers 10,5,3,2 with these widths in factored form (verify-geometry)
        for (String cmd : new String[] {"verify"}) {
            refusedQuickly(cmd + " --widths 1e9", cmd + " --sizes 4,4,4 --dim 6 --depth 3 --widths 6,1000000000" + REST,
                "--widths = 6,1000000000: " + cmd + " would need about");
        }
    }

    @Test
    void theLimitIsTheHeapTheRefusalNamesTheDominantFlag() {
        InstanceOptions o = new InstanceOptions();
        Instance inst = Instance.of(new long[] {10, 5, 3, 2}, 6, null, 2,
            new org.apfloat.Aprational[] {org.ncverify.support.Instances.dec("1e-3")}, org.ncverify.support.Instances.dec("1e-3"));
        Precision p = Precision.of(2000);
        // the README instance at 2000 digits: a few MB, fine in 64 MiB, refused in 64 KiB naming --digits
        assertDoesNotThrow(() -> o.checkMemory(inst, p, Workload.ALL_CLAIMS, "verify", 64L << 20));
        InputException e = assertThrows(InputException.class,
            () -> o.checkMemory(inst, p, Workload.ALL_CLAIMS, "verify", 64L << 10));
        assertTrue(e.getMessage().startsWith("--digits = 2000: verify would need about"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void runsOfTheReadmeStillGo() {
        CliRunner r = CliRunner.run(("solve --sizes 10,5,3,2 --dim 6 --depth 2 --digits 50" + REST).split(" "));
        assertEquals(0, r.status, r.err);
    }
}
