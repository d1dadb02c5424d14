package org.ncverify.bench;

import java.util.concurrent.TimeUnit;
import org.apfloat.Aprational;
import org.ncverify.instance.Instance;
import org.ncverify.instance.Preset;
import org.ncverify.linalg.Precision;
import org.ncverify.theory.ClosedForm;
import org.ncverify.theory.FactoredGradient;
import org.ncverify.theory.FactoredMinimizer;
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

/**
 * Cost of C11's factored gradient bound ({@link FactoredGradient}) on the closed form of a preset
 * at d = 512, L = 2, lambda_W = lambda_H = 1e-5, 30 digits: the shape of
 * {@code solve --preset imagenet-lt --dim 512 --depth 2 --lambda-w 1e-5 --lambda-h 1e-5 --digits 30}.
 * The closed form, its pairs and its Gram defects (already computed by C4 in a solve) are built in
 * the trial setup; each operation is one bound. Single shot, 1 warmup and 3 measurement
 * iterations, one fork; report the median. Never part of CI.
 *
 * <pre>
 * mvn -B -Pbench -DskipTests package
 * java -Xmx4g -jar target/benchmarks.jar FactoredGradientBenchmark -p preset=imagenet-lt -rf json -rff target/jmh-c11.json
 * python3 scripts/bench-medians.py target/jmh-c11.json
 * </pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class FactoredGradientBenchmark {
    /** The factored closed form of the preset. */
    @State(Scope.Benchmark)
    public static class Shape {
        @Param({"imagenet-lt", "inat2018-like"})
        public String preset;

        FactoredMinimizer point;
        org.apfloat.Apfloat[] bias;

        @Setup(Level.Trial)
        public void setUp() {
            Aprational lam = new Aprational(org.apfloat.Apint.ONE, new org.apfloat.Apint(100000));
            Instance inst = Instance.of(Preset.of(preset).sizes(), 512, null, 2, new Aprational[] {lam}, lam);
            ClosedForm cf = ClosedForm.of(inst, Precision.of(30));
            point = cf.factored();
            bias = cf.bias();
            point.gramDefects();
        }
    }

    @Benchmark
    public FactoredGradient bound(Shape s) {
        return FactoredGradient.of(s.point, s.bias);
    }
}
