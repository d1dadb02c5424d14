package org.ncverify.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.apfloat.Apfloat;
import org.apfloat.Aprational;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;
import org.ncverify.spectrum.SpectrumCertificate;
import org.ncverify.support.Instances;

/**
 * {@link ClosedForm#of(Instance, Precision, java.util.concurrent.Executor)} (what solve runs on its
 * pool) gives the sequential closed form to the last working digit: spectrum, certificate, p*, f*,
 * the factored value and Gram defects; and the Gram-defect sums do not depend on the block size.
 * Equality is exact (Apfloat.equals at the working precision), not within a tolerance.
 */
class ParallelClosedFormTest {
    private static ForkJoinPool pool;

    @BeforeAll
    static void start() {
        pool = new ForkJoinPool(2);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    static Stream<Arguments> cases() {
        long[] tail = new long[120];
        for (int k = 0; k < tail.length; k++) {
            tail[k] = Math.round(1e4 * Math.pow(100, -k / 119.0)); // ties in the tail
        }
        return Stream.of(
            Arguments.of("imbalanced", Instances.imbalanced(), 40),
            Arguments.of("balanced (tied)", Instances.balanced(), 40),
            Arguments.of("deep", Instances.deep(), 40),
            Arguments.of("ties 8,8,8,3,1 L = 2", Instance.of(new long[] {8, 8, 8, 3, 1}, 6, null, 2,
                new Aprational[] {Instances.dec("1e-3")}, Instances.dec("1e-3")), 50),
            Arguments.of("tail K = 120, d = 64, L = 2", Instance.of(tail, 64, null, 2,
                new Aprational[] {Instances.dec("1e-6")}, Instances.dec("1e-6")), 30));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parallelEqualsSequentialToTheLastDigit(String name, Instance inst, int digits) {
        Precision p = Precision.of(digits);
        ClosedForm seq = ClosedForm.of(inst, p);
        ClosedForm par = ClosedForm.of(inst, p, pool);
        assertEquals(List.of(seq.spectrum().singularValues()), List.of(par.spectrum().singularValues()), name);
        assertEquals(List.of(seq.productSingularValues()), List.of(par.productSingularValues()), name);
        assertEquals(seq.objective(), par.objective(), name);
        SpectrumCertificate cs = seq.spectrum().certificate();
        SpectrumCertificate cp = par.spectrum().certificate();
        for (int i = 0; i < inst.classes(); i++) {
            SpectrumCertificate.Bracket a = cs.bracket(i);
            SpectrumCertificate.Bracket b = cp.bracket(i);
            assertEquals(List.of(a.kind(), a.lower(), a.upper(), a.certified(), a.evidence()),
                List.of(b.kind(), b.lower(), b.upper(), b.certified(), b.evidence()), name + " bracket " + i);
        }
        assertEquals(List.of(cs.holds(), cs.minCertifiedDigits(), cs.exactVectorCount()),
            List.of(cp.holds(), cp.minCertifiedDigits(), cp.exactVectorCount()), name);
        FactoredMinimizer fs = seq.factored();
        FactoredMinimizer fp = par.factored();
        assertEquals(fs.value(), fp.value(), name);
        assertEquals(List.of(fs.gramDefects()), List.of(fp.gramDefects()), name);
        assertEquals(fs.singularValueBound(), fp.singularValueBound(), name);
    }

    @Test
    void gramDefectSumsDoNotDependOnTheBlockSize() {
        long[] tail = new long[90];
        for (int k = 0; k < tail.length; k++) {
            tail[k] = 3000 - 31L * k;
        }
        Instance inst = Instance.of(tail, 80, null, 1, new Aprational[] {Instances.dec("1e-7")}, Instances.dec("1e-7"));
        FactoredMinimizer f = ClosedForm.of(inst, Precision.of(30), pool).factored();
        List<Apfloat> whole = List.of(f.defectsInBlocks(Long.MAX_VALUE));
        for (long block : new long[] {1, 7, 100, 1000}) {
            assertEquals(whole, List.of(f.defectsInBlocks(block)), "block " + block);
        }
        assertEquals(80, f.directions());
    }
}
