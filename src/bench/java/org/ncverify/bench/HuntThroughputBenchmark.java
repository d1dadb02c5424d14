package org.ncverify.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ncverify.claims.Catalogue;
import org.ncverify.claims.Status;
import org.ncverify.claims.Verdict;
import org.ncverify.hunt.Judge;
import org.ncverify.instance.Instance;
import org.ncverify.sampling.InstanceSampler;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hunter's throughput (issue 10, "Durability and scale"): instances judged per second by
 * {@link Judge#closedForm} (the closed form at P digits and every claim of {@link Catalogue#all()},
 * what a hunt does for each instance) on the mixed profile restricted to K &lt;= 20, d &lt;= 16,
 * on 2 threads (a hunt judges a batch on both cores). Never part of CI.
 *
 * <p>Instances: {@link #COUNT} draws {@code InstanceSampler.mixed(seed)} for seeds 0, 1, 2, ...
 * whose K &lt;= 20 and d &lt;= 16 (hidden widths are not restricted: the profiles keep them near K);
 * each thread walks the list from its own offset, so both threads judge different instances and
 * the score averages over the list. Mode: {@link Mode#Throughput}, operations (= instances) per
 * second summed over the 2 threads; one fork, 2 warmup and 5 measurement iterations of 10 s.
 * A verdict that FAILs aborts the trial (a benchmark of wrong answers is worthless).
 *
 * <pre>
 * mvn -B -Pbench -DskipTests package
 * java -jar target/benchmarks.jar HuntThroughputBenchmark -rf json -rff target/jmh-hunt.json
 * python3 scripts/bench-medians.py target/jmh-hunt.json
 * java -jar target/benchmarks.jar HuntThroughputBenchmark -p digits=30 -prof stack   # where the time goes
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(2)
@Warmup(iterations = 2, time = 10, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 10, timeUnit = TimeUnit.SECONDS)
public class HuntThroughputBenchmark {
    /** Instances in the list. */
    static final int COUNT = 120;
    /** Largest K kept. */
    static final int MAX_CLASSES = 20;
    /** Largest d kept. */
    static final int MAX_DIM = 16;

    /** The instances and the catalogue, shared by both threads. */
    @State(Scope.Benchmark)
    public static class Instances {
        @Param({"30", "60"})
        public int digits;

        List<Instance> list;
        Catalogue catalogue;

        @Setup(Level.Trial)
        public void setUp() {
            catalogue = Catalogue.all();
            list = mixed(COUNT);
        }
    }

    /** Each thread's position in the list. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        @Setup(Level.Trial)
        public void setUp(Instances s) {
            next = (int) (Thread.currentThread().getId() * 61 % s.list.size());
        }
    }

    /** One instance: the closed form at P digits and every claim. */
    @Benchmark
    public List<Verdict> judge(Instances s, Cursor c) {
        Instance x = s.list.get(c.next);
        c.next = (c.next + 1) % s.list.size();
        List<Verdict> v = Judge.closedForm(x, s.catalogue, s.digits);
        for (Verdict verdict : v) {
            if (verdict.status() == Status.FAIL) {
                throw new IllegalStateException(verdict.claimId() + " FAILs on " + x.describe() + ": " + verdict.detail());
            }
        }
        return v;
    }

    /** The first {@code count} mixed draws (seeds 0, 1, ...) with K &lt;= 20 and d &lt;= 16. */
    static List<Instance> mixed(int count) {
        List<Instance> out = new ArrayList<>();
        for (long seed = 0; out.size() < count; seed++) {
            Instance x = InstanceSampler.mixed(seed).instance();
            if (x.classes() <= MAX_CLASSES && x.dim() <= MAX_DIM) {
                out.add(x);
            }
        }
        return out;
    }
}
