import org.ncverify.linalg.Precision;
import org.ncverify.spectrum.*;
/**
 * CPU and wall time of YhatSpectrum.compute and its certificate in the calling thread, for the long
 * tail round(1e5 * 1000^(-k/(K-1))), K classes, P digits, reps operations in one JVM (the first is
 * cold). CPU time is the thread's (ThreadMXBean), the fair figure on a loaded machine.
 * usage: see scripts/bench-spectrum-side-by-side.sh (java ... SpectrumCpuTime K P reps)
 */
public class SpectrumCpuTime {
    public static void main(String[] a) {
        int k = Integer.parseInt(a[0]); int digits = Integer.parseInt(a[1]); int reps = a.length > 2 ? Integer.parseInt(a[2]) : 1;
        long[] n = new long[k];
        for (int i = 0; i < k; i++) n[i] = Math.round(1e5 * Math.pow(1000, -(double) i / (k - 1)));
        for (int r = 0; r < reps; r++) {
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean(); long c0 = mx.getCurrentThreadCpuTime(); long t0 = System.nanoTime();
            YhatSpectrum sp = YhatSpectrum.compute(n, Precision.of(digits));
            long t1 = System.nanoTime(); long c1 = mx.getCurrentThreadCpuTime();
            SpectrumCertificate c = sp.certificate();
            long t2 = System.nanoTime(); long c2 = mx.getCurrentThreadCpuTime();
            System.out.printf("K=%d P=%d D=%d values %.3f s (cpu %.3f), certificate %.3f s (cpu %.3f), holds %b, min digits %d%n", k, digits, sp.groups().count(), (t1-t0)/1e9, (c1-c0)/1e9, (t2-t1)/1e9, (c2-c1)/1e9, c.holds(), c.minCertifiedDigits());
        }
    }
}
