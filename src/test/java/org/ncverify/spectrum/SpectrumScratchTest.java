package org.ncverify.spectrum;

import org.junit.jupiter.api.Test;
import org.ncverify.linalg.Precision;

class SpectrumScratchTest {
    @Test
    void scratch() {
        long[] s = {30, 10, 4, 2, 1};
        YhatSpectrum sp = YhatSpectrum.compute(s, Precision.of(60));
        for (int i = 0; i < sp.size(); i++) {
            System.out.println(sp.kind(i) + " " + Precision.format(sp.singularValue(i), 60));
        }
        System.out.println(sp.certificate().holds() + " digits " + sp.certificate().minCertifiedDigits());
        long[] big = new long[200];
        for (int k = 0; k < 200; k++) {
            big[k] = Math.round(1e5 * Math.pow(1000, -k / 199.0));
        }
        for (int rep = 0; rep < 4; rep++) {
            long t = System.nanoTime();
            YhatSpectrum b = YhatSpectrum.compute(big, Precision.of(60));
            long t1 = System.nanoTime();
            SpectrumCertificate c = b.certificate();
            long t2 = System.nanoTime();
            b.left();
            long t3 = System.nanoTime();
            System.out.printf("K=200 values %.3f s cert %.3f s vectors %.3f s holds %s digits %d%n", (t1 - t) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, c.holds(), c.minCertifiedDigits());
        }
    }
}
