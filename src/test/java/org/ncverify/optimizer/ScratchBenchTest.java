package org.ncverify.optimizer;

import org.junit.jupiter.api.Test;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;
import org.ncverify.support.Instances;
import org.ncverify.theory.ClosedForm;
import org.apfloat.Aprational;

class ScratchBenchTest {
    @Test
    void bench() {
        int K = Integer.getInteger("K", 6), d = Integer.getInteger("d", 16), L = Integer.getInteger("L", 2);
        String lam = System.getProperty("lam", "1e-3");
        int nmax = Integer.getInteger("nmax", 200);
        double ratio = Double.parseDouble(System.getProperty("ratio", "20"));
        long[] n = new long[K];
        for (int k = 0; k < K; k++) n[k] = Math.max(1, Math.round(nmax * Math.pow(ratio, -(double) k / (K - 1))));
        Instance inst = Instance.of(n, d, null, L, new Aprational[] {Instances.dec(lam)}, Instances.dec(lam));
        ClosedForm cf = ClosedForm.of(inst, Precision.of(30));
        MultiStart ms = new MultiStart(Integer.getInteger("starts", 8), 0, new double[] {1.0}, new LbfgsOptions(Integer.getInteger("m", 20), 1e-13, 50000, 100100));
        MultiStartResult r = ms.run(cf);
        for (RunSummary s : r.runs()) {
            System.out.printf("start %d to-gap %.3f s it %d | final gap %.2e grad %.2e it %d ev %d %.3f s %s %s k=%d%n", s.start(), s.secondsToGap(), s.iterationsToGap(),
                s.relativeGap(), s.gradientNorm(), s.iterations(), s.evaluations(), s.seconds(), s.stop(), s.classification(), s.directions());
        }
    }
}
