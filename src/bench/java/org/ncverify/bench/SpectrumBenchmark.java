package org.ncverify.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.ncverify.linalg.Precision;
import org.ncverify.spectrum.SpectrumCertificate;
import org.ncverify.spectrum.YhatSpectrum;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cost of the structured SVD of Yhat ({@link YhatSpectrum}): secular roots, exact certificate,
 * closed-form singular vectors. Never part of CI.
 *
 * <p>Mode: {@link Mode#AverageTime}, milliseconds per operation. One fork, 3 warmup and 5
 * measurement iterations of 2 s each; an iteration's score is the mean time of the operations
 * completed in it (at least one: an operation longer than 2 s makes the iteration a single
 * shot). Report the median of the 5 measurement iterations (scripts/bench-medians.py reads
 * the JSON written by {@code -rf json}). The benchmark hands {@code YhatSpectrum.compute} the
 * common fork-join pool ({@link #POOL}), so the roots and vectors are solved on the machine's
 * cores (2 here); the product's default is sequential. Every operation
 * builds a new spectrum, so nothing is cached between operations.
 *
 * <p>Cases:
 * <ul>
 * <li>ref50: the 50-class long tail of ../shared/reference-cases.json (7th case,
 *     5000, 4551, ..., 50), 60 digits;</li>
 * <li>tail200: round(1e5 * 1000^(-k/199)), k = 0..199, 60 digits;</li>
 * <li>tail1000: round(1e5 * 1000^(-k/999)), k = 0..999, 30 digits (values and certificate
 *     only: the 1000 x 1000 vectors are not benchmarked);</li>
 * <li>tail8142: round(1e5 * 1000^(-k/8141)), 30 digits, values and certificate, sequential.</li>
 * </ul>
 *
 * <pre>
 * mvn -B -Pbench -DskipTests package
 * java -jar target/benchmarks.jar SpectrumBenchmark -rf json -rff target/jmh-spectrum.json
 * python3 scripts/bench-medians.py target/jmh-spectrum.json
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public class SpectrumBenchmark {
    /** The executor of every benchmarked spectrum: all cores, as the figures in the README. */
    static final Executor POOL = ForkJoinPool.commonPool();

    /** The 50- and 200-class long tails at 60 digits. */
    @State(Scope.Benchmark)
    public static class Moderate {
        @Param({"ref50", "tail200"})
        public String instance;

        long[] sizes;
        Precision precision;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            precision = Precision.of(60);
            sizes = "ref50".equals(instance) ? referenceCase(7) : longTail(200, 1e5, 1000);
            check(sizes, precision);
        }
    }

    /** The 1000-class long tail at 30 digits. */
    @State(Scope.Benchmark)
    public static class Large {
        long[] sizes;
        Precision precision;

        @Setup(Level.Trial)
        public void setUp() {
            precision = Precision.of(30);
            sizes = longTail(1000, 1e5, 1000);
            check(sizes, precision);
        }
    }

    /**
     * The 8142-class long tail (iNaturalist 2018's class count), round(1e5 * 1000^(-k/8141)),
     * 6313 distinct sizes, at 30 digits (issue 13). The trial check is skipped here: the
     * benchmark itself computes the certificate and {@link #valuesCertificate8142} fails on it.
     */
    @State(Scope.Benchmark)
    public static class Huge {
        long[] sizes;
        Precision precision;

        @Setup(Level.Trial)
        public void setUp() {
            precision = Precision.of(30);
            sizes = longTail(8142, 1e5, 1000);
        }
    }

    /** (a), (b): singular values only. */
    @Benchmark
    public YhatSpectrum values(Moderate s) {
        return YhatSpectrum.compute(s.sizes, s.precision, POOL);
    }

    /** (a), (b): singular values, exact certificate and both singular vector matrices. */
    @Benchmark
    public void valuesCertificateVectors(Moderate s, Blackhole bh) {
        YhatSpectrum sp = YhatSpectrum.compute(s.sizes, s.precision, POOL);
        bh.consume(sp.certificate());
        bh.consume(sp.left());
        bh.consume(sp.right());
    }

    /** (c): singular values only, K = 1000 at 30 digits. */
    @Benchmark
    public YhatSpectrum values1000(Large s) {
        return YhatSpectrum.compute(s.sizes, s.precision, POOL);
    }

    /** (c): singular values and exact certificate, K = 1000 at 30 digits. */
    @Benchmark
    public SpectrumCertificate valuesCertificate1000(Large s) {
        return YhatSpectrum.compute(s.sizes, s.precision, POOL).certificate();
    }

    /**
     * (d): singular values and exact certificate, K = 8142 at 30 digits, in the calling thread
     * (as the CLI computes it). Single shots: one warmup, three measured operations.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public SpectrumCertificate valuesCertificate8142(Huge s) {
        SpectrumCertificate c = YhatSpectrum.compute(s.sizes, s.precision).certificate();
        if (!c.holds() || c.minCertifiedDigits() < s.precision.digits()) {
            throw new IllegalStateException("certificate fails for K = 8142");
        }
        return c;
    }

    /** round(top * ratio^(-k/(K-1))), k = 0..K-1. */
    static long[] longTail(int k, double top, double ratio) {
        long[] n = new long[k];
        for (int i = 0; i < k; i++) {
            n[i] = Math.round(top * Math.pow(ratio, -(double) i / (k - 1)));
        }
        return n;
    }

    /** The sizes of the given (1-based) case of reference-cases.json in ncverify.shared or ../shared. */
    static long[] referenceCase(int number) throws IOException {
        Path file = Path.of(System.getProperty("ncverify.shared", "../shared")).resolve("reference-cases.json");
        JsonNode sizes = new ObjectMapper().readTree(file.toFile()).get(number - 1).get("instance").get("sizes");
        long[] n = new long[sizes.size()];
        for (int k = 0; k < n.length; k++) {
            n[k] = sizes.get(k).longValue();
        }
        return n;
    }

    /** A benchmark of a wrong answer is worthless: the certificate must hold once per trial. */
    static void check(long[] sizes, Precision precision) {
        SpectrumCertificate c = YhatSpectrum.compute(sizes, precision, POOL).certificate();
        if (!c.holds() || c.minCertifiedDigits() < precision.digits()) {
            throw new IllegalStateException("certificate fails for K = " + sizes.length);
        }
    }
}
