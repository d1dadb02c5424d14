import java.lang.management.ManagementFactory;
import java.util.concurrent.ForkJoinPool;
import org.ncverify.linalg.Precision;
import org.ncverify.spectrum.SpectrumCertificate;
import org.ncverify.spectrum.YhatSpectrum;

/**
 * ONE cold operation per JVM, as in a whole-process solve: the spectrum of the long tail
 * round(1e5 * 1000^(-k/(K-1))) at P digits on a pool of T threads (T = 2 as solve), then its
 * exact certificate on the same pool. Prints one line: wall seconds of each phase and the
 * process CPU seconds (every thread, the JIT compiler's included: on a loaded machine the
 * fairer figure). usage: java -cp CLASSES:DEPS:TOOL SpectrumColdStart K P T
 * (scripts/bench-spectrum-cold.sh runs it side by side against an older commit).
 */
public class SpectrumColdStart {
    public static void main(String[] a) {
        int k = Integer.parseInt(a[0]);
        int digits = Integer.parseInt(a[1]);
        int threads = Integer.parseInt(a[2]);
        long[] n = new long[k];
        for (int i = 0; i < k; i++) {
            n[i] = Math.round(1e5 * Math.pow(1000, -(double) i / (k - 1)));
        }
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ForkJoinPool pool = new ForkJoinPool(threads);
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        YhatSpectrum sp = YhatSpectrum.compute(n, Precision.of(digits), pool);
        long t1 = System.nanoTime();
        SpectrumCertificate c = sp.certificate();
        long t2 = System.nanoTime();
        long c2 = os.getProcessCpuTime();
        pool.shutdown();
        System.out.printf("values %.3f certificate %.3f total %.3f process-cpu %.3f holds %b digits %d%n",
            (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t2 - t0) / 1e9, (c2 - c0) / 1e9, c.holds(), c.minCertifiedDigits());
    }
}
